package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;

/**
 * Loops whose start or limit is an enclosing loop's counter: bounded per entry by the most the inner loop
 * can run over every value the outer counter takes (from its start to one step past its last tested value).
 */
public class RelationalBounds {
    private final int[] values = new int[16];

    @RealTime
    public int startAfterTheOuterCounter() {
        int s = 0;
        for (int i = 0; i < 10; i++) { // expect-bound: 10 inferred
            for (int j = i + 1; j < 10; j++) { // expect-bound: 9 inferred
                s += values[i] * values[j];
            }
        }
        return s; // expect-root: bounded
    }

    @RealTime
    public int limitIsTheOuterCounter() {
        int s = 0;
        for (int i = 0; i < 12; i++) { // expect-bound: 12 inferred
            for (int k = 0; k < i; k++) { // expect-bound: 12 inferred
                s += values[k];
            }
        }
        return s; // expect-root: bounded
    }

    @RealTime
    public int downFromTheOuterCounter() {
        int s = 0;
        for (int i = 0; i < 8; i++) { // expect-bound: 8 inferred
            for (int j = i; j >= 0; j--) { // expect-bound: 9 inferred
                s += values[j];
            }
        }
        return s; // expect-root: bounded
    }

    @RealTime
    public int threeLevels() {
        int s = 0;
        for (int i = 0; i < 6; i++) { // expect-bound: 6 inferred
            for (int j = i + 1; j < 6; j++) { // expect-bound: 5 inferred
                for (int k = j; k < 6; k++) { // expect-bound: 5 inferred
                    s += values[k];
                }
            }
        }
        return s; // expect-root: bounded
    }

    @RealTime
    public int limitBelowTheOuterCounter() {
        int s = 0;
        for (int i = 0; i < 10; i++) { // expect-bound: 10 inferred
            for (int j = 0; j < 9 - i; j++) { // expect-bound: 9 inferred
                s += values[j];
            }
        }
        return s; // expect-root: bounded
    }

    @RealTime
    public int startBelowTheOuterCounter() {
        int s = 0;
        for (int i = 0; i < 10; i++) { // expect-bound: 10 inferred
            for (int j = 10 - i; j > 0; j--) { // expect-bound: 10 inferred
                s += values[j];
            }
        }
        return s; // expect-root: bounded
    }

    /** The start is a local that is not a counter of an enclosing loop: no bound. */
    @RealTime
    public int startFromAnArgument(int from) {
        int s = 0;
        for (int i = 0; i < 4; i++) { // expect-bound: 4 inferred
            for (int j = from; j < 10; j++) { // expect: unbounded-loop
                s += j;
            }
        }
        return s; // expect-root: unbounded loop
    }

    /** The start is computed from the counter before the outer loop, where the counter held another value. */
    @RealTime
    public int startComputedOutside(int seed) {
        int i = seed;
        int j = i + 1;
        int s = 0;
        for (i = 0; i < 4; i++) { // expect-bound: 4 inferred
            for (; j < 10; j++) { // expect: unbounded-loop
                s += j;
            }
        }
        return s; // expect-root: unbounded loop
    }
}
