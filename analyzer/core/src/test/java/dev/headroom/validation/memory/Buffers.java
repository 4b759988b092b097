package dev.headroom.validation.memory;

/** Primitive arrays of constant length (hotspot-coops: 16-byte array header, 8-byte alignment). */
public final class Buffers {
    static final int CAPACITY = 1024;
    static final int[] SAMPLES = new int[CAPACITY]; // expect-bytes: 4112
    static final long[] TIMES = new long[CAPACITY / 2]; // expect-bytes: 4112
    static final byte[] FRAME = new byte[CAPACITY + 3]; // expect-bytes: 1048
    static final double[][] GRID = new double[4][8]; // expect-bytes: 352
    static final char[] EMPTY = new char[0]; // expect-bytes: 16
    static final boolean[] FLAGS = new boolean[9]; // expect-bytes: 32
    static final long WINDOW = 1L << 10;
    static final byte[] WINDOW_BYTES = new byte[(int) (WINDOW / 4)]; // expect-bytes: 272
    static final int ROWS;
    static final short[] TABLE;
    static final String NAME = "buffers";
    static int counter;

    static {
        ROWS = 3 * 7;
        TABLE = new short[ROWS * 2]; // expect-bytes: 104
    }

    private Buffers() {
    }
}
