package com.example.telemetry.fixed;

import dev.headroom.annotations.Deadline;
import dev.headroom.annotations.RealTime;

/**
 * Minimum, maximum and sum over the last {@code window} samples, kept in a preallocated primitive
 * array: the way the rest of this sample should have been written.
 */
public final class RollingStats {
    private final long[] window;
    private int next;
    private int count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    public RollingStats(int size) {
        this.window = new long[size];
    }

    /**
     * Records one sample in constant time. Runs for every telemetry sample, so it must not allocate:
     * it only writes into the preallocated window and updates primitive fields.
     */
    @RealTime
    @Deadline(cycles = 100)
    public void record(long value) {
        if (count == window.length) {
            sum -= window[next];
        } else {
            count++;
        }
        window[next] = value;
        next = next + 1 == window.length ? 0 : next + 1;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    public int count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }
}
