package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** ObjectPool: filled by the constructor, its boundaries, and a stack of free objects as the oracle. */
class ObjectPoolTest {

    @Test
    void theConstructorMakesEveryObject() {
        AtomicInteger made = new AtomicInteger();
        ObjectPool<int[]> pool = new ObjectPool<>(3, () -> {
            made.incrementAndGet();
            return new int[1];
        });
        assertEquals(3, made.get());
        assertEquals(3, pool.available());
        assertEquals(3, pool.capacity());
        int[] a = pool.acquire();
        int[] b = pool.acquire();
        int[] c = pool.acquire();
        assertNotNull(a);
        assertTrue(a != b && b != c && a != c);
        assertNull(pool.acquire(), "empty");
        assertEquals(3, made.get(), "acquire never makes one");
        assertTrue(pool.release(b));
        assertSame(b, pool.acquire());
        assertTrue(pool.release(a));
        assertTrue(pool.release(b));
        assertTrue(pool.release(c));
        assertFalse(pool.release(new int[1]), "a full pool refuses a release");
        assertEquals(3, pool.available());
        assertThrows(NullPointerException.class, () -> pool.release(null));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ObjectPool<>(0, Object::new));
        assertThrows(IllegalArgumentException.class, () -> new ObjectPool<>(-1, Object::new));
        assertThrows(NullPointerException.class, () -> new ObjectPool<>(1, null));
        assertThrows(NullPointerException.class, () -> new ObjectPool<>(2, () -> null));
        ObjectPool<Object> one = new ObjectPool<>(1, Object::new);
        Object o = one.acquire();
        assertNull(one.acquire());
        assertTrue(one.release(o));
        assertFalse(one.release(o), "released twice");
    }

    @Test
    void agreesWithAStackOfFreeObjects() {
        Mismatches m = new Mismatches();
        for (int capacity : new int[] {1, 4, 50}) {
            Random random = new Random(capacity);
            ObjectPool<Object> pool = new ObjectPool<>(capacity, Object::new);
            // Drain the pool and put everything back in reverse: the pool's stack is then mirrored by held.
            List<Object> drained = new ArrayList<>();
            for (int i = 0; i < capacity; i++) {
                drained.add(pool.acquire());
            }
            Map<Object, Boolean> distinct = new IdentityHashMap<>();
            ArrayDeque<Object> held = new ArrayDeque<>(); // its head is the pool's top
            for (int i = capacity - 1; i >= 0; i--) {
                distinct.put(drained.get(i), true);
                pool.release(drained.get(i));
                held.push(drained.get(i));
            }
            m.expect(capacity, distinct.size(), "capacity " + capacity + " distinct objects");
            ArrayDeque<Object> outNow = new ArrayDeque<>();
            for (int step = 0; step < 10_000; step++) {
                String at = "capacity " + capacity + " step " + step + " ";
                boolean ok;
                if (random.nextBoolean()) {
                    Object expected = held.poll();
                    Object got = pool.acquire();
                    if (got != null) {
                        outNow.push(got);
                    }
                    ok = m.expect(expected, got, at + "acquire");
                } else if (!outNow.isEmpty()) {
                    Object back = outNow.pollLast();
                    held.push(back);
                    ok = m.expect(true, pool.release(back), at + "release");
                } else {
                    ok = m.expect(false, pool.release(new Object()), at + "release of a stranger to a full pool");
                }
                if (!(ok && m.expect(held.size(), pool.available(), at + "available"))) {
                    break;
                }
            }
        }
        m.assertNone();
    }
}
