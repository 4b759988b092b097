package dev.headroom.core.memory;

import dev.headroom.collections.DoubleList;
import dev.headroom.collections.FixedBitSet;
import dev.headroom.collections.FixedList;
import dev.headroom.collections.IntIntMap;
import dev.headroom.collections.IntList;
import dev.headroom.collections.IntObjectMap;
import dev.headroom.collections.IntRingBuffer;
import dev.headroom.collections.LongLongMap;
import dev.headroom.collections.ObjectIntMap;
import dev.headroom.collections.RingBuffer;
import dev.headroom.collections.SpscQueue;
import dev.headroom.collections.TextBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Static object graphs whose footprint is compared with JOL's {@code GraphLayout}: arrays of every element
 * type and several lengths, nested and multi-dimensional arrays, objects built in loops, linked nodes,
 * objects holding arrays sized by constructor arguments. No strings: string literals are not counted.
 * No two fields share an object.
 */
@SuppressWarnings("unused")
final class JolGraphs {
    static final int SIZE = 24;
    static final boolean[] BOOLEANS = new boolean[7];
    static final byte[] BYTES_0 = new byte[0];
    static final byte[] BYTES_1 = new byte[1];
    static final byte[] BYTES_13 = new byte[13];
    static final char[] CHARS = new char[5];
    static final short[] SHORTS = new short[3];
    static final int[] INTS_1 = new int[1];
    static final int[] INTS_2 = new int[2];
    static final int[] INTS = new int[SIZE * 2 + 1];
    static final float[] FLOATS = new float[9];
    static final long[] LONGS_0 = new long[0];
    static final long[] LONGS = new long[5];
    static final double[] DOUBLES = new double[3];
    static final Object[] OBJECTS_1 = new Object[1];
    static final Object[] OBJECTS = new Object[11];
    static final int[][] MATRIX = new int[3][5];
    static final long[][][] CUBE = new long[2][3][1];
    static final int[][] JAGGED = new int[4][];
    static final JolFixtures.Node[] NODES = new JolFixtures.Node[8];
    static final JolFixtures.Ring RING = new JolFixtures.Ring(128);
    static final JolFixtures.Ring SMALL_RING = new JolFixtures.Ring(SIZE / 5);
    static final JolFixtures.Node LIST;
    static final JolFixtures.EveryKindTwice MIXED = new JolFixtures.EveryKindTwice();
    static final JolFixtures.ThreeLevels2 DEEP = new JolFixtures.ThreeLevels2();
    static final JolFixtures.Ring[] RINGS = new JolFixtures.Ring[3];
    static final ArrayBlockingQueue<Object> QUEUE = new ArrayBlockingQueue<>(16);
    static final Object[] LAMBDA_HOLDER = new Object[1];
    // headroom-collections, sized to the byte like any object built from constructor arguments (issue 13)
    static final IntIntMap INT_MAP = new IntIntMap(100, -1);
    static final LongLongMap LONG_MAP = new LongLongMap(10, 0L);
    static final IntObjectMap<Object> INT_OBJECT_MAP = new IntObjectMap<>(20);
    static final ObjectIntMap<Object> OBJECT_INT_MAP = new ObjectIntMap<>(7, -1);
    static final FixedList<Object> FIXED_LIST = new FixedList<>(10);
    static final IntList INT_LIST = new IntList(33);
    static final DoubleList DOUBLE_LIST = new DoubleList(5);
    static final RingBuffer<Object> RING_BUFFER = new RingBuffer<>(16);
    static final IntRingBuffer INT_RING_BUFFER = new IntRingBuffer(9);
    static final SpscQueue<Object> SPSC_QUEUE = new SpscQueue<>(32);
    static final TextBuffer TEXT = new TextBuffer(50);
    static final FixedBitSet BITS = new FixedBitSet(100);

    static {
        for (int i = 0; i < JAGGED.length; i++) {
            JAGGED[i] = new int[i * 3];
        }
        for (int i = 0; i < NODES.length; i++) {
            NODES[i] = new JolFixtures.Node();
            NODES[i].value = i;
        }
        JolFixtures.Node head = null;
        for (int i = 0; i < 5; i++) {
            JolFixtures.Node n = new JolFixtures.Node();
            n.next = head;
            head = n;
        }
        LIST = head;
        MIXED.o1 = new long[2];
        MIXED.o2 = new JolFixtures.OneByte();
        DEEP.o = new JolFixtures.Leaf();
        for (int i = 0; i < RINGS.length; i++) {
            RINGS[i] = new JolFixtures.Ring(1 << i);
        }
        OBJECTS[3] = new JolFixtures.OneReference();
        OBJECTS[4] = new double[2];
    }

    private JolGraphs() {
    }
}
