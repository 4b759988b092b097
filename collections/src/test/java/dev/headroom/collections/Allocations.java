package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what an operation allocates on the calling thread: the operation runs {@link #TIMES} times to
 * warm up, then {@link #TIMES} times between two readings of the thread's allocated bytes
 * ({@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes}). The same is done for an empty
 * operation, the baseline (the readings and the loop themselves); an operation passes only when its
 * delta equals the baseline's exactly, so even one byte per call (a million bytes) fails. The module's
 * tests run with {@code -XX:-DoEscapeAnalysis} so that the JIT cannot hide an allocation by
 * scalar replacement.
 */
final class Allocations {

    static final int TIMES = 1_000_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One operation, called with the iteration number. */
    interface Op {
        void run(int i);
    }

    /** Named operations to measure, in order. */
    static final class Ops {
        private final Map<String, Op> ops = new LinkedHashMap<>();

        Ops add(String name, Op op) {
            ops.put(name, op);
            return this;
        }
    }

    private Allocations() {
    }

    static Ops ops() {
        return new Ops();
    }

    /** Measures every operation and fails, naming all that allocate, with their bytes per million calls. */
    static void assertAllocationFree(Ops ops) {
        long baseline = allocatedBy(i -> { });
        List<String> allocating = new ArrayList<>();
        StringBuilder measured = new StringBuilder();
        for (Map.Entry<String, Op> e : ops.ops.entrySet()) {
            long bytes = allocatedBy(e.getValue());
            measured.append(String.format("%n  %-40s %d bytes", e.getKey(), bytes));
            if (bytes != baseline) {
                allocating.add(e.getKey() + ": " + bytes + " bytes in " + TIMES + " calls (baseline " + baseline + ")");
            }
        }
        System.out.println("allocated bytes per " + TIMES + " calls, baseline " + baseline + ":" + measured);
        assertTrue(allocating.isEmpty(), () -> "operations that allocate:\n" + String.join("\n", allocating));
    }

    /** The bytes allocated by {@link #TIMES} calls of {@code op} after as many calls of warm-up. */
    static long allocatedBy(Op op) {
        for (int i = 0; i < TIMES; i++) {
            op.run(i);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < TIMES; i++) {
            op.run(i);
        }
        long after = THREADS.getCurrentThreadAllocatedBytes();
        return after - before;
    }
}
