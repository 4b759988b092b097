package dev.headroom.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Findings of the named rules located in this method, constructor or type are reported as suppressed
 * and do not fail the build. A suppression that suppresses nothing is itself reported
 * ({@code unused-suppression}), so stale suppressions do not pile up.
 *
 * <pre>{@code
 * @Suppress(value = "heap-allocation", reason = "runs once per session, before the loop starts")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface Suppress {
    /** Rule ids, for example {@code "heap-allocation"}. */
    String[] value();

    /** Why the findings are acceptable; shown in the reports. */
    String reason() default "";
}
