package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;

/**
 * A fixed-capacity table whose probe loop runs up to the length of its final array: the loop has no
 * bound of its own, but one at each call on an object the static initialisers built exactly and keep in a
 * static final field: the table's length is fixed there. Not when the object is in a field that can be
 * reassigned, when its size is not known, or when the array field is not final.
 */
public class CapacityBounds {
    static final class Table {
        private final int[] keys;
        private final Table spare;
        private int[] resizable;

        Table(int capacity) {
            keys = new int[capacity * 2];
            resizable = new int[capacity];
            spare = capacity > 4 ? new Table(4) : null;
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

        int findInSpare(int key) {
            return spare.find(key);
        }

        int scanResizable(int key) {
            int[] r = resizable;
            for (int i = 0; i < r.length; i++) { // expect: unbounded-loop
                if (r[i] == key) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final Table FIXED = new Table(64);
    private static Table reassignable = new Table(64);
    private static final Table SIZED_AT_RUN_TIME = new Table(Integer.getInteger("capacity", 64));

    @RealTime
    public int lookUp(int key) {
        return FIXED.find(key); // expect-root: bounded
    }

    @RealTime
    public int lookUpThroughAFinalField(int key) {
        return FIXED.findInSpare(key); // expect-root: bounded
    }

    @RealTime
    public int lookUpInAReassignableField(int key) {
        return reassignable.find(key); // expect-root: unbounded loop
    }

    @RealTime
    public int lookUpInATableOfUnknownSize(int key) {
        return SIZED_AT_RUN_TIME.find(key); // expect-root: unbounded loop
    }

    @RealTime
    public int scanANonFinalArray(int key) {
        return FIXED.scanResizable(key); // expect-root: unbounded loop
    }
}
