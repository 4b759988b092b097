package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Vector kernels on 32 elements: dot product, scaled add (saxpy) and a clamped maximum, after the vector loops
 * of TACLeBench {@code minver}/{@code lms} (the loops only). Shapes: counted loops, exclusive branches (clamp
 * low, clamp high, or keep; new maximum or not).
 */
public final class VectorOps {
    private static final int N = 32;
    private static final int[] X = new int[N];
    private static final int[] Y = new int[N];
    private static final int[] Z = new int[N];

    static {
        for (int i = 0; i < N; i++) {
            X[i] = (i * 7) % 23 - 11;
            Y[i] = (i * 13) % 29 - 14;
        }
    }

    private VectorOps() {
    }

    @RealTime
    public static int run() { // expect-wcet: 1960, measured: 1846
        return dot() * 7 + saxpy(3) * 5 + clampedMax(-40, 40);
    }

    static int dot() {
        int acc = 0;
        for (int i = 0; i < N; i++) {
            acc += X[i] * Y[i];
        }
        return acc;
    }

    static int saxpy(int a) {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            Z[i] = a * X[i] + Y[i];
            sum += Z[i];
        }
        return sum;
    }

    static int clampedMax(int low, int high) {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < N; i++) {
            int v = Z[i];
            if (v < low) {
                v = low;
            } else if (v > high) {
                v = high;
            }
            if (v > max) {
                max = v;
            }
        }
        return max;
    }
}
