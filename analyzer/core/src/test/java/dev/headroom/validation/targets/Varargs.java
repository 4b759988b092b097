package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/** A call to a varargs method allocates the argument array at the call; passing an array does not. */
public class Varargs {
    private final int[] prepared = {1, 2, 3};
    private int total;

    @RealTime
    public void onTick() {
        total = sum(1, 2, 3); // expect: heap-allocation
        total += sum(prepared);
    }

    private static int sum(int... values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
