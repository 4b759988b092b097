package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.LoopBound;
import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/** Roots whose bytecodes are counted under instrumentation: every inferred loop shape, markers, annotations. */
public class CountedLoops {
    private final int[] buffer;

    public CountedLoops() {
        this.buffer = new int[24];
    }

    public CountedLoops(boolean cleared) {
        this.buffer = new int[24];
        if (cleared) {
            buffer[0] = -1;
        }
    }

    @RealTime
    public static int upTo64(int x) {
        int s = 0;
        for (int i = 0; i < 64; i++) {
            s += x;
        }
        return s;
    }

    @RealTime
    public static int downByThree(int x) {
        int s = 0;
        for (int i = 40; i > 0; i -= 3) {
            s ^= i * x;
        }
        return s;
    }

    @RealTime
    public static int inclusive(int x) {
        int s = 0;
        for (int i = 0; i <= 20; i++) {
            s += i & x;
        }
        return s;
    }

    @RealTime
    public static int notEqual(int x) {
        int s = 0;
        for (int i = 0; i != 30; i += 2) {
            s -= x >> (i & 7);
        }
        return s;
    }

    @RealTime
    public static int downToZeroInclusive(int x) {
        int s = 1;
        for (int i = 25; i >= 0; i--) {
            s = s * 31 + x;
        }
        return s;
    }

    @RealTime
    public static int localArray(int x) {
        int[] a = new int[16];
        for (int i = 0; i < a.length; i++) {
            a[i] = x + i;
        }
        int s = 0;
        for (int i = a.length - 1; i >= 0; i--) {
            s += a[i];
        }
        return s;
    }

    @RealTime
    public int fieldArray(int x) {
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = x ^ i;
        }
        return buffer[x & 7];
    }

    @RealTime
    public static int nested(int x) {
        int s = 0;
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 12; j++) {
                s += (i * j) ^ x;
            }
        }
        return s;
    }

    @RealTime
    public static int earlyExits(int x, int y) {
        int s = 0;
        for (int i = 0; i < 50; i++) {
            if (i * x == y) {
                break;
            }
            if (s > 1_000_000) {
                return -s;
            }
            s += i;
        }
        return s;
    }

    @RealTime
    public static int doWhile(int x) {
        int i = 0;
        int s = 0;
        do {
            s += x * i;
            i++;
        } while (i < 16);
        return s;
    }

    @RealTime
    public static int marker(int x) {
        int n = 0;
        while (x > 0) {
            Loops.bound(31);
            x >>= 1;
            n++;
        }
        return n;
    }

    @RealTime
    @LoopBound(16)
    public static int annotated(int x) {
        int bits = x & 0xFFFF;
        int n = 0;
        while (bits != 0) {
            bits &= bits - 1;
            n++;
        }
        return n;
    }
}
