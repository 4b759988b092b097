package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * The determinant of a 6x6 integer matrix by fraction-free (Bareiss) Gaussian elimination, in place of Mälardalen
 * {@code ludcmp} (which does LU decomposition in floating point). Shapes: triangular loops at two levels (rows
 * and columns below and right of the pivot), a pivot search with an early exit (break on the first non-zero)
 * in a branch taken only on a zero pivot, and an early return for a singular matrix. The input has a zero first
 * pivot, so the search runs once.
 */
public final class GaussElimination {
    private static final int N = 6;
    private static final long[][] INPUT = {
            {0, 2, 1, 4, 3, 1},
            {3, 1, 4, 1, 5, 9},
            {2, 6, 5, 3, 5, 8},
            {9, 7, 9, 3, 2, 3},
            {8, 4, 6, 2, 6, 4},
            {3, 3, 8, 3, 2, 7}};
    private static final long[][] M = new long[N][N];

    private GaussElimination() {
    }

    @RealTime
    public static int run() { // expect-wcet: 3888, measured: 2894
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                M[i][j] = INPUT[i][j];
            }
        }
        long sign = 1;
        long previous = 1;
        for (int k = 0; k < N - 1; k++) {
            if (M[k][k] == 0) {
                int r;
                for (r = k + 1; r < N; r++) {
                    if (M[r][k] != 0) {
                        break;
                    }
                }
                if (r == N) {
                    return 0;
                }
                long[] t = M[k];
                M[k] = M[r];
                M[r] = t;
                sign = -sign;
            }
            for (int i = k + 1; i < N; i++) {
                for (int j = k + 1; j < N; j++) {
                    M[i][j] = (M[i][j] * M[k][k] - M[i][k] * M[k][j]) / previous;
                }
            }
            previous = M[k][k];
        }
        return (int) (sign * M[N - 1][N - 1]);
    }
}
