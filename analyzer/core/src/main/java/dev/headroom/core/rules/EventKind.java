package dev.headroom.core.rules;

import dev.headroom.core.model.Rule;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of finding the analyzer makes by itself, not from a rule-pack entry; each has a remedy in
 * the bundled {@code remedies.json} ({@link EventRemedies}). The ids are the data file's keys.
 */
public enum EventKind {
    NEW("new", Rule.HEAP_ALLOCATION, "explicit new of an object"),
    ARRAY("array", Rule.HEAP_ALLOCATION, "array allocation"),
    VARARGS("varargs", Rule.HEAP_ALLOCATION, "varargs argument array"),
    CONCATENATION("concatenation", Rule.HEAP_ALLOCATION, "string concatenation"),
    CAPTURING_LAMBDA("capturing-lambda", Rule.HEAP_ALLOCATION, "capturing lambda"),
    CAPTURING_METHOD_REFERENCE("capturing-method-reference", Rule.HEAP_ALLOCATION, "capturing method reference"),
    CONSTRUCTOR_REFERENCE("constructor-reference", Rule.HEAP_ALLOCATION, "constructor reference"),
    ARRAY_CLONE("array-clone", Rule.HEAP_ALLOCATION, "array clone"),
    BOXING("boxing", Rule.HEAP_ALLOCATION, "boxing"),
    LIBRARY_ALLOCATION("library-allocation", Rule.HEAP_ALLOCATION, "allocation inside library code"),
    LIBRARY_GROWTH("library-growth", Rule.GROWABLE_COLLECTION, "growth inside library code"),
    SYNCHRONIZED("synchronized", Rule.BLOCKING_CALL, "synchronized block or method"),
    RECURSION("recursion", Rule.RECURSION, "recursive call"),
    UNRESOLVED_CALL("unresolved-call", Rule.UNRESOLVED_CALL, "call that cannot be analysed");

    private final String id;
    private final Rule rule;
    private final String description;

    EventKind(String id, Rule rule, String description) {
        this.id = id;
        this.rule = rule;
        this.description = description;
    }

    /** The key in {@code remedies.json}. */
    public String id() {
        return id;
    }

    /** The rule whose findings this kind of event makes. */
    public Rule rule() {
        return rule;
    }

    /** What the event is, for people. */
    public String description() {
        return description;
    }

    public static Optional<EventKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
