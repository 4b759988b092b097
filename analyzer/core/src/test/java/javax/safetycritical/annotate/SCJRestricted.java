package javax.safetycritical.annotate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Test stand-in for Safety-Critical Java's annotation of the same name (JSR 302), with its real package
 * name and the element Headroom's bundled {@code roots.json} maps: {@code mayAllocate}, default true.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface SCJRestricted {
    boolean mayAllocate() default true;

    boolean maySelfSuspend() default false;
}
