package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * Cold paths: building an exception that is then thrown, a helper that only throws, and a helper reached
 * only from a throwing path are warnings; the normal path next to them is an error, and so is a catch
 * handler that recovers (the method goes on after it) and a finally block (javac copies it onto the
 * normal path as well as into the handler that rethrows).
 */
public class ColdPaths {
    private static final IllegalStateException REJECTED = new IllegalStateException("rejected");
    private int[] samples = new int[0];
    private int[] fallback;
    private int[] marks;

    @RealTime
    public void onSample(int v) {
        if (v < 0) {
            throw new IllegalStateException("negative sample"); // expect: heap-allocation/warning
        }
        if (v > 1000) {
            reject(v);
        }
        if (v == 999) {
            throw describe(v);
        }
        try {
            check(v);
        } catch (IllegalStateException e) {
            fallback = new int[1]; // expect: heap-allocation/error
        }
        try {
            check(v);
        } finally {
            marks = new int[2]; // expect: heap-allocation/error
        }
        samples = new int[v]; // expect: heap-allocation/error
    }

    private static void reject(int v) {
        throw new IllegalArgumentException("too large"); // expect: heap-allocation/warning
    }

    private static IllegalArgumentException describe(int v) {
        return new IllegalArgumentException("reserved value"); // expect: heap-allocation/warning
    }

    private static void check(int v) {
        if (v == 13) {
            throw REJECTED;
        }
    }
}
