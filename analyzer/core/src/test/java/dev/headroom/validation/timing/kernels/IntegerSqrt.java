package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * Integer square root digit by digit (base 4), after Mälardalen {@code sqrt} / TACLeBench {@code isqrt} (which
 * use Newton's method in floating point and fixed point). Shapes: two loops that share one count (the bit
 * moves from 4^15 to 0 in 16 shifts in all, split between the loops: a total per call that per-entry bounds
 * cannot say), exclusive branches (subtract or not).
 */
public final class IntegerSqrt {
    private static final int[] VALUES = {0, 1, 2, 3, 15, 16, 17, 1000, 65535, 65536, 1_000_000, Integer.MAX_VALUE};

    private IntegerSqrt() {
    }

    @RealTime
    public static int run() { // expect-wcet: 8098, measured: 3011
        int sum = 0;
        for (int i = 0; i < VALUES.length; i++) {
            sum = sum * 31 + isqrt(VALUES[i]);
        }
        return sum;
    }

    /** For num >= 0. */
    static int isqrt(int num) {
        int result = 0;
        int bit = 1 << 30;
        while (bit > num) {
            // bit takes the values 4^15, 4^14, ..., 1 before it reaches 0 (and 0 > num is false): at most 16 iterations.
            Loops.bound(16);
            bit >>= 2;
        }
        while (bit != 0) {
            // bit is a power of 4 at most 4^15, shifted right by 2 each time: at most 16 iterations.
            Loops.bound(16);
            if (num >= result + bit) {
                num -= result + bit;
                result = (result >> 1) + bit;
            } else {
                result >>= 1;
            }
            bit >>= 2;
        }
        return result;
    }
}
