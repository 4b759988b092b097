package dev.headroom.collections;

import java.util.Comparator;
import java.util.Objects;

/**
 * A priority queue of at most {@code capacity} elements, a binary min-heap (by the given order) in one
 * array allocated by the constructor: the fixed-capacity replacement of {@link java.util.PriorityQueue}.
 * {@link #offer} returns {@code false} when the queue is full; it never grows.
 *
 * <p>Cost: {@link #offer} and {@link #poll} sift through at most log2(capacity) + 1 levels (their loops
 * are bounded by 32 steps, the depth of any heap in an int-indexed array), each one comparison or two;
 * {@link #peek} and the queries are constant time; {@link #clear} is bounded by the capacity. Never
 * allocates after construction (as long as the comparator does not). {@code null} elements are rejected.
 * Equal elements come out in no particular order. Footprint: the queue object and one
 * {@code Object[capacity]}. Not thread-safe.
 *
 * @param <E> the element type
 */
public final class BoundedPriorityQueue<E> {

    /** More than the depth of a heap of at most 2^31 - 1 elements (31 levels). */
    private static final int MAX_DEPTH = 32;

    private final Object[] heap;
    private final Comparator<? super E> order;
    private int size;

    /**
     * Creates an empty queue that holds at most {@code capacity} elements, smallest first by {@code order}.
     *
     * @param capacity at least 1
     * @param order the order; the head is its least element
     * @throws IllegalArgumentException when {@code capacity < 1}
     * @throws NullPointerException when {@code order} is {@code null}
     */
    public BoundedPriorityQueue(int capacity, Comparator<? super E> order) {
        this.order = Objects.requireNonNull(order, "order");
        this.heap = new Object[Support.checkCapacity(capacity)];
    }

    /**
     * Adds {@code e} when there is room. At most log2(capacity) comparisons.
     *
     * @return {@code false} when the queue is full (nothing changes): the caller must check it
     * @throws NullPointerException when {@code e} is {@code null}
     */
    @SuppressWarnings("unchecked")
    public boolean offer(E e) {
        Objects.requireNonNull(e);
        final Object[] a = this.heap;
        if (size == a.length) {
            return false;
        }
        int k = size++;
        for (int step = 0; step < MAX_DEPTH; step++) {
            if (k == 0) {
                break;
            }
            int parent = (k - 1) >>> 1;
            Object p = a[parent];
            if (order.compare(e, (E) p) >= 0) {
                break;
            }
            a[k] = p;
            k = parent;
        }
        a[k] = e;
        return true;
    }

    /** Removes and returns the least element, or returns {@code null} when empty. At most 2 log2(capacity) comparisons. */
    @SuppressWarnings("unchecked")
    public E poll() {
        if (size == 0) {
            return null;
        }
        final Object[] a = this.heap;
        E head = (E) a[0];
        int n = --size;
        E last = (E) a[n];
        a[n] = null;
        if (n > 0) {
            int k = 0;
            for (int step = 0; step < MAX_DEPTH; step++) {
                int child = 2 * k + 1;
                if (child >= n) {
                    break;
                }
                Object c = a[child];
                int right = child + 1;
                if (right < n && order.compare((E) c, (E) a[right]) > 0) {
                    child = right;
                    c = a[right];
                }
                if (order.compare(last, (E) c) <= 0) {
                    break;
                }
                a[k] = c;
                k = child;
            }
            a[k] = last;
        }
        return head;
    }

    /** Returns the least element without removing it, or {@code null} when empty. Constant time. */
    @SuppressWarnings("unchecked")
    public E peek() {
        return size == 0 ? null : (E) heap[0];
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** The most elements the queue holds, fixed at construction. */
    public int capacity() {
        return heap.length;
    }

    /** Whether the queue has no element. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether {@link #offer} would return {@code false}. */
    public boolean isFull() {
        return size == heap.length;
    }

    /** Removes every element and clears the slots. Bounded by the capacity. */
    public void clear() {
        final Object[] a = this.heap;
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
