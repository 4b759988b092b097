package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RingBuffer and IntRingBuffer: every boundary, wrap-around, and ArrayDeque as the oracle. */
class RingBuffersTest {

    @Test
    void ringBufferAtItsBoundaries() {
        RingBuffer<String> r = new RingBuffer<>(3);
        assertTrue(r.isEmpty());
        assertNull(r.poll());
        assertNull(r.pollLast());
        assertNull(r.peekFirst());
        assertNull(r.peekLast());
        assertThrows(IndexOutOfBoundsException.class, () -> r.get(0));
        assertThrows(NullPointerException.class, () -> r.offer(null));
        assertThrows(NullPointerException.class, () -> r.offerFirst(null));

        assertTrue(r.offer("a"));
        assertEquals("a", r.peekFirst());
        assertEquals("a", r.peekLast());
        assertTrue(r.offerFirst("z"));
        assertTrue(r.offerLast("b"));
        assertTrue(r.isFull());
        assertFalse(r.offer("c"));
        assertFalse(r.offerFirst("c"));
        assertEquals(List.of("z", "a", "b"), contents(r));
        assertThrows(IndexOutOfBoundsException.class, () -> r.get(3));
        // full, remove, add: the tail wraps around
        assertEquals("z", r.poll());
        assertTrue(r.offer("c"));
        assertEquals(List.of("a", "b", "c"), contents(r));
        assertEquals("c", r.pollLast());
        assertEquals("a", r.pollFirst());
        assertTrue(r.offerFirst("y"));
        assertEquals(List.of("y", "b"), contents(r));
        r.clear();
        assertTrue(r.isEmpty());
        assertTrue(r.offer("d"));
        assertEquals(List.of("d"), contents(r));

        RingBuffer<String> one = new RingBuffer<>(1);
        assertTrue(one.offerFirst("x"));
        assertFalse(one.offerLast("y"));
        assertEquals("x", one.pollLast());
        assertTrue(one.offerLast("y"));
        assertEquals("y", one.peekFirst());
        assertEquals("y", one.poll());
        assertTrue(one.isEmpty());
    }

    @Test
    void ringBufferReleasesPolledAndClearedSlots() throws ReflectiveOperationException {
        RingBuffer<String> r = new RingBuffer<>(3);
        r.offer("a");
        r.offer("b");
        r.offer("c");
        r.poll();
        r.offer("d"); // wraps into slot 0
        assertArrayEquals(new Object[] {"d", "b", "c"}, slots(r));
        r.pollLast();
        assertArrayEquals(new Object[] {null, "b", "c"}, slots(r));
        r.offer("e");
        r.clear();
        assertArrayEquals(new Object[3], slots(r));
    }

    @Test
    void intRingBufferAtItsBoundaries() {
        IntRingBuffer r = new IntRingBuffer(2);
        assertThrows(NoSuchElementException.class, r::poll);
        assertThrows(NoSuchElementException.class, r::pollFirst);
        assertThrows(NoSuchElementException.class, r::pollLast);
        assertThrows(NoSuchElementException.class, r::peekFirst);
        assertThrows(NoSuchElementException.class, r::peekLast);
        assertEquals(-7, r.pollFirstOr(-7));
        assertEquals(-8, r.pollLastOr(-8));
        assertThrows(IndexOutOfBoundsException.class, () -> r.get(0));

        assertTrue(r.offer(1));
        assertTrue(r.offerFirst(0));
        assertTrue(r.isFull());
        assertFalse(r.offer(2));
        assertFalse(r.offerFirst(2));
        assertEquals(0, r.get(0));
        assertEquals(1, r.get(1));
        assertEquals(0, r.poll());
        assertTrue(r.offerLast(2)); // wraps
        assertEquals(1, r.peekFirst());
        assertEquals(2, r.peekLast());
        assertEquals(2, r.pollLastOr(-1));
        assertEquals(1, r.pollFirstOr(-1));
        assertEquals(-1, r.pollFirstOr(-1));
        assertTrue(r.isEmpty());
        r.offer(5);
        r.clear();
        assertEquals(0, r.size());

        IntRingBuffer one = new IntRingBuffer(1);
        assertTrue(one.offerFirst(Integer.MIN_VALUE));
        assertFalse(one.offer(1));
        assertEquals(Integer.MIN_VALUE, one.pollLast());
        assertTrue(one.offer(3));
        assertEquals(3, one.pollFirst());
    }

    @Test
    void badCapacitiesAreRejected() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new RingBuffer<String>(bad));
            assertThrows(IllegalArgumentException.class, () -> new IntRingBuffer(bad));
        }
    }

    @Test
    void ringBufferAgreesWithArrayDeque() {
        Mismatches m = new Mismatches();
        for (long seed = 1; seed <= 4; seed++) {
            for (int capacity : new int[] {1, 2, 5, 64}) {
                runObjects(seed, capacity, m);
            }
        }
        m.assertNone();
    }

    @Test
    void intRingBufferAgreesWithArrayDeque() {
        Mismatches m = new Mismatches();
        for (long seed = 1; seed <= 4; seed++) {
            for (int capacity : new int[] {1, 2, 5, 64}) {
                runInts(seed, capacity, m);
            }
        }
        m.assertNone();
    }

    private static void runObjects(long seed, int capacity, Mismatches m) {
        Random random = new Random(seed);
        RingBuffer<Integer> r = new RingBuffer<>(capacity);
        ArrayDeque<Integer> oracle = new ArrayDeque<>();
        for (int step = 0; step < 10_000; step++) {
            String at = "seed " + seed + " capacity " + capacity + " step " + step + " ";
            Integer v = random.nextInt(1000);
            int i = random.nextInt(capacity + 2) - 1;
            boolean room = oracle.size() < capacity;
            boolean ok;
            switch (random.nextInt(10)) {
                case 0, 1 -> ok = m.expect(room && oracle.offerLast(v), r.offer(v), at + "offer");
                case 2 -> ok = m.expect(room && oracle.offerFirst(v), r.offerFirst(v), at + "offerFirst");
                case 3 -> ok = m.expect(room && oracle.offerLast(v), r.offerLast(v), at + "offerLast");
                case 4 -> ok = m.expect(oracle.pollFirst(), r.poll(), at + "poll");
                case 5 -> ok = m.expect(oracle.pollLast(), r.pollLast(), at + "pollLast");
                case 6 -> ok = m.expect(oracle.peekFirst(), r.peekFirst(), at + "peekFirst")
                        && m.expect(oracle.peekLast(), r.peekLast(), at + "peekLast");
                case 7 -> ok = i >= 0 && i < oracle.size()
                        ? m.expect(new ArrayList<>(oracle).get(i), r.get(i), at + "get " + i)
                        : m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> r.get(i)), at + "get " + i);
                case 8 -> ok = m.expect(oracle.pollFirst(), r.pollFirst(), at + "pollFirst");
                default -> {
                    if (random.nextInt(20) == 0) {
                        oracle.clear();
                        r.clear();
                    }
                    ok = true;
                }
            }
            ok = ok && m.expect(oracle.size(), r.size(), at + "size")
                    && m.expect(oracle.size() == capacity, r.isFull(), at + "isFull")
                    && m.expect(oracle.isEmpty(), r.isEmpty(), at + "isEmpty")
                    && m.expect(new ArrayList<>(oracle), contents(r), at + "contents");
            if (!ok) {
                return;
            }
        }
    }

    private static void runInts(long seed, int capacity, Mismatches m) {
        Random random = new Random(seed);
        IntRingBuffer r = new IntRingBuffer(capacity);
        ArrayDeque<Integer> oracle = new ArrayDeque<>();
        for (int step = 0; step < 10_000; step++) {
            String at = "seed " + seed + " capacity " + capacity + " step " + step + " ";
            int v = random.nextInt();
            boolean room = oracle.size() < capacity;
            boolean empty = oracle.isEmpty();
            boolean ok;
            switch (random.nextInt(10)) {
                case 0, 1 -> ok = m.expect(room && oracle.offerLast(v), r.offer(v), at + "offer");
                case 2 -> ok = m.expect(room && oracle.offerFirst(v), r.offerFirst(v), at + "offerFirst");
                case 3 -> ok = m.expect(room && oracle.offerLast(v), r.offerLast(v), at + "offerLast");
                case 4 -> ok = empty ? m.expect(NoSuchElementException.class, Mismatches.thrown(r::poll), at + "poll empty")
                        : m.expect(oracle.pollFirst(), r.poll(), at + "poll");
                case 5 -> ok = empty ? m.expect(NoSuchElementException.class, Mismatches.thrown(r::pollLast), at + "pollLast empty")
                        : m.expect(oracle.pollLast(), r.pollLast(), at + "pollLast");
                case 6 -> ok = empty ? m.expect(NoSuchElementException.class, Mismatches.thrown(r::peekLast), at + "peekLast empty")
                        : m.expect(oracle.peekFirst(), r.peekFirst(), at + "peekFirst")
                                && m.expect(oracle.peekLast(), r.peekLast(), at + "peekLast");
                case 7 -> ok = m.expect(empty ? 42 : oracle.pollFirst(), r.pollFirstOr(42), at + "pollFirstOr");
                case 8 -> ok = m.expect(empty ? 43 : oracle.pollLast(), r.pollLastOr(43), at + "pollLastOr");
                default -> {
                    if (random.nextInt(20) == 0) {
                        oracle.clear();
                        r.clear();
                    }
                    ok = true;
                }
            }
            List<Integer> actual = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                actual.add(r.get(i));
            }
            ok = ok && m.expect(oracle.size(), r.size(), at + "size")
                    && m.expect(oracle.size() == capacity, r.isFull(), at + "isFull")
                    && m.expect(new ArrayList<>(oracle), actual, at + "contents");
            if (!ok) {
                return;
            }
        }
    }

    private static <E> List<E> contents(RingBuffer<E> r) {
        List<E> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            out.add(r.get(i));
        }
        return out;
    }

    private static Object[] slots(RingBuffer<?> r) throws ReflectiveOperationException {
        Field f = RingBuffer.class.getDeclaredField("elements");
        f.setAccessible(true);
        return (Object[]) f.get(r);
    }
}
