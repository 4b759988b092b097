package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** SpscQueue: its boundaries on one thread, ArrayDeque as the oracle, and a million values between two threads. */
class SpscQueueTest {

    @Test
    void atItsBoundaries() {
        SpscQueue<String> q = new SpscQueue<>(2);
        assertEquals(2, q.capacity());
        assertNull(q.poll());
        assertEquals(0, q.size());
        assertThrows(NullPointerException.class, () -> q.offer(null));
        assertTrue(q.offer("a"));
        assertTrue(q.offer("b"));
        assertFalse(q.offer("c"));
        assertEquals(2, q.size());
        assertEquals("a", q.poll());
        assertTrue(q.offer("c")); // wraps
        assertEquals("b", q.poll());
        assertEquals("c", q.poll());
        assertNull(q.poll());

        SpscQueue<String> one = new SpscQueue<>(1);
        assertTrue(one.offer("x"));
        assertFalse(one.offer("y"));
        assertEquals("x", one.poll());
        assertTrue(one.offer("y"));
        assertEquals(1, one.size());

        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new SpscQueue<String>(bad));
        }
    }

    @Test
    void agreesWithArrayDequeOnOneThread() {
        Mismatches m = new Mismatches();
        for (int capacity : new int[] {1, 3, 64}) {
            Random random = new Random(capacity);
            SpscQueue<Integer> q = new SpscQueue<>(capacity);
            ArrayDeque<Integer> oracle = new ArrayDeque<>();
            for (int step = 0; step < 10_000; step++) {
                String at = "capacity " + capacity + " step " + step + " ";
                boolean ok = random.nextBoolean()
                        ? m.expect(oracle.size() < capacity && oracle.offer(step), q.offer(step), at + "offer")
                        : m.expect(oracle.poll(), q.poll(), at + "poll");
                if (!(ok && m.expect(oracle.size(), q.size(), at + "size"))) {
                    break;
                }
            }
        }
        m.assertNone();
    }

    @Test
    void passesAMillionValuesInOrderBetweenTwoThreads() throws InterruptedException {
        final int count = 1_000_000;
        SpscQueue<Integer> q = new SpscQueue<>(64);
        AtomicReference<String> failure = new AtomicReference<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    Integer v = i;
                    while (!q.offer(v)) {
                        Thread.onSpinWait();
                    }
                }
            }, "spsc-producer");
            producer.start();
            int expected = 0;
            while (expected < count) {
                Integer v = q.poll();
                if (v == null) {
                    Thread.onSpinWait();
                    continue;
                }
                if (v != expected && failure.get() == null) {
                    failure.set("value " + expected + " came as " + v);
                }
                expected++;
            }
            producer.join();
            assertNull(q.poll(), "nothing after the last value");
        });
        assertNull(failure.get());
        assertEquals(0, q.size());
    }
}
