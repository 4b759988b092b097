package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;

/** Loops bounded by what their caller passes: a constant count, the length of a fixed array. */
public class ArgumentLoops {
    private final int[] samples = new int[32];

    private static int sum(int[] values, int count) {
        int s = 0;
        for (int i = 0; i < count; i++) {
            s += values[i];
        }
        return s;
    }

    private static int total(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    @RealTime
    public int sumTen(int x) {
        samples[x & 31] = x;
        return sum(samples, 10);
    }

    @RealTime
    public int totalOfAll(int x) {
        samples[x & 31] = x;
        return total(samples);
    }
}
