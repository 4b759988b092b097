package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Selection sort (the textbook algorithm; TACLeBench has no kernel of this name). Shapes: triangular loop
 * ({@code for (j = i + 1; j < N; j++)}), exclusive branches (new minimum or not). Worst case for the branch:
 * reverse-sorted input, where the minimum changes at nearly every step of the first passes.
 */
public final class SelectionSort {
    private static final int N = 20;
    private static final int[] INPUT = {39, 37, 35, 33, 31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1};
    private static final int[] WORK = new int[N];

    private SelectionSort() {
    }

    @RealTime
    public static int run() { // expect-wcet: 3691, measured: 3511
        for (int i = 0; i < N; i++) {
            WORK[i] = INPUT[i];
        }
        for (int i = 0; i < N - 1; i++) {
            int min = i;
            for (int j = i + 1; j < N; j++) {
                if (WORK[j] < WORK[min]) {
                    min = j;
                }
            }
            int t = WORK[i];
            WORK[i] = WORK[min];
            WORK[min] = t;
        }
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum = sum * 31 + WORK[i];
        }
        return sum;
    }
}
