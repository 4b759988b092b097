package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * Four ways to count the bits of a word, after MiBench/TACLeBench {@code bitcount}: a shift loop, Kernighan's
 * clear-lowest-bit loop, a nibble table and the parallel (SWAR) sum. Shapes: a data-dependent loop (Kernighan's
 * runs once per set bit), exclusive branches (the shift loop counts only set bits). Worst case: words with
 * all bits set, which the inputs include.
 */
public final class BitCount {
    private static final int[] WORDS = {0, -1, 1, 0x80000000, 0x7FFFFFFF, 0x55555555, 0x12345678, -1, 0xF0F0F0F0, 3};
    private static final int[] NIBBLE_BITS = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

    private BitCount() {
    }

    @RealTime
    public static int run() { // expect-wcet: 10920, measured: 8222
        int sum = 0;
        for (int w = 0; w < WORDS.length; w++) {
            int x = WORDS[w];
            sum = sum * 31 + shifting(x) + kernighan(x) + table(x) + parallel(x);
        }
        return sum;
    }

    static int shifting(int x) {
        int n = 0;
        for (int i = 0; i < 32; i++) {
            if ((x & 1) != 0) {
                n++;
            }
            x >>>= 1;
        }
        return n;
    }

    static int kernighan(int x) {
        int n = 0;
        while (x != 0) {
            // Each iteration clears the lowest set bit of a 32-bit word: at most 32 iterations.
            Loops.bound(32);
            x &= x - 1;
            n++;
        }
        return n;
    }

    static int table(int x) {
        int n = 0;
        for (int i = 0; i < 8; i++) {
            n += NIBBLE_BITS[x & 0xF];
            x >>>= 4;
        }
        return n;
    }

    static int parallel(int x) {
        x = x - ((x >>> 1) & 0x55555555);
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        x = (x + (x >>> 4)) & 0x0F0F0F0F;
        return (x * 0x01010101) >>> 24;
    }
}
