package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;

/** Roots whose inner loops start or end at the enclosing loop's counter, counted under instrumentation. */
public class RelationalLoops {
    @RealTime
    public static int pairs(int x) {
        int s = 0;
        for (int i = 0; i < 12; i++) {
            for (int j = i + 1; j < 12; j++) {
                s += (x ^ i) * j;
            }
        }
        return s;
    }

    @RealTime
    public static int prefixes(int x) {
        int s = 0;
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < i; k++) {
                if (((x >> k) & 1) != 0) {
                    s += k;
                }
            }
        }
        return s;
    }

    @RealTime
    public static int bubblePasses(int x) {
        int[] a = {x, x >> 3, x ^ 5, x * 7, x >>> 9, -x, x & 63, x | 17};
        for (int i = 0; i < a.length - 1; i++) {
            for (int j = 0; j < 7 - i; j++) {
                if (a[j] > a[j + 1]) {
                    int t = a[j];
                    a[j] = a[j + 1];
                    a[j + 1] = t;
                }
            }
        }
        return a[0] ^ a[7];
    }

    @RealTime
    public static int downAndBreak(int x) {
        int s = 0;
        for (int i = 9; i >= 0; i--) {
            for (int j = i; j < 10; j++) {
                if (j == (x & 15)) {
                    break;
                }
                s += j;
            }
        }
        return s;
    }
}
