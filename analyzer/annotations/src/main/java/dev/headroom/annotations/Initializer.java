package dev.headroom.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a start-up method (an initialisation root): it runs once, before the real-time phase, and
 * preallocates what the program keeps (the initialisation phase of Safety-Critical Java's missions is the
 * model). The memory budget counts every object it allocates, as the static initialisers' objects are
 * counted: nothing allocated at start-up is assumed to be freed. It is not a real-time root: it may allocate.
 * The same as {@code --init-root} on the command line.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Initializer {
}
