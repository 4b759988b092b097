package dev.headroom.collections;

/**
 * A map from object keys to {@code int} values holding at most {@code capacity} entries, in two arrays
 * allocated by the constructor: the fixed-capacity, unboxed-value replacement of a
 * {@code HashMap<K, Integer>}. Keys are compared by {@code equals} and placed by {@code hashCode} (which
 * must not allocate for the map to stay allocation-free: {@link String}, the boxed primitives and enums
 * do not); {@code null} keys are rejected. Open addressing with linear probing in a power-of-two table of
 * at least {@code capacity * 4 / 3} slots; deletion shifts the following entries back (no tombstones).
 *
 * <p>{@link #put} returns a {@link PutResult} status: {@link PutResult#FULL} when the key is absent and the
 * map already holds {@code capacity} entries (nothing changes); the caller must check it. Absent keys read
 * as the {@code missingValue} given to the constructor.
 *
 * <p>Cost: {@link #put}, {@link #get}, {@link #containsKey} and {@link #remove} each probe at most the
 * table size (plus the keys' {@code hashCode} and {@code equals}); {@link #clear} is bounded by the table
 * size; the rest is constant time. Never allocates after construction. Footprint: the map object, one
 * {@code Object[tableSize]} and one {@code int[tableSize]}. Not thread-safe.
 *
 * @param <K> the key type
 */
public final class ObjectIntMap<K> {

    private final Object[] keys;
    private final int[] values;
    private final int mask;
    private final int capacity;
    private final int missingValue;
    private int size;

    /**
     * Creates an empty map that holds at most {@code capacity} entries.
     *
     * @param capacity at least 1 (at most 805,306,368)
     * @param missingValue what {@link #get} and {@link #remove} return for an absent key
     * @throws IllegalArgumentException when {@code capacity} is below 1 or too large
     */
    public ObjectIntMap(int capacity, int missingValue) {
        int table = Support.tableSize(capacity);
        this.keys = new Object[table];
        this.values = new int[table];
        this.mask = table - 1;
        this.capacity = capacity;
        this.missingValue = missingValue;
    }

    /**
     * Maps {@code key} to {@code value}. Bounded by the table size.
     *
     * @return {@link PutResult#INSERTED}, {@link PutResult#REPLACED}, or {@link PutResult#FULL} when the key
     *         is absent and the map is full (nothing changes): the caller must check it
     * @throws NullPointerException when {@code key} is {@code null}
     */
    public int put(K key, int value) {
        final Object[] keys = this.keys;
        int index = Support.mix(key.hashCode()) & mask;
        for (int probes = 0; probes < keys.length; probes++) {
            Object k = keys[index];
            if (k == null) {
                if (size == capacity) {
                    return PutResult.FULL;
                }
                keys[index] = key;
                values[index] = value;
                size++;
                return PutResult.INSERTED;
            }
            if (Support.same(key, k)) {
                values[index] = value;
                return PutResult.REPLACED;
            }
            index = (index + 1) & mask;
        }
        return PutResult.FULL; // not reached: the table always keeps an empty slot
    }

    /**
     * Returns the value of {@code key}, or the missing value when absent. Bounded by the table size.
     *
     * @throws NullPointerException when {@code key} is {@code null}
     */
    public int get(Object key) {
        int index = find(key);
        return index < 0 ? missingValue : values[index];
    }

    /**
     * Whether {@code key} is present. Bounded by the table size.
     *
     * @throws NullPointerException when {@code key} is {@code null}
     */
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    /**
     * Removes {@code key} and returns its value, or returns the missing value when absent. Bounded by the
     * table size.
     *
     * @throws NullPointerException when {@code key} is {@code null}
     */
    public int remove(Object key) {
        int index = find(key);
        if (index < 0) {
            return missingValue;
        }
        int old = values[index];
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

    /** The value {@link #get} returns for an absent key. */
    public int missingValue() {
        return missingValue;
    }

    /** Removes every entry and clears the key slots. Bounded by the table size. */
    public void clear() {
        final Object[] keys = this.keys;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = null;
        }
        size = 0;
    }

    private int find(Object key) {
        final Object[] keys = this.keys;
        int index = Support.mix(key.hashCode()) & mask;
        for (int probes = 0; probes < keys.length; probes++) {
            Object k = keys[index];
            if (k == null) {
                return -1;
            }
            if (Support.same(key, k)) {
                return index;
            }
            index = (index + 1) & mask;
        }
        return -1;
    }

    /** Empties the slot {@code gap}, moving back each following entry of the run that may fill the hole. */
    private void shiftBack(int gap) {
        final Object[] keys = this.keys;
        int pos = gap;
        for (int probes = 0; probes < keys.length; probes++) {
            pos = (pos + 1) & mask;
            Object k = keys[pos];
            if (k == null) {
                break;
            }
            if (Support.movable(gap, pos, Support.mix(k.hashCode()) & mask)) {
                keys[gap] = k;
                values[gap] = values[pos];
                gap = pos;
            }
        }
        keys[gap] = null;
    }
}
