package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;

/**
 * Loops bounded by what their caller passes: a constant count, the length of a fixed array. A callee analysed for
 * one call is reused for another call only where the two agree on what its timing read: {@code sumTagged} for a
 * count of 3 serves both tags, not the count of 30; {@code passOn}, which only passes its count on (after a long,
 * which takes two locals), is analysed again for 30; and {@code totalOf}, which passes a table of the static state on
 * as the receiver, again for the larger table.
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

    private int passOn(long pad, int count) {
        return sumTagged(samples, count, (int) pad);
    }

    @RealTime
    public int passFew(int x) {
        samples[x & 31] = x;
        return passOn(x, 3);
    }

    @RealTime
    public int passMany(int x) {
        samples[x & 31] = x;
        return passOn(x, 30);
    }

    static final class Window {
        private final int[] cells;

        Window(int size) {
            cells = new int[size];
        }

        int total() {
            int s = 0;
            for (int c : cells) {
                s += c;
            }
            return s;
        }
    }

    private static final Window SMALL = new Window(4);
    private static final Window LARGE = new Window(40);

    private static int totalOf(long pad, Window window) {
        return window.total() + (int) pad;
    }

    @RealTime
    public int totalSmall(int x) {
        return totalOf(x, SMALL);
    }

    @RealTime
    public int totalLarge(int x) {
        return totalOf(x, LARGE);
    }
}
