package dev.headroom.annotations;

/**
 * Markers that Java cannot express as annotations because they apply to a single loop.
 *
 * <p>The annotations jar must be on the runtime classpath when these are used; the calls do nothing
 * and the JIT removes them.
 */
public final class Loops {
    private Loops() {
    }

    /**
     * Declares that the innermost loop containing this call runs at most {@code iterations} times each
     * time it is entered. The argument must be a compile-time constant.
     *
     * <pre>{@code
     * while (queue.poll() != null) {
     *     Loops.bound(64);
     *     ...
     * }
     * }</pre>
     */
    public static void bound(int iterations) {
        // Intentionally empty: the analyzer reads the constant argument from the bytecode.
    }

    /**
     * Declares that the innermost loop containing this call runs at most {@code iterations} times in all over
     * one call of the enclosing method, summed over every time the loop is entered: for a loop whose work is
     * shared out over the iterations of an enclosing loop. The argument must be a compile-time constant. A loop
     * with no other bound is also bounded by it per entry.
     *
     * <pre>{@code
     * for (int i = 0; i < keys.length; i++) {
     *     while (j < 49 && sorted[j] < keys[i]) { // j never goes back
     *         Loops.total(49);
     *         j++;
     *     }
     * }
     * }</pre>
     */
    public static void total(int iterations) {
        // Intentionally empty: the analyzer reads the constant argument from the bytecode.
    }
}
