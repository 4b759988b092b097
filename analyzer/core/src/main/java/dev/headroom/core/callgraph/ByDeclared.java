package dev.headroom.core.callgraph;

import java.util.Arrays;

/**
 * A value per method, in an array by the number of its one {@link Hierarchy.Declared}: the call graph builder asks
 * for a method's rule, node and flow nodes at every call edge, and hash lookups were a third of the builder's CPU
 * samples on every Guava method. A number is only a place: the Declared kept there is compared by identity, so one
 * of another hierarchy (numbered from 0 too), or one made outside its class's table (number -1), finds nothing
 * and the caller asks its map.
 */
final class ByDeclared<T> {
    private Hierarchy.Declared[] keys = new Hierarchy.Declared[1024];
    private Object[] values = new Object[1024];

    @SuppressWarnings("unchecked")
    T get(Hierarchy.Declared d) {
        int n = d.number();
        return n >= 0 && n < keys.length && keys[n] == d ? (T) values[n] : null;
    }

    /** Keeps a value for the Declared, unless its place holds another one's (the first stays). */
    void put(Hierarchy.Declared d, T value) {
        int n = d.number();
        if (n < 0) {
            return;
        }
        if (n >= keys.length) {
            int size = Math.max(n + 1, keys.length * 2);
            keys = Arrays.copyOf(keys, size);
            values = Arrays.copyOf(values, size);
        }
        if (keys[n] == null || keys[n] == d) {
            keys[n] = d;
            values[n] = value;
        }
    }
}
