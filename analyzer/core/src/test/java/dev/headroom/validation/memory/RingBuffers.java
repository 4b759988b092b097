package dev.headroom.validation.memory;

/** Fixed-capacity structures whose arrays are sized by constructor and factory arguments. */
public final class RingBuffers {
    static final int CAPACITY = 128;
    // Ring: 12 header + items 4 + head, tail, mask 12 = 28 -> 32; Object[128]: 16 + 512 = 528
    static final Ring EVENTS = new Ring(CAPACITY); // expect-bytes: 560
    // Ring 32 + Object[16]: 16 + 64 = 80
    static final Ring DOUBLED = Ring.twice(8); // expect-bytes: 112
    // Controller 24, Filter 16, double[16] 144, float[32] 144
    static final Controller CONTROLLER = new Controller(16); // expect-bytes: 328
    // Slot: int fills the header gap, long at 16: 24; Slot[16] 80 + 16 x 24
    static final Slot[] SLOTS = new Slot[16]; // expect-bytes: 464
    // Integer: 12 + 4 = 16; small values come from the Integer cache and are not counted
    static final Integer LIMIT = 1000; // expect-bytes: 16
    static final Integer SMALL = 5;

    static {
        for (int i = 0; i < SLOTS.length; i++) {
            SLOTS[i] = new Slot();
        }
    }

    private RingBuffers() {
    }

    static final class Ring {
        private final Object[] items;
        private int head;
        private int tail;
        private final int mask;

        Ring(int capacity) {
            if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
                throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
            }
            this.items = new Object[capacity];
            this.mask = capacity - 1;
        }

        static Ring twice(int capacity) {
            return new Ring(capacity * 2);
        }
    }

    static final class Filter {
        private final double[] coefficients;

        Filter(int taps) {
            coefficients = new double[taps];
        }
    }

    static final class Controller {
        private final Filter filter;
        private final float[] history;

        Controller(int taps) {
            filter = new Filter(taps);
            history = new float[taps * 2];
        }
    }

    static final class Slot {
        long stamp;
        int value;
    }
}
