package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;

/**
 * A root's bound covers the runs that complete normally. Building and throwing a JDK exception (whose
 * constructor ends in the native {@code fillInStackTrace}) and a loop without a bound called only on a
 * throw path leave the root bounded; the loop is still reported, as cold. A loop reached from a handler
 * that recovers is hot, and so is a call inside its try range: its callee's throw paths count.
 */
public class ThrowPaths {
    private final int[] slots = new int[8];
    private int count;

    @RealTime
    public void put(int value) {
        if (count == slots.length) {
            throw new IllegalStateException("full"); // expect-root: bounded
        }
        slots[count++] = value;
    }

    @RealTime
    public int get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(describe(index));
        }
        return slots[index]; // expect-root: bounded
    }

    @RealTime
    public int getOrDefault(int index) {
        try {
            return get(index);
        } catch (IndexOutOfBoundsException e) {
            return drain(index); // expect-root: unbounded loop
        }
    }

    @RealTime
    public int getOrZero(int index) {
        try {
            return get(index); // expect-root: unbounded loop
        } catch (IndexOutOfBoundsException e) {
            return 0;
        }
    }

    private String describe(int index) {
        String s = "";
        for (int v = index; v != 0; v /= 10) { // expect: unbounded-loop/cold
            s = s + (char) ('0' + v % 10);
        }
        return s;
    }

    private int drain(int from) {
        int s = 0;
        for (int i = from; i > 0; i--) { // expect: unbounded-loop
            s += i;
        }
        return s;
    }
}
