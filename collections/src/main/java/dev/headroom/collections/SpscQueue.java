package dev.headroom.collections;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded, lock-free queue of at most {@code capacity} elements for handing work from exactly one
 * producer thread to exactly one consumer thread, in a circular array allocated by the constructor: the
 * fixed-capacity replacement of a {@link java.util.concurrent.ConcurrentLinkedQueue} or
 * {@link java.util.concurrent.ArrayBlockingQueue} between two threads. {@link #offer} returns
 * {@code false} when the queue is full; it never blocks, never spins and never grows.
 *
 * <p>Threads: {@link #offer} may be called by one producer thread only, {@link #poll} by one consumer
 * thread only (they may be different threads over the queue's life only if the hand-over itself
 * publishes, for example by {@link Thread#start} or {@link Thread#join}). {@link #size} and
 * {@link #capacity} may be called from any thread.
 *
 * <p>Memory ordering: the producer writes the element into its slot, then publishes the new tail with a
 * release store; the consumer reads the tail with an acquire load before it reads the slot. So everything
 * the producer wrote before {@code offer(e)} happens-before everything the consumer does after the
 * {@code poll()} that returns {@code e}. Symmetrically the consumer clears the slot and then publishes the
 * new head with a release store, and the producer reads the head with an acquire load before it reuses a
 * slot, so a slot is never overwritten before it has been read. The slots themselves are plain array
 * accesses ordered by those two. The counters are two {@link AtomicLong}s read with {@code getAcquire} and
 * written with {@code setRelease}: no locks, no {@code Unsafe} in this code, and no static initialiser (a
 * {@code VarHandle} would need {@code MethodHandles} at class initialisation, which Headroom cannot size).
 * They do not wrap in practice (2^63 operations).
 *
 * <p>Cost: every operation is constant time; never allocates after construction. Footprint: the queue
 * object, two {@link AtomicLong} (no padding against false sharing) and one {@code Object[capacity]}.
 *
 * @param <E> the element type
 */
public final class SpscQueue<E> {

    private final Object[] slots;
    /** How many elements the consumer has taken: written by the consumer only (release). */
    private final AtomicLong head = new AtomicLong();
    /** How many elements the producer has added: written by the producer only (release). */
    private final AtomicLong tail = new AtomicLong();

    /**
     * Creates an empty queue that holds at most {@code capacity} elements.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public SpscQueue(int capacity) {
        slots = new Object[Support.checkCapacity(capacity)];
    }

    /**
     * Adds {@code e} at the tail when there is room. Producer thread only. Constant time.
     *
     * @return {@code false} when the queue is full (nothing changes): the caller must check it
     * @throws NullPointerException when {@code e} is {@code null}
     */
    public boolean offer(E e) {
        Objects.requireNonNull(e);
        final Object[] a = this.slots;
        long t = tail.getPlain();
        long h = head.getAcquire();
        if (t - h >= a.length) {
            return false;
        }
        a[(int) (t % a.length)] = e;
        tail.setRelease(t + 1);
        return true;
    }

    /**
     * Removes and returns the head, or returns {@code null} when the queue is empty. Consumer thread only.
     * Constant time.
     */
    @SuppressWarnings("unchecked")
    public E poll() {
        final Object[] a = this.slots;
        long h = head.getPlain();
        long t = tail.getAcquire();
        if (h >= t) {
            return null;
        }
        int i = (int) (h % a.length);
        E e = (E) a[i];
        a[i] = null;
        head.setRelease(h + 1);
        return e;
    }

    /**
     * The number of elements, approximate when the other thread is working: a value between 0 and the
     * capacity that was true at some moment during the call. Constant time.
     */
    public int size() {
        long h = head.getAcquire();
        long t = tail.getAcquire();
        long n = t - h;
        return n < 0 ? 0 : n > slots.length ? slots.length : (int) n;
    }

    /** The most elements the queue holds, fixed at construction. */
    public int capacity() {
        return slots.length;
    }
}
