package dev.headroom.validation.memory;

/**
 * Static initializers that build more than the interpreter follows: where it stops, the footprint is a
 * lower bound, reported once per class at the line it stopped on, never a bounded number.
 */
public final class EarlyStops {
    private EarlyStops() {
    }

    /** A linked list of 10 million nodes (240 MB): the step budget runs out in the loop. */
    static final class LongChain {
        static Node head;

        static {
            for (int i = 0; i < 10_000_000; i++) { head = new Node(head); } // expect: unbounded-static
        }
    }

    /** An array of 3 million arrays, filled one by one. */
    static final class ArrayOfArrays {
        static final long[][] ROWS = new long[3_000_000][];

        static {
            for (int i = 0; i < ROWS.length; i++) { ROWS[i] = new long[40_000]; } // expect: unbounded-static
        }
    }

    /** An array of 5 million objects, filled one by one. */
    static final class FilledArray {
        static final Object[] SLOTS = new Object[5_000_000];

        static {
            for (int i = 0; i < SLOTS.length; i++) { SLOTS[i] = new Node(null); } // expect: unbounded-static
        }
    }

    /** 2 million small arrays made by a helper the static initializer calls. */
    static final class SmallArrays {
        static final byte[][] BUFFERS = new byte[2_000_000][];

        static {
            fill(); // expect: unbounded-static
        }

        static void fill() {
            for (int i = 0; i < BUFFERS.length; i++) {
                BUFFERS[i] = new byte[8];
            }
        }
    }

    /** A list grown by a recursion deeper than the interpreter follows: what the deeper calls add is missed. */
    static final class DeepRecursion {
        static Node head;

        static {
            grow(200); // expect: unbounded-static
        }

        static void grow(int n) {
            if (n > 0) {
                head = new Node(head);
                grow(n - 1);
            }
        }
    }

    /** A copy of two billion elements: counted against the step budget, not looped over. */
    static final class HugeCopy {
        static final byte[] SOURCE = new byte[2_000_000_000];
        static final byte[] COPY = new byte[2_000_000_000];

        static {
            System.arraycopy(SOURCE, 0, COPY, 0, SOURCE.length); // expect: unbounded-static
        }
    }

    /** A class with no state of its own whose initializer fills another class's table. */
    static final class Populator {
        static int filled;

        static {
            Registry.fill(); // expect: unbounded-static
            filled = 1;
        }
    }

    static final class Registry {
        static final Object[] TABLE = new Object[3_000_000];

        static void fill() {
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = new Node(null);
            }
        }
    }

    static final class Node {
        final Node next;

        Node(Node next) {
            this.next = next;
        }
    }
}
