package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;

/**
 * Loops bounded by the capacity of a table built by the static initialiser and held in a static final field:
 * a miss probes every slot, the worst case the bound must cover.
 */
public class CapacityLoops {
    static final class Table {
        private final int[] keys;
        private final int[] values;
        private final Table overflow;

        Table(int capacity) {
            keys = new int[capacity];
            values = new int[capacity];
            overflow = capacity > 8 ? new Table(capacity / 4) : null;
        }

        int get(int key, int missing) {
            final int[] k = this.keys;
            int index = key & (k.length - 1);
            for (int probes = 0; probes < k.length; probes++) {
                if (k[index] == key) {
                    return values[index];
                }
                index = (index + 1) & (k.length - 1);
            }
            return missing;
        }

        int getWithOverflow(int key) {
            int v = get(key, Integer.MIN_VALUE);
            return v != Integer.MIN_VALUE ? v : overflow.get(key, -1);
        }
    }

    private static final Table TABLE = new Table(32);

    @RealTime
    public int lookUp(int key) {
        return TABLE.get(key, -1);
    }

    @RealTime
    public int lookUpWithOverflow(int key) {
        return TABLE.getWithOverflow(key);
    }
}
