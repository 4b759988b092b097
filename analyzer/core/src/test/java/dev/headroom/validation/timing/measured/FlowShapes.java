package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * Roots whose worst case needs the IPET, counted under instrumentation: early exits from loop nests, a total
 * over a whole call, and (from {@code measured-flow-facts.json}, keyed by the lines below) a block that runs at
 * most once per call and two exclusive branches. Line numbers matter: the facts file names them.
 */
public class FlowShapes {
    @RealTime
    public static int earlyReturn(int x) {
        int s = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                for (int k = 0; k < 6; k++) {
                    if (((x >>> (i + j + k)) & 7) == 7) {
                        return s + i * 36 + j * 6 + k;
                    }
                    s += k ^ x;
                }
            }
        }
        return s;
    }

    @RealTime
    public static int forwardSearch(int[] keys) {
        int found = 0;
        int j = 0;
        for (int i = 0; i < 16; i++) {
            int key = i < keys.length ? keys[i] : Integer.MAX_VALUE;
            while (j < 40 && j * 100 - 2000 < key) {
                Loops.total(40); // j only moves forward, from 0 to at most 40
                j++;
            }
            if (j * 100 - 2000 == key) {
                found++;
            }
        }
        return found * 64 + j;
    }

    @RealTime
    public static int lazyTable(int x) {
        int[] table = null;
        int s = 0;
        for (int i = 0; i < 8; i++) {
            if (((x >> i) & 1) != 0) {
                if (table == null) {
                    table = squares(x); // line 52: at most once per call (table stays set)
                }
                s += table[i];
            }
        }
        return s;
    }

    private static int[] squares(int x) {
        int[] t = new int[8];
        for (int i = 0; i < 8; i++) {
            t[i] = (x + i) * (x + i);
        }
        return t;
    }

    @RealTime
    public static int eitherOr(int x) {
        boolean negative = x < 0;
        int s = 0;
        if (negative) {
            s = slow(x, 40); // line 73: exclusive with line 76 (the same condition, inverted)
        }
        if (!negative) {
            s = slow(x, 30); // line 76
        }
        return s;
    }

    private static int slow(int x, int n) {
        int s = x;
        for (int i = 0; i < 40; i++) {
            if (i < n) {
                s = s * 31 + i;
            }
        }
        return s;
    }
}
