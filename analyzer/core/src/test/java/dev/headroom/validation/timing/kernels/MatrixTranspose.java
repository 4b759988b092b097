package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * In-place transpose of a 12x12 matrix, swapping across the diagonal (the loop of TACLeBench {@code
 * matrix1}-style kernels; written from the definition). Shapes: triangular loop
 * ({@code for (j = i + 1; j < N; j++)}), no branch.
 */
public final class MatrixTranspose {
    private static final int N = 12;
    private static final int[][] M = new int[N][N];

    static {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                M[i][j] = i * N + j;
            }
        }
    }

    private MatrixTranspose() {
    }

    @RealTime
    public static int run() { // expect-wcet: 2168, measured: 2168
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                int t = M[i][j];
                M[i][j] = M[j][i];
                M[j][i] = t;
            }
        }
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum = sum * 31 + M[i][(i * 5) % N];
        }
        return sum;
    }
}
