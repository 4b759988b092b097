package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Search of a 5x5x5x5 table, after Mälardalen {@code ns}. Shapes: four nested counted loops with an early
 * return from the innermost on a hit. Worst case: a missing key, which visits every entry; one of the two keys
 * searched is missing.
 */
public final class NestedSearch {
    private static final int N = 5;
    private static final int[][][][] KEYS = new int[N][N][N][N];

    static {
        int v = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < N; k++) {
                    for (int l = 0; l < N; l++) {
                        KEYS[i][j][k][l] = v;
                        v += 3;
                    }
                }
            }
        }
    }

    private NestedSearch() {
    }

    @RealTime
    public static int run() { // expect-wcet: 23122, measured: 23122
        return search(1000) * 1000 + search(1);
    }

    static int search(int key) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < N; k++) {
                    for (int l = 0; l < N; l++) {
                        if (KEYS[i][j][k][l] == key) {
                            return ((i * N + j) * N + k) * N + l;
                        }
                    }
                }
            }
        }
        return -1;
    }
}
