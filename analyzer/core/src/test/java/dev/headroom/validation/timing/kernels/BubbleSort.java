package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Bubble sort with the "no swap, stop" exit, after Mälardalen {@code bsort100} (on 20 elements). Shapes:
 * triangular loop (the inner pass shrinks by one each round), early exit (break when a pass swaps nothing),
 * exclusive branches (swap or not). Worst case: reverse-sorted input, which needs every pass.
 */
public final class BubbleSort {
    private static final int N = 20;
    private static final int[] INPUT = {20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    private static final int[] WORK = new int[N];

    private BubbleSort() {
    }

    @RealTime
    public static int run() { // expect-wcet: 7643, measured: 7643
        for (int i = 0; i < N; i++) {
            WORK[i] = INPUT[i];
        }
        for (int i = 0; i < N - 1; i++) {
            boolean swapped = false;
            for (int j = 0; j < N - 1 - i; j++) {
                if (WORK[j] > WORK[j + 1]) {
                    int t = WORK[j];
                    WORK[j] = WORK[j + 1];
                    WORK[j + 1] = t;
                    swapped = true;
                }
            }
            if (!swapped) {
                break;
            }
        }
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum = sum * 31 + WORK[i];
        }
        return sum;
    }
}
