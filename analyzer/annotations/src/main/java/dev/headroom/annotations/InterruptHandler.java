package dev.headroom.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interrupt entry point (a root). The real-time rules apply, and in addition any blocking
 * ({@code synchronized}, {@code Object.wait}, {@code Thread.sleep}, locks, I/O) reachable from it is an
 * error rather than a warning.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface InterruptHandler {
}
