package dev.headroom.collections;

import java.util.Objects;

/**
 * A map from {@code int} keys to object values holding at most {@code capacity} entries, in two arrays
 * allocated by the constructor: the fixed-capacity, unboxed-key replacement of a
 * {@code HashMap<Integer, V>}. Open addressing with linear probing in a power-of-two table of at least
 * {@code capacity * 4 / 3} slots; deletion shifts the following entries back (no tombstones). A slot is
 * empty when its value is {@code null}, so {@code null} values are rejected and {@link #get} returns
 * {@code null} for an absent key.
 *
 * <p>{@link #put} returns a {@link PutResult} status: {@link PutResult#FULL} when the key is absent and the
 * map already holds {@code capacity} entries (nothing changes); the caller must check it.
 *
 * <p>Cost: {@link #put}, {@link #get}, {@link #containsKey} and {@link #remove} each probe at most the
 * table size; {@link #clear} is bounded by the table size; the rest is constant time. Never allocates
 * after construction (no boxing). Footprint: the map object, one {@code int[tableSize]} and one
 * {@code Object[tableSize]}. Not thread-safe.
 *
 * @param <V> the value type
 */
public final class IntObjectMap<V> {

    private final int[] keys;
    private final Object[] values;
    private final int mask;
    private final int capacity;
    private int size;

    /**
     * Creates an empty map that holds at most {@code capacity} entries.
     *
     * @param capacity at least 1 (at most 805,306,368)
     * @throws IllegalArgumentException when {@code capacity} is below 1 or too large
     */
    public IntObjectMap(int capacity) {
        int table = Support.tableSize(capacity);
        this.keys = new int[table];
        this.values = new Object[table];
        this.mask = table - 1;
        this.capacity = capacity;
    }

    /**
     * Maps {@code key} to {@code value}. Bounded by the table size.
     *
     * @return {@link PutResult#INSERTED}, {@link PutResult#REPLACED}, or {@link PutResult#FULL} when the key
     *         is absent and the map is full (nothing changes): the caller must check it
     * @throws NullPointerException when {@code value} is {@code null}
     */
    public int put(int key, V value) {
        Objects.requireNonNull(value);
        final Object[] values = this.values;
        int index = Support.mix(key) & mask;
        for (int probes = 0; probes < values.length; probes++) {
            if (values[index] == null) {
                if (size == capacity) {
                    return PutResult.FULL;
                }
                keys[index] = key;
                values[index] = value;
                size++;
                return PutResult.INSERTED;
            }
            if (keys[index] == key) {
                values[index] = value;
                return PutResult.REPLACED;
            }
            index = (index + 1) & mask;
        }
        return PutResult.FULL; // not reached: the table always keeps an empty slot
    }

    /** Returns the value of {@code key}, or {@code null} when absent. Bounded by the table size. */
    @SuppressWarnings("unchecked")
    public V get(int key) {
        int index = find(key);
        return index < 0 ? null : (V) values[index];
    }

    /** Whether {@code key} is present. Bounded by the table size. */
    public boolean containsKey(int key) {
        return find(key) >= 0;
    }

    /** Removes {@code key} and returns its value, or returns {@code null} when absent. Bounded by the table size. */
    @SuppressWarnings("unchecked")
    public V remove(int key) {
        int index = find(key);
        if (index < 0) {
            return null;
        }
        V old = (V) values[index];
        shiftBack(index);
        size--;
        return old;
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /** The most entries the map holds, fixed at construction. */
    public int capacity() {
        return capacity;
    }

    /** Whether the map has no entry. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Removes every entry and clears the value slots. Bounded by the table size. */
    public void clear() {
        final Object[] values = this.values;
        for (int i = 0; i < values.length; i++) {
            values[i] = null;
        }
        size = 0;
    }

    private int find(int key) {
        final Object[] values = this.values;
        int index = Support.mix(key) & mask;
        for (int probes = 0; probes < values.length; probes++) {
            if (values[index] == null) {
                return -1;
            }
            if (keys[index] == key) {
                return index;
            }
            index = (index + 1) & mask;
        }
        return -1;
    }

    /** Empties the slot {@code gap}, moving back each following entry of the run that may fill the hole. */
    private void shiftBack(int gap) {
        final Object[] values = this.values;
        int pos = gap;
        for (int probes = 0; probes < values.length; probes++) {
            pos = (pos + 1) & mask;
            Object v = values[pos];
            if (v == null) {
                break;
            }
            int k = keys[pos];
            if (Support.movable(gap, pos, Support.mix(k) & mask)) {
                keys[gap] = k;
                values[gap] = v;
                gap = pos;
            }
        }
        values[gap] = null;
    }
}
