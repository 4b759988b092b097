package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * Insertion sort, after Mälardalen {@code insertsort}. Shapes: triangular loop (the shifting loop of element i
 * runs at most i times), early exit (the shift stops at the first smaller key, a second test in the loop
 * condition). Worst case: reverse-sorted input, where every element moves to the front.
 */
public final class InsertionSort {
    private static final int N = 20;
    private static final int[] INPUT = {200, 190, 180, 170, 160, 150, 140, 130, 120, 110, 100, 90, 80, 70, 60, 50, 40, 30,
            20, 10};
    private static final int[] WORK = new int[N];

    private InsertionSort() {
    }

    @RealTime
    public static int run() { // expect-wcet: 5098, measured: 4508
        for (int i = 0; i < N; i++) {
            WORK[i] = INPUT[i];
        }
        for (int i = 1; i < N; i++) {
            int key = WORK[i];
            int j = i - 1;
            while (j >= 0 && WORK[j] > key) {
                // j runs down from i-1 to 0 with i <= N-1: at most N-1 iterations per entry.
                Loops.bound(N - 1);
                WORK[j + 1] = WORK[j];
                j--;
            }
            WORK[j + 1] = key;
        }
        int sum = 0;
        for (int i = 0; i < N; i++) {
            sum = sum * 31 + WORK[i];
        }
        return sum;
    }
}
