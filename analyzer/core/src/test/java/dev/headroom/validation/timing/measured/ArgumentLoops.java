package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;

/**
 * Loops bounded by what their caller passes: a constant count, the length of a fixed array. A callee analysed for
 * one call is reused for another call only where the two agree on what its timing read: {@code sumTagged} for a
 * count of 3 serves both tags, not the count of 30.
 */
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

    private static int sumTagged(int[] values, int count, int tag) {
        int s = tag;
        for (int i = 0; i < count; i++) {
            s += values[i];
        }
        return s;
    }

    @RealTime
    public int sumFewOtherTag(int x) {
        samples[x & 31] = x;
        return sumTagged(samples, 3, 9);
    }

    @RealTime
    public int sumFewTagged(int x) {
        samples[x & 31] = x;
        return sumTagged(samples, 3, 7);
    }

    @RealTime
    public int sumManyTagged(int x) {
        samples[x & 31] = x;
        return sumTagged(samples, 30, 7);
    }
}
