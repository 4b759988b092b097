package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * Nothing may be found here: arithmetic, field and array access, Math.max, System.arraycopy, calls to
 * clean helpers, a switch on an int, a loop over an array, and a table built by a static initialiser
 * (which runs before any root).
 */
public class CleanPaths {
    private static final int[] SQUARES = new int[16];
    private final int[] samples = new int[64];
    private final int[] copy = new int[64];
    private int peak;
    private long sum;
    private int mode;

    @RealTime
    public int onSample(int x) {
        int y = x * 3 + 1;
        samples[x & 63] = y;
        peak = Math.max(peak, y);
        System.arraycopy(samples, 0, copy, 0, samples.length);
        switch (x & 3) {
            case 0:
                mode = 1;
                break;
            case 1:
                mode = scale(y);
                break;
            default:
                mode = 0;
        }
        for (int i = 0; i < copy.length; i++) {
            sum += copy[i];
        }
        return clamp(y) + SQUARES[x & 15];
    }

    static {
        for (int i = 0; i < SQUARES.length; i++) {
            SQUARES[i] = i * i;
        }
    }

    private static int scale(int v) {
        return v << 2;
    }

    private int clamp(int v) {
        return v > peak ? peak : v;
    }
}
