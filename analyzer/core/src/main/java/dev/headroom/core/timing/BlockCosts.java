package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;

/** Each block's cost, each call instruction's cost and worst target, and the first reason a call has no bound. */
final class BlockCosts {
    final long[] block;
    final long[] call;
    final MethodTiming[] callee;
    CharSequence reason;
    MethodRef cause;

    BlockCosts(ControlFlow cfg) {
        block = new long[cfg.blockCount];
        call = new long[cfg.insns.size()];
        callee = new MethodTiming[cfg.insns.size()];
    }
}
