package dev.headroom.collections;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A double-ended queue of at most {@code capacity} {@code int} values in a circular {@code int[]}
 * allocated by the constructor: the fixed-capacity, unboxed replacement of an {@code ArrayDeque<Integer>}
 * for one thread. The offers return {@code false} when the buffer is full; it never grows and never
 * overwrites.
 *
 * <p>Empty buffer: {@link #poll}, {@link #pollFirst}, {@link #pollLast}, {@link #peekFirst} and
 * {@link #peekLast} throw {@link NoSuchElementException} (every {@code int} is a valid value, so there is
 * no "empty" result); {@link #pollFirstOr} and {@link #pollLastOr} return the caller's value instead.
 *
 * <p>Cost: every operation is constant time. Never allocates after construction (only the
 * {@link NoSuchElementException} of an empty poll or peek is allocated, on that throw path). Footprint:
 * the buffer object and one {@code int[capacity]}. Not thread-safe.
 */
public final class IntRingBuffer {

    private final int[] values;
    /** The slot of the first value. */
    private int head;
    private int size;

    /**
     * Creates an empty buffer that holds at most {@code capacity} values.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public IntRingBuffer(int capacity) {
        values = new int[Support.checkCapacity(capacity)];
    }

    /** The same as {@link #offerLast}. */
    public boolean offer(int v) {
        return offerLast(v);
    }

    /**
     * Adds {@code v} at the tail when there is room. Constant time.
     *
     * @return {@code false} when the buffer is full (nothing changes): the caller must check it
     */
    public boolean offerLast(int v) {
        final int[] a = this.values;
        if (size == a.length) {
            return false;
        }
        a[slot(size)] = v;
        size++;
        return true;
    }

    /**
     * Adds {@code v} at the head when there is room. Constant time.
     *
     * @return {@code false} when the buffer is full (nothing changes): the caller must check it
     */
    public boolean offerFirst(int v) {
        final int[] a = this.values;
        if (size == a.length) {
            return false;
        }
        int h = head == 0 ? a.length - 1 : head - 1;
        a[h] = v;
        head = h;
        size++;
        return true;
    }

    /**
     * The same as {@link #pollFirst}.
     *
     * @throws NoSuchElementException when the buffer is empty
     */
    public int poll() {
        return pollFirst();
    }

    /**
     * Removes and returns the head. Constant time.
     *
     * @throws NoSuchElementException when the buffer is empty
     */
    public int pollFirst() {
        requireNotEmpty();
        return removeFirst();
    }

    /** Removes and returns the head, or returns {@code ifEmpty} when the buffer is empty. Constant time. */
    public int pollFirstOr(int ifEmpty) {
        return size == 0 ? ifEmpty : removeFirst();
    }

    /**
     * Removes and returns the tail. Constant time.
     *
     * @throws NoSuchElementException when the buffer is empty
     */
    public int pollLast() {
        requireNotEmpty();
        return values[slot(--size)];
    }

    /** Removes and returns the tail, or returns {@code ifEmpty} when the buffer is empty. Constant time. */
    public int pollLastOr(int ifEmpty) {
        return size == 0 ? ifEmpty : values[slot(--size)];
    }

    /**
     * Returns the head without removing it. Constant time.
     *
     * @throws NoSuchElementException when the buffer is empty
     */
    public int peekFirst() {
        requireNotEmpty();
        return values[head];
    }

    /**
     * Returns the tail without removing it. Constant time.
     *
     * @throws NoSuchElementException when the buffer is empty
     */
    public int peekLast() {
        requireNotEmpty();
        return values[slot(size - 1)];
    }

    /**
     * Returns the {@code i}-th value from the head (0 is the head). Constant time.
     *
     * @throws IndexOutOfBoundsException when {@code i} is outside {@code [0, size())}
     */
    public int get(int i) {
        return values[slot(Objects.checkIndex(i, size))];
    }

    /** The number of values. */
    public int size() {
        return size;
    }

    /** The most values the buffer holds, fixed at construction. */
    public int capacity() {
        return values.length;
    }

    /** Whether the buffer has no value. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether the offers would return {@code false}. */
    public boolean isFull() {
        return size == values.length;
    }

    /** Removes every value. Constant time. */
    public void clear() {
        head = 0;
        size = 0;
    }

    private int removeFirst() {
        final int[] a = this.values;
        int h = head;
        head = h + 1 == a.length ? 0 : h + 1;
        size--;
        return a[h];
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new NoSuchElementException("the buffer is empty");
        }
    }

    /** The array slot of the {@code i}-th value from the head, {@code 0 <= i < capacity}. */
    private int slot(int i) {
        int k = head - values.length + i;
        return k < 0 ? k + values.length : k;
    }
}
