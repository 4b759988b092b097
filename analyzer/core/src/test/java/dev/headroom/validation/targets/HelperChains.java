package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/** An allocation three user calls deep is reported in the helper that makes it, not at the root. */
public class HelperChains {
    private long[] window;

    @RealTime
    public void onSample(int n) {
        first(n);
    }

    private void first(int n) {
        second(n + 1);
    }

    private void second(int n) {
        third(n * 2);
    }

    private void third(int n) {
        window = new long[n]; // expect: heap-allocation
    }
}
