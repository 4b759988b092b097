package dev.headroom.core.callgraph;

import dev.headroom.core.rules.MethodRule;

/** Where a call goes, as far as the analyses are concerned. */
public sealed interface Target {
    /**
     * The method whose bytecode the call leads into, a node of the graph: the method called, or the summarised
     * method followed for its callbacks; null for a call that is not followed.
     */
    static MethodRef followed(Target target) {
        if (target instanceof Method m) {
            return m.ref();
        }
        return target instanceof CallbacksOnly c ? c.ref() : null;
    }

    /** A method whose bytecode is followed: a node of the call graph. */
    record Method(MethodRef ref) implements Target {
    }

    /** A method described by a rule pack: not followed, the entry says what it does. */
    record Summarised(MethodRef ref, MethodRule rule) implements Target {
    }

    /**
     * A summarised library method followed only to find the user code it calls back (a comparator, a
     * key's hashCode): what it does itself is what its rule-pack entry says, not what its bytecode shows.
     */
    record CallbacksOnly(MethodRef ref) implements Target {
    }

    /** A call the analyzer cannot follow: a missing class, native code, no implementation. */
    record Unanalysable(MethodRef ref, String reason) implements Target {
    }

    /** An allocation the call makes by itself: a constructor reference creating its object. */
    record Allocation(String message) implements Target {
    }
}
