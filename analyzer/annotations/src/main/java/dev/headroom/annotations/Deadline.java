package dev.headroom.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The worst-case execution cost of this root must be at most {@link #cycles()} cycles of the chosen
 * cost model (with the default {@code unit} model: bytecodes executed). A bound above the deadline is a
 * {@code deadline-exceeded} error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Deadline {
    /** The largest acceptable worst-case cost, in cycles of the cost model. */
    long cycles();
}
