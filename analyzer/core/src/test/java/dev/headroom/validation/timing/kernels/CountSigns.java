package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Counts and sums the positive and the non-positive entries of a 10x10 matrix, after Mälardalen {@code cnt}.
 * Shapes: a rectangular nest of counted loops with two exclusive branches of equal length in the body.
 */
public final class CountSigns {
    private static final int N = 10;
    private static final int[][] M = new int[N][N];

    static {
        int seed = 17;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                seed = (seed * 8121 + 28411) % 134456;
                M[i][j] = seed % 201 - 100;
            }
        }
    }

    private CountSigns() {
    }

    @RealTime
    public static int run() { // expect-wcet: 2027, measured: 1974
        int positives = 0;
        int positiveSum = 0;
        int others = 0;
        int otherSum = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                int v = M[i][j];
                if (v > 0) {
                    positives++;
                    positiveSum += v;
                } else {
                    others++;
                    otherSum += v;
                }
            }
        }
        return ((positives * 101 + others) * 31 + positiveSum) * 31 + otherSum;
    }
}
