package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * Two nested loops whose counts depend on each other, after Mälardalen {@code janne_complex}. Shapes: loops
 * with no counter (both variables change in the inner loop), exclusive branches that change the step. The
 * per-entry bounds multiply (11 x 9) while no input runs the inner loop more than 14 times in all.
 */
public final class JanneComplex {
    private static final int[] A = {1, 0, 0, 0};
    private static final int[] B = {1, 0, 5, 17};

    private JanneComplex() {
    }

    @RealTime
    public static int run() { // expect-wcet: 2578, measured: 1918
        int sum = 0;
        for (int k = 0; k < A.length; k++) {
            sum = sum * 31 + complex(A[k], B[k]);
        }
        return sum;
    }

    /** For 0 <= a, b < 30 (the only inputs run passes). */
    static int complex(int a, int b) {
        while (a < 30) {
            // Checked exhaustively for all 900 inputs 0 <= a, b < 30: at most 11 iterations (a grows by 2 or more).
            Loops.bound(11);
            while (b < a) {
                // Checked exhaustively for the same inputs: at most 9 iterations per entry, 14 in all per call.
                Loops.bound(9);
                Loops.total(14);
                if (b > 5) {
                    b = b * 3;
                } else {
                    b = b + 2;
                }
                if (b >= 10 && b <= 12) {
                    a = a + 10;
                } else {
                    a = a + 1;
                }
            }
            a = a + 2;
            b = b - 10;
        }
        return a * 64 + b;
    }
}
