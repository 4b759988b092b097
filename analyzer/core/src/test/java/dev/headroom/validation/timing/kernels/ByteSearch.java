package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Naive substring search of 4-byte patterns in a 64-byte text (the brute-force matcher; TACLeBench has no kernel
 * of this name). Shapes: early exits at two levels (break on the first mismatching byte, return on a match).
 * Worst case, reached by every search here: a text of 'a' and patterns "aaa?" that fail only on their last byte
 * at every position; "aaab" is found at the last position (the return), the others are missing.
 */
public final class ByteSearch {
    private static final int TEXT_LENGTH = 64;
    private static final int PATTERN_LENGTH = 4;
    private static final byte[] TEXT = new byte[TEXT_LENGTH];
    private static final byte[][] PATTERNS = {
            {'a', 'a', 'a', 'b'}, {'a', 'a', 'a', 'c'}, {'a', 'a', 'a', 'd'}, {'a', 'a', 'a', 'e'}};

    static {
        for (int i = 0; i < TEXT_LENGTH; i++) {
            TEXT[i] = 'a';
        }
        TEXT[TEXT_LENGTH - 1] = 'b';
    }

    private ByteSearch() {
    }

    @RealTime
    public static int run() { // expect-wcet: 16942, measured: 15965
        int sum = 0;
        for (int p = 0; p < PATTERNS.length; p++) {
            sum = sum * 67 + find(PATTERNS[p]) + 1;
        }
        return sum;
    }

    /** The first position of a 4-byte pattern in the text, or -1. */
    static int find(byte[] pattern) {
        for (int i = 0; i <= TEXT_LENGTH - PATTERN_LENGTH; i++) {
            int j;
            for (j = 0; j < PATTERN_LENGTH; j++) {
                if (TEXT[i + j] != pattern[j]) {
                    break;
                }
            }
            if (j == PATTERN_LENGTH) {
                return i;
            }
        }
        return -1;
    }
}
