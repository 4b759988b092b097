package dev.headroom.collections;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A pool of {@code capacity} objects, all made by the constructor: {@link #acquire} hands one out and
 * {@link #release} takes one back, so a real-time path reuses objects instead of allocating them. The
 * fixed-capacity replacement of {@code new} on a hot path.
 *
 * <p>{@link #acquire} returns {@code null} when every object is out: the caller must check it.
 * {@link #release} returns {@code false} when the pool already holds its capacity (the object released
 * was not one acquired from it, or was released twice); the pool does not check which object comes back
 * (that would cost a search), so releasing a foreign object while one of the pool's is out silently
 * swaps them.
 *
 * <p>Cost: every operation is constant time; never allocates after construction (the constructor calls
 * the factory {@code capacity} times). Footprint: the pool object, one {@code Object[capacity]} and the
 * {@code capacity} objects. Not thread-safe.
 *
 * @param <E> the type of the pooled objects
 */
public final class ObjectPool<E> {

    private final Object[] free;
    private int available;

    /**
     * Creates a pool and fills it with {@code capacity} objects from {@code factory}.
     *
     * @param capacity at least 1
     * @param factory called {@code capacity} times, here; must not return {@code null}
     * @throws IllegalArgumentException when {@code capacity < 1}
     * @throws NullPointerException when {@code factory} is or returns {@code null}
     */
    public ObjectPool(int capacity, Supplier<? extends E> factory) {
        Objects.requireNonNull(factory, "factory");
        free = new Object[Support.checkCapacity(capacity)];
        for (int i = 0; i < free.length; i++) {
            free[i] = Objects.requireNonNull(factory.get(), "the factory returned null");
        }
        available = free.length;
    }

    /** Takes an object out of the pool, or returns {@code null} when none is left. Constant time. */
    @SuppressWarnings("unchecked")
    public E acquire() {
        if (available == 0) {
            return null;
        }
        final Object[] a = this.free;
        int i = --available;
        E e = (E) a[i];
        a[i] = null;
        return e;
    }

    /**
     * Puts {@code e} back into the pool. Constant time.
     *
     * @return {@code false} when the pool is already full (nothing changes): {@code e} was not acquired from it
     * @throws NullPointerException when {@code e} is {@code null}
     */
    public boolean release(E e) {
        Objects.requireNonNull(e);
        final Object[] a = this.free;
        if (available == a.length) {
            return false;
        }
        a[available++] = e;
        return true;
    }

    /** How many objects the pool holds now (not acquired). */
    public int available() {
        return available;
    }

    /** How many objects the pool made, fixed at construction. */
    public int capacity() {
        return free.length;
    }
}
