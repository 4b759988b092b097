package dev.headroom.collections;

import java.util.Objects;

/**
 * A list of at most {@code capacity} {@code double} values in one {@code double[]} allocated by the constructor:
 * the fixed-capacity, unboxed replacement of an {@code ArrayList<Double>}. {@link #add} returns {@code false}
 * when the list is full; it never grows.
 *
 * <p>Cost: {@link #add}, {@link #get}, {@link #set}, {@link #removeSwap}, {@link #clear} and the queries are
 * constant time; {@link #removeShift}, {@link #indexOf} and {@link #contains} are bounded by the capacity.
 * Never allocates after construction (no boxing). Footprint: the list object and one
 * {@code double[capacity]}. Not thread-safe. Index arguments outside {@code [0, size())} throw
 * {@link IndexOutOfBoundsException}.
 *
 * <p>Values are compared as {@link Double#equals} does (by {@link Double#doubleToLongBits}): {@code NaN}
 * is found, and {@code 0.0} and {@code -0.0} differ.
 */
public final class DoubleList {

    private final double[] values;
    private int size;

    /**
     * Creates an empty list that holds at most {@code capacity} values.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public DoubleList(int capacity) {
        values = new double[Support.checkCapacity(capacity)];
    }

    /**
     * Appends {@code v} when there is room. Constant time.
     *
     * @return {@code false} when the list is full (nothing changes): the caller must check it
     */
    public boolean add(double v) {
        final double[] a = this.values;
        if (size == a.length) {
            return false;
        }
        a[size++] = v;
        return true;
    }

    /** Returns the value at {@code index}. Constant time. */
    public double get(int index) {
        return values[Objects.checkIndex(index, size)];
    }

    /** Replaces the value at {@code index} and returns the one it held. Constant time. */
    public double set(int index, double v) {
        final double[] a = this.values;
        double old = a[Objects.checkIndex(index, size)];
        a[index] = v;
        return old;
    }

    /** Removes the value at {@code index} by moving the last value into its place. Constant time. */
    public double removeSwap(int index) {
        final double[] a = this.values;
        double old = a[Objects.checkIndex(index, size)];
        a[index] = a[--size];
        return old;
    }

    /** Removes the value at {@code index} and shifts the ones after it down (order kept). Bounded by the capacity. */
    public double removeShift(int index) {
        final double[] a = this.values;
        double old = a[Objects.checkIndex(index, size)];
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

    /** Returns the index of the first value equal to {@code v} (as {@link Double#equals} compares), or -1. Bounded by the capacity. */
    public int indexOf(double v) {
        final double[] a = this.values;
        final int n = size;
        final long bits = Double.doubleToLongBits(v);
        for (int i = 0; i < a.length; i++) {
            if (i >= n) {
                break;
            }
            if (Double.doubleToLongBits(a[i]) == bits) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a value equals {@code v} (as {@link Double#equals} compares). Bounded by the capacity. */
    public boolean contains(double v) {
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
