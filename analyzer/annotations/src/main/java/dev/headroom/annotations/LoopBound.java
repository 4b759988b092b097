package dev.headroom.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every loop in this method whose bound cannot be inferred runs at most {@link #value()} iterations
 * each time the method is entered. To bound one loop only, call {@link Loops#bound(int)} inside it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface LoopBound {
    /** The largest number of iterations per entry of the method. */
    int value();
}
