package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JVM intrinsics cost their compiled form (cost-models/intrinsics.json), not the bytecode behind them:
 * {@code AtomicLong.getAndAdd} reaches {@code Unsafe.getAndAddLong}, whose Java body is a CAS retry loop
 * but which compiles to one {@code lock xadd}. A retry loop in the caller's own code stays unbounded, and
 * so does an access whose compiled form is itself a loop (getAndAdd on a double).
 */
public class IntrinsicCalls {
    private static final VarHandle COUNT;
    private static final VarHandle LEVEL;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(IntrinsicCalls.class, "count", long.class);
            LEVEL = MethodHandles.lookup().findVarHandle(IntrinsicCalls.class, "level", double.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AtomicLong sequence = new AtomicLong();
    private volatile long count;
    private volatile double level;
    private long started;

    @RealTime
    public long nextSequence() {
        return sequence.getAndAdd(1); // expect-root: bounded
    }

    @RealTime
    public long bumpCount() {
        return (long) COUNT.getAndAdd(this, 1L) + 1; // expect-root: bounded
    }

    @RealTime
    public boolean claim(long expected) {
        return COUNT.compareAndSet(this, expected, expected + 1); // expect-root: bounded
    }

    @RealTime
    public void stamp() {
        started = System.nanoTime(); // expect-root: bounded
        Thread.onSpinWait();
    }

    @RealTime
    public double raiseLevel() {
        return (double) LEVEL.getAndAdd(this, 1.0); // expect-root: unbounded varhandle
    }

    @RealTime
    public long incrementByRetry() {
        long seen;
        do {
            seen = count; // expect: unbounded-loop
        } while (!COUNT.compareAndSet(this, seen, seen + 1));
        return seen + 1; // expect-root: unbounded loop
    }
}
