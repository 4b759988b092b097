package dev.headroom.core.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a rule pack says about a library method; the JSON name is {@link #id()}. */
public enum RuleKind {
    /** The call may grow a growable collection: rule {@code growable-collection}. */
    GROWABLE("growable"),
    /** The call allocates on the heap: rule {@code heap-allocation}. */
    ALLOCATING("allocating"),
    /** The call may block: rule {@code blocking-call}. */
    BLOCKING("blocking"),
    /** No allocation, no growth, no blocking, no call into unknown code: traversal stops, no finding. */
    SAFE("safe"),
    /** The call cannot be analysed (reflection, method handles): rule {@code unresolved-call}. */
    UNRESOLVED("unresolved");

    private final String id;

    RuleKind(String id) {
        this.id = id;
    }

    /** The name used in rule pack JSON. */
    public String id() {
        return id;
    }

    static Optional<RuleKind> fromId(String id) {
        for (RuleKind kind : values()) {
            if (kind.id.equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static String allIds() {
        return Arrays.stream(values()).map(RuleKind::id).collect(Collectors.joining(", "));
    }
}
