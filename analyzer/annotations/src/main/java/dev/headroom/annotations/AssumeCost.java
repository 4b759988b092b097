package dev.headroom.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Trust: this method costs at most {@link #cycles()} cycles of the cost model. Its body is not
 * analysed for timing. Meant for native methods and hardware access that the analyzer cannot see.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AssumeCost {
    /** The worst-case cost of one call, in cycles of the cost model. */
    long cycles();
}
