package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;
import java.util.Arrays;

/**
 * A callee whose loop runs over what it is passed has no bound of its own, but has one at each call that
 * passes a constant count or an array of known length: it is analysed again for that call, and what it
 * passes on is known in its own calls.
 */
public class ArgumentBounds {
    private final int[] samples = new int[64];

    private static int sum(int[] values, int count) {
        int s = 0;
        for (int i = 0; i < count; i++) { // expect: unbounded-loop
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
    public int sumEight() {
        return sum(samples, 8); // expect-root: bounded
    }

    @RealTime
    public int sumSome(int count) {
        return sum(samples, count); // expect-root: unbounded loop
    }

    @RealTime
    public int totalOfAField() {
        return total(samples); // expect-root: bounded
    }

    @RealTime
    public int totalOfALocal() {
        int[] scratch = new int[4];
        return total(scratch); // expect-root: bounded
    }

    @RealTime
    public void clearInTheJdk() {
        Arrays.fill(samples, 0); // expect-root: bounded
    }

    private static void clear(int[] values) {
        Arrays.fill(values, 0);
    }

    @RealTime
    public void clearThroughAHelper() {
        clear(samples); // expect-root: bounded
    }
}
