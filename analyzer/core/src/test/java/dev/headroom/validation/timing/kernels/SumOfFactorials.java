package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * The sum of the factorials 0! to 12!, after Mälardalen {@code fac} (which is recursive; here each factorial is
 * an inner loop, so there is no recursion to bound). Shapes: triangular loop ({@code for (j = 2; j <= i; j++)}).
 */
public final class SumOfFactorials {
    private static final int MAX = 12;

    private SumOfFactorials() {
    }

    @RealTime
    public static int run() { // expect-wcet: 1153, measured: 943
        int sum = 0;
        for (int i = 0; i <= MAX; i++) {
            int f = 1;
            for (int j = 2; j <= i; j++) {
                // j runs from 2 to i with i <= 12: at most 11 iterations per entry.
                Loops.bound(MAX - 1);
                f *= j;
            }
            sum += f;
        }
        return sum;
    }
}
