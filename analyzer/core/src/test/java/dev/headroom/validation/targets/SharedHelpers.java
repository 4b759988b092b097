package dev.headroom.validation.targets;

import dev.headroom.annotations.InterruptHandler;
import dev.headroom.annotations.RealTime;

/**
 * Two roots of different kinds reach the same helpers: each root gets its own findings (the blocking
 * call is a warning for the real-time root and an error for the interrupt root), and grouping by
 * location merges them into one finding per line with the count of roots (an unbounded loop too).
 */
public class SharedHelpers {
    private final Object lock = new Object();
    private int[] scratch;
    private int count;

    @RealTime
    public void onTick() {
        record();
    }

    @InterruptHandler
    public void onIrq() {
        record();
    }

    private void record() {
        scratch = new int[4]; // expect: heap-allocation
        synchronized (lock) { // expect: blocking-call/warning, blocking-call/error
            count++;
        }
        for (int i = 0; i < count; i++) { // expect: unbounded-loop
            scratch[i & 3]++;
        }
    }
}
