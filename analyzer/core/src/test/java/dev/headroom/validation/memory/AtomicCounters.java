package dev.headroom.validation.memory;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A structure with atomic counters, filled by the static initialiser: the atomics' reads, writes,
 * increments and compare-and-set are followed (their bytecode goes through {@code Unsafe}; a static
 * initialiser runs on one thread), so each {@code offer} takes the branch its counters say and the
 * structure is sized, not unbounded. Four offers fit, the fifth is refused: four objects are kept.
 * Sizes under hotspot-coops: Slots 32 (five references after the 12-byte header), Object[4] 32, AtomicLong
 * 24, AtomicInteger, AtomicReference and AtomicBoolean 16 each, four Object 16 each: 200.
 */
public final class AtomicCounters {
    static final Slots FILLED = filled(new Slots(4)); // expect-bytes: 200

    static final class Slots {
        private final Object[] slots;
        private final AtomicLong tail = new AtomicLong();
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicReference<Object> first = new AtomicReference<>();
        private final AtomicBoolean open = new AtomicBoolean(true);

        Slots(int capacity) {
            slots = new Object[capacity];
        }

        boolean offer(Object e) {
            long t = tail.getAcquire();
            if (t >= slots.length || !open.get()) {
                return false;
            }
            slots[(int) t] = e;
            tail.setRelease(t + 1);
            if (count.incrementAndGet() == slots.length) {
                open.set(false);
            }
            first.compareAndSet(null, e);
            return true;
        }
    }

    private AtomicCounters() {
    }

    private static Slots filled(Slots s) {
        for (int i = 0; i < 5; i++) {
            s.offer(new Object()); // the fifth is refused, and its object reachable from nothing
        }
        return s;
    }
}
