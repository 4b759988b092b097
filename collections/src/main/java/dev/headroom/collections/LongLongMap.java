package dev.headroom.collections;

/**
 * A map from {@code long} keys to {@code long} values holding at most {@code capacity} entries, in two
 * arrays allocated by the constructor: the fixed-capacity, unboxed replacement of a
 * {@code HashMap<Long, Long>}. Open addressing with linear probing in a power-of-two table of at least
 * {@code capacity * 4 / 3} slots; deletion shifts the following entries back (no tombstones), so the table
 * never fills with deleted slots. The key 0 is kept apart from the table (0 marks an empty slot).
 *
 * <p>{@link #put} returns a {@link PutResult} status: {@link PutResult#FULL} when the key is absent and the
 * map already holds {@code capacity} entries (nothing changes); the caller must check it. Absent keys read
 * as the {@code missingValue} given to the constructor.
 *
 * <p>Cost: {@link #put}, {@link #get}, {@link #containsKey} and {@link #remove} each probe at most the
 * table size (every probe loop is bounded by the table's length, a final array); {@link #clear} is bounded
 * by the table size; the rest is constant time. Never allocates after construction (no boxing). Footprint:
 * the map object and two {@code long[tableSize]}, {@code tableSize} the power of two at least
 * {@code capacity * 4 / 3}. Not thread-safe.
 */
public final class LongLongMap {

    private final long[] keys;
    private final long[] values;
    private final int mask;
    private final int capacity;
    private final long missingValue;
    private boolean hasZeroKey;
    private long zeroValue;
    private int size;

    /**
     * Creates an empty map that holds at most {@code capacity} entries.
     *
     * @param capacity at least 1 (at most 805,306,368, which fills a table of 2^30 slots)
     * @param missingValue what {@link #get} and {@link #remove} return for an absent key
     * @throws IllegalArgumentException when {@code capacity} is below 1 or too large
     */
    public LongLongMap(int capacity, long missingValue) {
        int table = Support.tableSize(capacity);
        this.keys = new long[table];
        this.values = new long[table];
        this.mask = table - 1;
        this.capacity = capacity;
        this.missingValue = missingValue;
    }

    /**
     * Maps {@code key} to {@code value}. Bounded by the table size.
     *
     * @return {@link PutResult#INSERTED}, {@link PutResult#REPLACED}, or {@link PutResult#FULL} when the key
     *         is absent and the map is full (nothing changes): the caller must check it
     */
    public int put(long key, long value) {
        if (key == 0) {
            if (!hasZeroKey) {
                if (size == capacity) {
                    return PutResult.FULL;
                }
                hasZeroKey = true;
                size++;
                zeroValue = value;
                return PutResult.INSERTED;
            }
            zeroValue = value;
            return PutResult.REPLACED;
        }
        final long[] keys = this.keys;
        int index = Support.mix(key) & mask;
        for (int probes = 0; probes < keys.length; probes++) {
            long k = keys[index];
            if (k == key) {
                values[index] = value;
                return PutResult.REPLACED;
            }
            if (k == 0) {
                if (size == capacity) {
                    return PutResult.FULL;
                }
                keys[index] = key;
                values[index] = value;
                size++;
                return PutResult.INSERTED;
            }
            index = (index + 1) & mask;
        }
        return PutResult.FULL; // not reached: the table always keeps an empty slot
    }

    /** Returns the value of {@code key}, or the missing value when absent. Bounded by the table size. */
    public long get(long key) {
        if (key == 0) {
            return hasZeroKey ? zeroValue : missingValue;
        }
        int index = find(key);
        return index < 0 ? missingValue : values[index];
    }

    /** Whether {@code key} is present. Bounded by the table size. */
    public boolean containsKey(long key) {
        return key == 0 ? hasZeroKey : find(key) >= 0;
    }

    /**
     * Removes {@code key} and returns its value, or returns the missing value when absent. Bounded by the
     * table size (the lookup, then the backward shift of the entries after it).
     */
    public long remove(long key) {
        if (key == 0) {
            if (!hasZeroKey) {
                return missingValue;
            }
            hasZeroKey = false;
            size--;
            return zeroValue;
        }
        int index = find(key);
        if (index < 0) {
            return missingValue;
        }
        long old = values[index];
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
    public long missingValue() {
        return missingValue;
    }

    /** Removes every entry. Bounded by the table size. */
    public void clear() {
        final long[] keys = this.keys;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 0;
        }
        hasZeroKey = false;
        size = 0;
    }

    /** The slot of a key that is not 0, or -1. */
    private int find(long key) {
        final long[] keys = this.keys;
        int index = Support.mix(key) & mask;
        for (int probes = 0; probes < keys.length; probes++) {
            long k = keys[index];
            if (k == key) {
                return index;
            }
            if (k == 0) {
                return -1;
            }
            index = (index + 1) & mask;
        }
        return -1;
    }

    /** Empties the slot {@code gap}, moving back each following entry of the run that may fill the hole. */
    private void shiftBack(int gap) {
        final long[] keys = this.keys;
        int pos = gap;
        for (int probes = 0; probes < keys.length; probes++) {
            pos = (pos + 1) & mask;
            long k = keys[pos];
            if (k == 0) {
                break;
            }
            if (Support.movable(gap, pos, Support.mix(k) & mask)) {
                keys[gap] = k;
                values[gap] = values[pos];
                gap = pos;
            }
        }
        keys[gap] = 0;
    }
}
