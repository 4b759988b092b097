package dev.headroom.core.paths;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Rule;

/**
 * Something one method does by itself at one line that a rule is about: an allocation, a call that a
 * rule pack describes, a synchronized block, a call that cannot be analysed.
 *
 * @param target  the method the event is a call to (the last frame of a chain), or null
 * @param remedy  a remedy that fits this event, or null for the rule's general one
 */
record Event(Rule rule, boolean cold, int line, String message, MethodRef target, String remedy) {
}
