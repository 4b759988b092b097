package dev.headroom.collections;

import java.util.Objects;

/**
 * A set of bits {@code 0 .. bits - 1} in one {@code long[]} allocated by the constructor: the
 * fixed-size replacement of {@link java.util.BitSet} (which grows when a bit past its end is set). A bit
 * index outside {@code [0, capacity())} throws {@link IndexOutOfBoundsException} instead.
 *
 * <p>Cost: {@link #set}, {@link #clear(int)} and {@link #get} are constant time; {@link #cardinality},
 * {@link #nextSetBit} and {@link #clearAll} are bounded by the number of words, {@code ceil(bits / 64)}.
 * Never allocates after construction. Footprint: the set object and one {@code long[ceil(bits / 64)]}.
 * Not thread-safe.
 */
public final class FixedBitSet {

    private final long[] words;
    private final int bits;

    /**
     * Creates a set of {@code bits} bits, all clear.
     *
     * @param bits at least 1
     * @throws IllegalArgumentException when {@code bits < 1}
     */
    public FixedBitSet(int bits) {
        this.bits = Support.checkCapacity(bits);
        this.words = new long[(int) (((long) bits + 63) >>> 6)];
    }

    /** Sets bit {@code i}. Constant time. */
    public void set(int i) {
        words[Objects.checkIndex(i, bits) >>> 6] |= 1L << i;
    }

    /** Clears bit {@code i}. Constant time. */
    public void clear(int i) {
        words[Objects.checkIndex(i, bits) >>> 6] &= ~(1L << i);
    }

    /** Whether bit {@code i} is set. Constant time. */
    public boolean get(int i) {
        return (words[Objects.checkIndex(i, bits) >>> 6] & (1L << i)) != 0;
    }

    /** The number of set bits. Bounded by the number of words. */
    public int cardinality() {
        final long[] w = this.words;
        int count = 0;
        for (int i = 0; i < w.length; i++) {
            count += Long.bitCount(w[i]);
        }
        return count;
    }

    /**
     * The index of the first set bit at or after {@code from}, or -1 when there is none ({@code from} at or
     * past the end included). Bounded by the number of words.
     *
     * @throws IndexOutOfBoundsException when {@code from} is negative
     */
    public int nextSetBit(int from) {
        if (from < 0) {
            throw new IndexOutOfBoundsException("from < 0");
        }
        if (from >= bits) {
            return -1;
        }
        final long[] w = this.words;
        int index = from >>> 6;
        long word = w[index] & (-1L << from);
        for (int i = 0; i < w.length; i++) {
            if (word != 0) {
                return (index << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++index == w.length) {
                break;
            }
            word = w[index];
        }
        return -1;
    }

    /** Clears every bit. Bounded by the number of words. */
    public void clearAll() {
        final long[] w = this.words;
        for (int i = 0; i < w.length; i++) {
            w[i] = 0;
        }
    }

    /** The number of bits, fixed at construction. */
    public int capacity() {
        return bits;
    }
}
