package dev.headroom.validation.memory;

import dev.headroom.annotations.Initializer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What initialisation roots allocate counts, static state or not (sizes under hotspot-coops: 12-byte
 * header, 4-byte references, 16-byte array header, 8-byte alignment):
 * <ul>
 *   <li>{@code start}: a controller kept in a static field it assigns (counted as that field: Controller 24,
 *   Ring 24, long[64] 528, byte[256] 272), a ring filled by a loop with a known bound, a pool of slots built
 *   in a loop and kept in a local only (Slot[8] 48 and 8 Slot of 16), a library factory
 *   ({@code Arrays.copyOf}: int[10] 56, and the int[3] literal it copies, 32, garbage), and garbage made in a
 *   loop (4 x long[32] of 272, counted: nothing allocated at start-up is assumed to be freed);</li>
 *   <li>{@code directBuffer}: {@code ByteBuffer.allocate} is not followed to its end (its constructor compares
 *   the native byte order with a constant of the class library), so what it allocates is a lower bound;</li>
 *   <li>{@code sizedAtRunTime}: an array whose length comes from a system property is not known.</li>
 * </ul>
 */
public final class StartUp {
    static final int CAPACITY = 64;
    static Controller controller;

    private StartUp() {
    }

    @Initializer
    public static void start() {
        Ring ring = new Ring(CAPACITY);
        ring.fill(-1L);
        controller = new Controller(ring, 256); // expect-bytes: 840
        Slot[] pool = new Slot[8]; // expect-init-bytes: 176
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Slot();
        }
        int[] limits = Arrays.copyOf(new int[] {1, 2, 3}, 10); // expect-init-bytes: 88
        for (int i = 0; i < 4; i++) {
            long[] scratch = new long[32]; // expect-init-bytes: 1088
            scratch[0] = i;
        }
        if (limits.length != pool.length + 2) {
            throw new IllegalStateException();
        }
    }

    @Initializer
    public static ByteBuffer directBuffer() {
        return ByteBuffer.allocate(64); // expect: unbounded-static
    }

    @Initializer
    public static void sizedAtRunTime() {
        byte[] buffer = new byte[Integer.getInteger("frame.size", 256)]; // expect: unbounded-static
        buffer[0] = 1;
    }

    static final class Ring {
        final long[] slots;

        Ring(int capacity) {
            slots = new long[capacity];
        }

        void fill(long v) {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = v;
            }
        }
    }

    static final class Controller {
        final Ring ring;
        final byte[] frame;

        Controller(Ring ring, int frameSize) {
            this.ring = ring;
            this.frame = new byte[frameSize];
        }
    }

    static final class Slot {
        int value;
    }
}
