package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Exception handlers are cold only when they end by throwing: a handler that rethrows (or wraps and
 * throws) is a warning, one that recovers, grows and goes on, or logs and returns a default, is hot. A
 * finally block runs on the normal path too. The growth of an auto-resizing buffer in its handler for
 * an index out of bounds is its normal growth path (HdrHistogram's recordValue does this).
 */
public class ExceptionHandlers {
    private final List<String> log = new ArrayList<>();
    private long[] counts = new long[16];
    private int[] marks;

    @RealTime
    public void record(int index) {
        try {
            counts[index]++;
        } catch (IndexOutOfBoundsException e) {
            resize(index); // the normal growth path: hot
            counts[index]++;
        }
    }

    private void resize(int index) {
        counts = java.util.Arrays.copyOf(counts, index + 1); // expect: heap-allocation/error
    }

    @RealTime
    public int rethrows(int v) {
        try {
            return check(v);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("bad " + v, e); // expect: heap-allocation/warning
        }
    }

    @RealTime
    public int logsAndReturnsDefault(int v) {
        try {
            return check(v);
        } catch (IllegalStateException e) {
            log.add("rejected"); // expect: growable-collection/error
            return -1;
        }
    }

    @RealTime
    public int withFinally(int v) {
        try {
            return check(v);
        } finally {
            marks = new int[4]; // expect: heap-allocation/error
        }
    }

    private static int check(int v) {
        if (v < 0) {
            throw new IllegalStateException(); // expect: heap-allocation/warning
        }
        return v;
    }
}
