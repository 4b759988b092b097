package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;

/**
 * What the timing analysis knows of one method: its timing once made; while it is analysed (on its own or in a call's
 * context), its place in the stack of methods in progress; and the stand-in last made for a call back into it, with
 * the version of that stack it was made at (the same cycle is reached from a method's every call site).
 */
final class KnownMethod {
    final MethodRef ref;
    MethodTiming timing;
    int inProgressAt = -1;
    MethodTiming recursion;
    long recursionAt;
    /** The last site whose targets listed it ({@link CallTargets#of}): each target once, with no set per site. */
    int listedAt;

    KnownMethod(MethodRef ref) {
        this.ref = ref;
    }
}
