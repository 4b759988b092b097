package dev.headroom.collections;

import java.util.Objects;

/**
 * A double-ended queue of at most {@code capacity} elements in a circular array allocated by the
 * constructor: the fixed-capacity replacement of {@link java.util.ArrayDeque} for one thread. The offers
 * return {@code false} when the buffer is full; it never grows and never overwrites.
 *
 * <p>Cost: every operation but {@link #clear} is constant time; {@link #clear} is bounded by the capacity.
 * Never allocates after construction. {@code null} elements are rejected with
 * {@link NullPointerException} (a {@code null} result means "empty"). Footprint: the buffer object and one
 * {@code Object[capacity]}. Not thread-safe: for handing elements between two threads use
 * {@link SpscQueue}.
 *
 * @param <E> the element type
 */
public final class RingBuffer<E> {

    private final Object[] elements;
    /** The slot of the first element. */
    private int head;
    private int size;

    /**
     * Creates an empty buffer that holds at most {@code capacity} elements.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public RingBuffer(int capacity) {
        elements = new Object[Support.checkCapacity(capacity)];
    }

    /** The same as {@link #offerLast}. */
    public boolean offer(E e) {
        return offerLast(e);
    }

    /**
     * Adds {@code e} at the tail when there is room. Constant time.
     *
     * @return {@code false} when the buffer is full (nothing changes): the caller must check it
     * @throws NullPointerException when {@code e} is {@code null}
     */
    public boolean offerLast(E e) {
        Objects.requireNonNull(e);
        final Object[] a = this.elements;
        if (size == a.length) {
            return false;
        }
        a[slot(size)] = e;
        size++;
        return true;
    }

    /**
     * Adds {@code e} at the head when there is room. Constant time.
     *
     * @return {@code false} when the buffer is full (nothing changes): the caller must check it
     * @throws NullPointerException when {@code e} is {@code null}
     */
    public boolean offerFirst(E e) {
        Objects.requireNonNull(e);
        final Object[] a = this.elements;
        if (size == a.length) {
            return false;
        }
        int h = head == 0 ? a.length - 1 : head - 1;
        a[h] = e;
        head = h;
        size++;
        return true;
    }

    /** The same as {@link #pollFirst}. */
    public E poll() {
        return pollFirst();
    }

    /** Removes and returns the head, or returns {@code null} when empty. Constant time. */
    @SuppressWarnings("unchecked")
    public E pollFirst() {
        if (size == 0) {
            return null;
        }
        final Object[] a = this.elements;
        int h = head;
        E e = (E) a[h];
        a[h] = null;
        head = h + 1 == a.length ? 0 : h + 1;
        size--;
        return e;
    }

    /** Removes and returns the tail, or returns {@code null} when empty. Constant time. */
    @SuppressWarnings("unchecked")
    public E pollLast() {
        if (size == 0) {
            return null;
        }
        final Object[] a = this.elements;
        int t = slot(size - 1);
        E e = (E) a[t];
        a[t] = null;
        size--;
        return e;
    }

    /** Returns the head without removing it, or {@code null} when empty. Constant time. */
    @SuppressWarnings("unchecked")
    public E peekFirst() {
        return size == 0 ? null : (E) elements[head];
    }

    /** Returns the tail without removing it, or {@code null} when empty. Constant time. */
    @SuppressWarnings("unchecked")
    public E peekLast() {
        return size == 0 ? null : (E) elements[slot(size - 1)];
    }

    /**
     * Returns the {@code i}-th element from the head (0 is the head). Constant time.
     *
     * @throws IndexOutOfBoundsException when {@code i} is outside {@code [0, size())}
     */
    @SuppressWarnings("unchecked")
    public E get(int i) {
        return (E) elements[slot(Objects.checkIndex(i, size))];
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The most elements the buffer holds, fixed at construction. */
    public int capacity() {
        return elements.length;
    }

    /** Whether the buffer has no element. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether the offers would return {@code false}. */
    public boolean isFull() {
        return size == elements.length;
    }

    /** Removes every element and clears their slots. Bounded by the capacity. */
    public void clear() {
        final Object[] a = this.elements;
        final int n = size;
        for (int i = 0; i < a.length; i++) {
            if (i >= n) {
                break;
            }
            a[slot(i)] = null;
        }
        head = 0;
        size = 0;
    }

    /** The array slot of the {@code i}-th element from the head, {@code 0 <= i < capacity}. */
    private int slot(int i) {
        int k = head - elements.length + i;
        return k < 0 ? k + elements.length : k;
    }
}
