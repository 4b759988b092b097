package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * Finite impulse response filter of 16 taps over 48 samples, after Mälardalen {@code fir}. Shapes: triangular
 * start-up (while the delay line fills, sample i uses only i+1 taps: the tap loop has a second exit test
 * {@code k <= i}), no data-dependent branch otherwise.
 */
public final class FirFilter {
    private static final int TAPS = 16;
    private static final int SAMPLES = 48;
    private static final int[] COEFFICIENTS = {3, -7, 12, -20, 31, -45, 62, 90, 90, 62, -45, 31, -20, 12, -7, 3};
    private static final int[] IN = new int[SAMPLES];
    private static final int[] OUT = new int[SAMPLES];

    static {
        for (int i = 0; i < SAMPLES; i++) {
            IN[i] = (i * 37) % 101 - 50;
        }
    }

    private FirFilter() {
    }

    @RealTime
    public static int run() { // expect-wcet: 16862, measured: 14507
        for (int i = 0; i < SAMPLES; i++) {
            int acc = 0;
            for (int k = 0; k < TAPS && k <= i; k++) {
                acc += COEFFICIENTS[k] * IN[i - k];
            }
            OUT[i] = acc >> 7;
        }
        int sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            sum = sum * 31 + OUT[i];
        }
        return sum;
    }
}
