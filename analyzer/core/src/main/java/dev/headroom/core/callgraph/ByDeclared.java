package dev.headroom.core.callgraph;

import java.util.Arrays;

/**
 * A value per method, in an array by the number of its one {@link Hierarchy.Declared}: the call graph builder asks
 * for a method's rule, node and flow nodes at every call edge, and hashing its {@link MethodRef} each time was a
 * third of the builder's time on every Guava method. A Declared made outside its class's table (number -1) is not
 * kept: the caller asks its map.
 */
final class ByDeclared<T> {
    private Object[] values = new Object[1024];

    @SuppressWarnings("unchecked")
    T get(Hierarchy.Declared d) {
        int n = d.number();
        return n >= 0 && n < values.length ? (T) values[n] : null;
    }

    void put(Hierarchy.Declared d, T value) {
        int n = d.number();
        if (n < 0) {
            return;
        }
        if (n >= values.length) {
            values = Arrays.copyOf(values, Math.max(n + 1, values.length * 2));
        }
        values[n] = value;
    }
}
