package dev.headroom.collections;

import java.util.Objects;

/**
 * A list of at most {@code capacity} elements in one array allocated by the constructor: the
 * fixed-capacity replacement of {@link java.util.ArrayList}. {@link #add} returns {@code false} when the
 * list is full; it never grows.
 *
 * <p>Cost: {@link #add}, {@link #get}, {@link #set}, {@link #removeSwap}, {@link #size} and the other
 * queries are constant time; {@link #removeShift}, {@link #indexOf}, {@link #contains} and {@link #clear}
 * are bounded by the capacity (each loop runs at most {@code capacity} times). Never allocates after
 * construction: no iterator, no boxing, no copy. Elements may be {@code null}; {@link #indexOf} compares
 * with {@code equals} like {@link java.util.ArrayList#indexOf}. Footprint: the list object and one
 * {@code Object[capacity]}. Not thread-safe.
 *
 * <p>Index arguments outside {@code [0, size())} throw {@link IndexOutOfBoundsException} (through
 * {@link Objects#checkIndex}; only that throw allocates).
 *
 * @param <E> the element type
 */
public final class FixedList<E> {

    private final Object[] elements;
    private int size;

    /**
     * Creates an empty list that holds at most {@code capacity} elements.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public FixedList(int capacity) {
        elements = new Object[Support.checkCapacity(capacity)];
    }

    /**
     * Appends {@code e} at the end when there is room. Constant time.
     *
     * @return {@code false} when the list is full (nothing changes): the caller must check it
     */
    public boolean add(E e) {
        final Object[] a = this.elements;
        if (size == a.length) {
            return false;
        }
        a[size++] = e;
        return true;
    }

    /** Returns the element at {@code index}. Constant time. */
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[Objects.checkIndex(index, size)];
    }

    /** Replaces the element at {@code index} and returns the one it held. Constant time. */
    @SuppressWarnings("unchecked")
    public E set(int index, E e) {
        final Object[] a = this.elements;
        Objects.checkIndex(index, size);
        E old = (E) a[index];
        a[index] = e;
        return old;
    }

    /**
     * Removes the element at {@code index} by moving the last element into its place (the order of the
     * others changes). Constant time.
     *
     * @return the removed element
     */
    @SuppressWarnings("unchecked")
    public E removeSwap(int index) {
        final Object[] a = this.elements;
        Objects.checkIndex(index, size);
        E old = (E) a[index];
        int last = --size;
        a[index] = a[last];
        a[last] = null;
        return old;
    }

    /**
     * Removes the element at {@code index} and shifts the ones after it down by one (the order is kept).
     * Bounded by the capacity.
     *
     * @return the removed element
     */
    @SuppressWarnings("unchecked")
    public E removeShift(int index) {
        final Object[] a = this.elements;
        Objects.checkIndex(index, size);
        E old = (E) a[index];
        int last = size - 1;
        for (int i = 0; i < a.length; i++) {
            int to = index + i;
            if (to >= last) {
                break;
            }
            a[to] = a[to + 1];
        }
        a[last] = null;
        size = last;
        return old;
    }

    /**
     * Returns the index of the first element equal to {@code o} ({@code null} matches {@code null}), or -1.
     * Bounded by the capacity.
     */
    public int indexOf(Object o) {
        final Object[] a = this.elements;
        final int n = size;
        for (int i = 0; i < a.length; i++) {
            if (i >= n) {
                break;
            }
            if (Support.same(o, a[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an element equals {@code o}. Bounded by the capacity. */
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The most elements the list holds, fixed at construction. */
    public int capacity() {
        return elements.length;
    }

    /** Whether the list has no element. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether {@link #add} would return {@code false}. */
    public boolean isFull() {
        return size == elements.length;
    }

    /** Removes every element and clears the slots (so they hold no reference). Bounded by the capacity. */
    public void clear() {
        final Object[] a = this.elements;
        final int n = size;
        for (int i = 0; i < a.length; i++) {
            if (i >= n) {
                break;
            }
            a[i] = null;
        }
        size = 0;
    }
}
