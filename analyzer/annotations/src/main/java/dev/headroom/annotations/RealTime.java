package dev.headroom.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a real-time entry point (a root). Headroom follows every call reachable from this method and
 * reports each call that may grow a growable collection ({@code growable-collection}), each heap
 * allocation ({@code heap-allocation}), recursion, calls it cannot analyse, and (as warnings)
 * blocking calls.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RealTime {
}
