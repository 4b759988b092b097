package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * The exponential-integral loop nest of Mälardalen {@code expint} (after Numerical Recipes), on integers.
 * Shapes: two exclusive branches, each a loop of up to 100 iterations; in the first a convergence test
 * returns early (after a few iterations, on any input); in the second an inner loop sits in a branch taken in
 * exactly one outer iteration ({@code i == n - 1}), so its per-entry bound is paid in every outer iteration
 * while it runs once per call.
 */
public final class Expint {
    private static final int MAXIT = 100;
    private static final int ONE = 1 << 20;

    private Expint() {
    }

    @RealTime
    public static int run() { // expect-wcet: 7718, measured: 3620
        return expint(50, 1) * 31 + expint(3, 10);
    }

    /** For 1 <= n <= 50 and x >= 0. */
    static int expint(int n, int x) {
        int nm1 = n - 1;
        if (x > 1) {
            int b = x + n;
            int d = ONE / b;
            int h = d;
            for (int i = 1; i <= MAXIT; i++) {
                b += 2;
                d = d * (nm1 + i) / (2 * b);
                h += d;
                if (d == 0) {
                    return h;
                }
            }
            return h;
        }
        int ans = nm1 != 0 ? 2 : 1000;
        int fact = ONE;
        for (int i = 1; i <= MAXIT; i++) {
            fact = fact * -x / i;
            int del;
            if (i != nm1) {
                del = -fact / (i - nm1);
            } else {
                int psi = 0xFF;
                for (int ii = 1; ii <= nm1; ii++) {
                    // ii runs from 1 to n-1 with n <= 50: at most 49 iterations per entry; and the loop is entered
                    // at most once per call (only when i == nm1, and i never repeats): at most 49 in all.
                    Loops.bound(49);
                    Loops.total(49);
                    psi += ii + nm1;
                }
                del = psi + fact;
            }
            ans += del;
        }
        return ans;
    }
}
