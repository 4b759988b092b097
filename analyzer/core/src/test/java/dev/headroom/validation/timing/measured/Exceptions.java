package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;

/**
 * Roots whose runs complete normally while exceptions are thrown and caught on the way: a handler that
 * recovers runs inside a loop, and an exception thrown two calls down is caught by the root. The throw
 * paths do more work than the normal ones, so a bound that charged a callee only its normal runs at a
 * call whose handler recovers would fall below the measured count (the callees are analysed again for
 * the constant loop counts they are passed). The exception is preallocated: a
 * JDK exception constructor ends in the native {@code fillInStackTrace}, which has no cost.
 */
public class Exceptions {
    private static final IllegalStateException FAILURE = new IllegalStateException("failure");
    private static int sink;

    @RealTime
    public static int recoversInLoop(int x) {
        int s = 0;
        for (int i = 0; i < 4; i++) {
            try {
                s += check(x) + i;
            } catch (IllegalStateException e) {
                for (int k = 0; k < 3; k++) {
                    s -= k;
                }
            }
        }
        return s;
    }

    private static int check(int v) {
        if ((v & 3) == 0) {
            sink = waste(v, 12);
            throw FAILURE;
        }
        return v * 2;
    }

    @RealTime
    public static int caughtByCaller(int x) {
        try {
            return middle(x);
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static int middle(int x) {
        int s = inner(x);
        for (int k = 0; k < 3; k++) {
            s += k;
        }
        return s;
    }

    private static int inner(int x) {
        if (x < 0) {
            sink = waste(x, 30);
            throw FAILURE;
        }
        return x * 2;
    }

    /** Work on a throw path; in a method of its own, as a loop inline would not be cold (see ColdCode). */
    private static int waste(int x, int n) {
        int w = 0;
        for (int k = 0; k < n; k++) {
            w += k ^ x;
        }
        return w;
    }
}
