package dev.headroom.collections;

/** Capacity checks, table sizing and hashing shared by the collections. Not API. */
final class Support {

    /** The largest hash table: 2^30 slots. */
    static final int MAX_TABLE = 1 << 30;

    private Support() {
    }

    /** Returns {@code capacity} when it is at least 1, else throws {@link IllegalArgumentException}. */
    static int checkCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        return capacity;
    }

    /**
     * The table size for a map of {@code capacity} entries: the smallest power of two that keeps the load
     * factor at most 3/4 when full (so a probe always meets an empty slot).
     */
    static int tableSize(int capacity) {
        checkCapacity(capacity);
        long needed = ((long) capacity * 4 + 2) / 3;
        if (needed > MAX_TABLE) {
            throw new IllegalArgumentException("capacity too large for a map: " + capacity);
        }
        return Integer.highestOneBit((int) needed - 1) << 1;
    }

    /** Spreads an int hash over all bits (the golden-ratio multiply of fastutil and Agrona). */
    static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Spreads a long key over an int hash. */
    static int mix(long x) {
        long h = x * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        return (int) (h ^ (h >>> 16));
    }

    /**
     * Whether the entry whose home slot is {@code home} may move back into the hole at {@code gap} when it
     * sits at {@code pos}: true when {@code home} is not cyclically in (gap, pos] (backward-shift deletion).
     */
    static boolean movable(int gap, int pos, int home) {
        return gap <= pos ? home <= gap || home > pos : home <= gap && home > pos;
    }

    /** {@code Objects.equals} without the call: {@code a == b} or {@code a.equals(b)}, {@code a} not null. */
    static boolean same(Object a, Object b) {
        return a == b || a != null && a.equals(b);
    }
}
