package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;
import java.io.Serializable;

/**
 * An instance root bounded by the capacity of the one object of its class the program can have: the static
 * initialiser makes it, and nothing else makes one, so the root runs on it and its final table's length bounds
 * the probe loop. Not when a method can make another, nor when the class is Serializable (a deserialised copy
 * is another object).
 */
public class OnlyInstanceBounds {
    static final class Table {
        private final int[] keys;

        Table(int capacity) {
            keys = new int[capacity];
        }

        int find(int key) {
            final int[] k = this.keys;
            for (int i = 0; i < k.length; i++) { // expect: unbounded-loop
                if (k[i] == key) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Made once, by the static initialiser. */
    public static final class Handler {
        private final Table table = new Table(32);

        @RealTime
        public int onEvent(int key) {
            return table.find(key); // expect-root: bounded
        }
    }

    /** Made by the static initialiser, and by a method that can run any number of times. */
    public static final class MadeTwice {
        private final Table table = new Table(32);

        @RealTime
        public int onEvent(int key) {
            return table.find(key); // expect-root: unbounded loop
        }

        static MadeTwice another() {
            return new MadeTwice();
        }
    }

    /** Made once, but a deserialised copy would be another object. */
    public static final class Copyable implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Table table = new Table(32);

        @RealTime
        public int onEvent(int key) {
            return table.find(key); // expect-root: unbounded loop
        }
    }

    static final Handler HANDLER = new Handler();
    static final MadeTwice TWICE = new MadeTwice();
    static final Copyable COPYABLE = new Copyable();
}
