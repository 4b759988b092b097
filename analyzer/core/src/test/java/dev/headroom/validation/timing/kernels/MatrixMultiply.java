package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Integer matrix multiplication of two 8x8 matrices, after Mälardalen {@code matmult}. Shapes: a rectangular
 * triple nest of counted loops, no branch: the one path is the worst case.
 */
public final class MatrixMultiply {
    private static final int N = 8;
    private static final int[][] A = new int[N][N];
    private static final int[][] B = new int[N][N];
    private static final int[][] C = new int[N][N];

    static {
        int seed = 1;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                seed = (seed * 133 + 81) % 8095;
                A[i][j] = seed % 17 - 8;
                seed = (seed * 133 + 81) % 8095;
                B[i][j] = seed % 13 - 6;
            }
        }
    }

    private MatrixMultiply() {
    }

    @RealTime
    public static int run() { // expect-wcet: 12014, measured: 12014
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                int acc = 0;
                for (int k = 0; k < N; k++) {
                    acc += A[i][k] * B[k][j];
                }
                C[i][j] = acc;
            }
        }
        int sum = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                sum = sum * 31 + C[i][j];
            }
        }
        return sum;
    }
}
