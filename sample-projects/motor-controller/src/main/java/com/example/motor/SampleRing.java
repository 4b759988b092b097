package com.example.motor;

/**
 * Fixed-capacity single-producer, single-consumer ring of encoder samples.
 *
 * <p>The storage is allocated once, in the constructor. The producer (the encoder interrupt) calls
 * {@link #offer(int)}, the consumer (the control task) calls {@link #poll()}; neither allocates, locks
 * or loops. When the ring is full, {@code offer} refuses the sample instead of growing.
 */
public final class SampleRing {
    private final int[] samples;
    private final int mask;
    /** Index of the next sample to read; written by the consumer only. */
    private volatile int head;
    /** Index of the next free slot; written by the producer only. */
    private volatile int tail;

    /**
     * @param capacity a power of two
     */
    public SampleRing(int capacity) {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.samples = new int[capacity];
        this.mask = capacity - 1;
    }

    /**
     * Appends a sample in constant time.
     *
     * @return {@code false} if the ring is full and the sample was not stored
     */
    public boolean offer(int sample) {
        int t = tail;
        if (t - head == samples.length) {
            return false;
        }
        samples[t & mask] = sample;
        tail = t + 1;
        return true;
    }

    /** Removes and returns the oldest sample, or returns 0 if the ring is empty. */
    public int poll() {
        int h = head;
        if (h == tail) {
            return 0;
        }
        int sample = samples[h & mask];
        head = h + 1;
        return sample;
    }

    public boolean isEmpty() {
        return head == tail;
    }

    public int size() {
        return tail - head;
    }

    public int capacity() {
        return samples.length;
    }
}
