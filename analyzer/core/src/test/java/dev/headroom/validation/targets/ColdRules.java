package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * Recursion and unresolved calls on a throw path are cold as allocations there are: warnings, not
 * errors. The same calls on the normal path are errors (recursion) and warnings (unresolved). A cycle
 * that only a call from a throw path closes is cold recursion at every call on it.
 */
public class ColdRules {
    private int depth;

    @RealTime
    public int lookup(int key) {
        if (key < 0) {
            throw new IllegalArgumentException(explain(key, 3)); // expect: heap-allocation/warning
        }
        return key;
    }

    @RealTime
    public int checked(Object target) throws ReflectiveOperationException {
        if (target == null) {
            throw new IllegalStateException(reflect()); // expect: heap-allocation/warning
        }
        return depth;
    }

    private static String explain(int key, int depth) {
        return depth == 0 ? "bad key" : explain(key, depth - 1); // expect: recursion/warning
    }

    private static String reflect() throws ReflectiveOperationException {
        return (String) ColdRules.class.getMethod("toString").invoke(null); // expect: unresolved-call/warning, heap-allocation/warning
    }

    @RealTime
    public int parse(int v) {
        return step(v); // expect: recursion/warning
    }

    private int step(int v) {
        if (v < 0) {
            throw new IllegalStateException(Integer.toString(parse(-v))); // expect: recursion/warning, heap-allocation/warning
        }
        return v;
    }

    @RealTime
    public int countDown(int n) {
        return n <= 0 ? 0 : countDown(n - 1); // expect: recursion/error
    }
}
