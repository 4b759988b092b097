package dev.headroom.core.memory;

import dev.headroom.annotations.Initializer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Initialisation roots whose allocations are compared with JOL's {@code GraphLayout}: {@link JolProbe} runs them
 * in the order the analysis does (by method name) and measures every static field of this class and the object
 * each root that returns one built. The analysis counts a returned object, with what it refers to, as the item of
 * the line that allocated it: that line is marked {@code // measured}.
 *
 * <p>Garbage (what a root allocates and drops: here only the array literal {@link #library} copies) cannot be
 * measured: GraphLayout walks from live objects and garbage is unreachable. Its line is marked
 * {@code // garbage}; its size is an instance or array size, whose arithmetic the classes and arrays JolProbe
 * measures check. No string is allocated (literals are not counted) and no two fields share an object.
 */
@SuppressWarnings("unused")
final class JolStartUp {
    static final int CAPACITY = 48;
    static final int SLOTS = 12;
    /** Allocated by the static initialiser and filled by {@link #fillRing}: counted as static state. */
    static final Slot[] RING = new Slot[SLOTS];
    /** Sized by a private method its constructor calls (invokevirtual since Java 11): in static state. */
    static final Sized SIZED = new Sized(4);
    static Controller controller;
    static Slot[] pool;
    static int[] limits;
    static List<Object> handlers;
    static AtomicLongArray counters;
    static Grid grid;
    static Sized sizedAtStartUp;

    private JolStartUp() {
    }

    /** Objects built in locals and handed to the long-lived controller. */
    @Initializer
    static void buildController() {
        Channel in = new Channel(CAPACITY);
        Channel out = new Channel(CAPACITY / 4);
        Stats stats = new Stats();
        controller = new Controller(in, out, stats, 100);
    }

    /** Runs after {@link #buildController}: what it hangs on the controller is counted with that field. */
    @Initializer
    static void extendController() {
        controller.stats.history = new long[SLOTS + 1];
    }

    /** A fixed ring the static initialiser allocated, filled with objects built in a loop with a constant bound. */
    @Initializer
    static void fillRing() {
        for (int i = 0; i < RING.length; i++) {
            RING[i] = new Slot(i);
        }
    }

    /** A pool built in a local, each slot with a payload of its own length. */
    @Initializer
    static void buildPool() {
        Slot[] slots = new Slot[SLOTS / 2];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(i);
            slots[i].payload = new byte[i * 5];
        }
        pool = slots;
    }

    /** Library factories the interpreter follows. */
    @Initializer
    static void library() {
        limits = Arrays.copyOf(new int[] {1, 2, 3}, 10); // garbage: the literal copied
        handlers = List.of(new Slot(1), new Channel(3));
        counters = new AtomicLongArray(CAPACITY / 3);
    }

    /** Arrays sized by constants passed through constructors. */
    @Initializer
    static void buildGrid() {
        grid = new Grid(3, CAPACITY / 8);
    }

    /** An object whose constructor allocates through a private method. */
    @Initializer
    static void buildSized() {
        sizedAtStartUp = new Sized(SLOTS);
    }

    /** A graph built in locals and returned: allocated at the return line. */
    @Initializer
    static Journal journal() {
        Slot first = new Slot(0);
        Channel channel = new Channel(7);
        long[] marks = new long[CAPACITY];
        return new Journal(first, channel, marks); // measured
    }

    /** A chain built in a loop and returned: its head, with every node it reaches, is allocated in the loop. */
    @Initializer
    static Node chain() {
        Node head = null;
        for (int i = 0; i < 6; i++) {
            head = new Node(head, new double[i]); // measured
        }
        return head;
    }

    /** Two objects that refer to each other, returned: a cycle is counted at the line of the first of them. */
    @Initializer
    static Link pair() {
        Link first = new Link(new int[SLOTS]); // measured
        Link second = new Link(new int[1]);
        first.other = second;
        second.other = first;
        return first;
    }

    static final class Sized {
        long[] values;

        Sized(int n) {
            allocate(n);
        }

        private void allocate(int n) {
            values = new long[n];
        }
    }

    static final class Slot {
        final int index;
        byte[] payload;

        Slot(int index) {
            this.index = index;
        }
    }

    static final class Channel {
        final long[] buffer;
        final boolean[] flags;
        int head;

        Channel(int capacity) {
            buffer = new long[capacity];
            flags = new boolean[capacity / 3];
        }
    }

    static final class Stats {
        long count;
        double mean;
        long[] history;
    }

    static final class Controller {
        final Channel in;
        final Channel out;
        final Stats stats;
        final char[] name;

        Controller(Channel in, Channel out, Stats stats, int nameLength) {
            this.in = in;
            this.out = out;
            this.stats = stats;
            this.name = new char[nameLength];
        }
    }

    static final class Grid {
        final int[][] cells;
        final Object[] rowTags;
        final short width;

        Grid(int rows, int columns) {
            cells = new int[rows][columns];
            rowTags = new Object[rows];
            width = (short) columns;
        }
    }

    static final class Journal {
        final Slot first;
        final Channel channel;
        final long[] marks;

        Journal(Slot first, Channel channel, long[] marks) {
            this.first = first;
            this.channel = channel;
            this.marks = marks;
        }
    }

    static final class Link {
        final int[] data;
        Link other;

        Link(int[] data) {
            this.data = data;
        }
    }

    static final class Node {
        final Node next;
        final double[] values;

        Node(Node next, double[] values) {
            this.next = next;
            this.values = values;
        }
    }
}
