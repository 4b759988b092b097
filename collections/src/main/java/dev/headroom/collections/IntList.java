package dev.headroom.collections;

import java.util.Objects;

/**
 * A list of at most {@code capacity} {@code int} values in one {@code int[]} allocated by the constructor:
 * the fixed-capacity, unboxed replacement of an {@code ArrayList<Integer>}. {@link #add} returns {@code false}
 * when the list is full; it never grows.
 *
 * <p>Cost: {@link #add}, {@link #get}, {@link #set}, {@link #removeSwap}, {@link #clear} and the queries are
 * constant time; {@link #removeShift}, {@link #indexOf} and {@link #contains} are bounded by the capacity.
 * Never allocates after construction (no boxing). Footprint: the list object and one
 * {@code int[capacity]}. Not thread-safe. Index arguments outside {@code [0, size())} throw
 * {@link IndexOutOfBoundsException}.
 */
public final class IntList {

    private final int[] values;
    private int size;

    /**
     * Creates an empty list that holds at most {@code capacity} values.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public IntList(int capacity) {
        values = new int[Support.checkCapacity(capacity)];
    }

    /**
     * Appends {@code v} when there is room. Constant time.
     *
     * @return {@code false} when the list is full (nothing changes): the caller must check it
     */
    public boolean add(int v) {
        final int[] a = this.values;
        if (size == a.length) {
            return false;
        }
        a[size++] = v;
        return true;
    }

    /** Returns the value at {@code index}. Constant time. */
    public int get(int index) {
        return values[Objects.checkIndex(index, size)];
    }

    /** Replaces the value at {@code index} and returns the one it held. Constant time. */
    public int set(int index, int v) {
        final int[] a = this.values;
        int old = a[Objects.checkIndex(index, size)];
        a[index] = v;
        return old;
    }

    /** Removes the value at {@code index} by moving the last value into its place. Constant time. */
    public int removeSwap(int index) {
        final int[] a = this.values;
        int old = a[Objects.checkIndex(index, size)];
        a[index] = a[--size];
        return old;
    }

    /** Removes the value at {@code index} and shifts the ones after it down (order kept). Bounded by the capacity. */
    public int removeShift(int index) {
        final int[] a = this.values;
        int old = a[Objects.checkIndex(index, size)];
        int last = size - 1;
        for (int i = 0; i < a.length; i++) {
            int to = index + i;
            if (to >= last) {
                break;
            }
            a[to] = a[to + 1];
        }
        size = last;
        return old;
    }

    /** Returns the index of the first value equal to {@code v}, or -1. Bounded by the capacity. */
    public int indexOf(int v) {
        final int[] a = this.values;
        final int n = size;
        for (int i = 0; i < a.length; i++) {
            if (i >= n) {
                break;
            }
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a value equals {@code v}. Bounded by the capacity. */
    public boolean contains(int v) {
        return indexOf(v) >= 0;
    }

    /** The number of values. */
    public int size() {
        return size;
    }

    /** The most values the list holds, fixed at construction. */
    public int capacity() {
        return values.length;
    }

    /** Whether the list has no value. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether {@link #add} would return {@code false}. */
    public boolean isFull() {
        return size == values.length;
    }

    /** Removes every value. Constant time (the slots keep their old contents, unreachable). */
    public void clear() {
        size = 0;
    }
}
