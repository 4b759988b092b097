package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * Binary search in a sorted table of 15 keys, after Mälardalen {@code bs}. Shapes: early exit (return on a
 * hit), mutually exclusive branches (go left or go right). Worst case: a key that is missing, which takes all
 * four halvings; every probe here but one is missing.
 */
public final class BinarySearch {
    private static final int N = 15;
    private static final int[] KEYS = {2, 5, 9, 14, 20, 27, 35, 44, 54, 65, 77, 90, 104, 119, 135};
    private static final int[] PROBES = {0, 3, 10, 21, 36, 55, 78, 105, 136, 44};

    private BinarySearch() {
    }

    @RealTime
    public static int run() { // expect-wcet: 1600, measured: 1219
        int sum = 0;
        for (int p = 0; p < PROBES.length; p++) {
            sum = sum * 31 + search(PROBES[p]);
        }
        return sum;
    }

    static int search(int key) {
        int low = 0;
        int high = N - 1;
        while (low <= high) {
            // The range [low, high] holds 15, then at most 7, 3, 1 keys: at most 4 iterations.
            Loops.bound(4);
            int mid = (low + high) >>> 1;
            if (KEYS[mid] == key) {
                return mid;
            }
            if (KEYS[mid] < key) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }
}
