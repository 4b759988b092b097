package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BoundedPriorityQueue: its boundaries, and PriorityQueue as the oracle in both orders. */
class BoundedPriorityQueueTest {

    @Test
    void atItsBoundaries() throws ReflectiveOperationException {
        BoundedPriorityQueue<Integer> q = new BoundedPriorityQueue<>(3, Comparator.naturalOrder());
        assertTrue(q.isEmpty());
        assertNull(q.poll());
        assertNull(q.peek());
        assertThrows(NullPointerException.class, () -> q.offer(null));
        assertTrue(q.offer(5));
        assertTrue(q.offer(1));
        assertTrue(q.offer(3));
        assertTrue(q.isFull());
        assertFalse(q.offer(0));
        assertEquals(1, q.peek());
        assertEquals(1, q.poll());
        assertTrue(q.offer(0));
        assertEquals(0, q.poll());
        assertEquals(3, q.poll());
        assertEquals(5, q.poll());
        assertNull(q.poll());
        q.offer(2);
        q.offer(4);
        q.clear();
        assertEquals(0, q.size());
        Field heap = BoundedPriorityQueue.class.getDeclaredField("heap");
        heap.setAccessible(true);
        for (Object slot : (Object[]) heap.get(q)) {
            assertNull(slot, "clear releases the slots");
        }

        BoundedPriorityQueue<String> one = new BoundedPriorityQueue<>(1, Comparator.reverseOrder());
        assertTrue(one.offer("a"));
        assertFalse(one.offer("b"));
        assertEquals("a", one.poll());
        assertTrue(one.offer("b"));
        assertEquals(1, one.capacity());

        assertThrows(IllegalArgumentException.class, () -> new BoundedPriorityQueue<>(0, Comparator.naturalOrder()));
        assertThrows(IllegalArgumentException.class, () -> new BoundedPriorityQueue<>(-5, Comparator.naturalOrder()));
        assertThrows(NullPointerException.class, () -> new BoundedPriorityQueue<Integer>(1, null));
    }

    @Test
    void agreesWithPriorityQueue() {
        Mismatches m = new Mismatches();
        for (Comparator<Integer> order : java.util.List.<Comparator<Integer>>of(Comparator.naturalOrder(), Comparator.reverseOrder())) {
            for (int capacity : new int[] {1, 2, 7, 100}) {
                Random random = new Random(capacity);
                BoundedPriorityQueue<Integer> q = new BoundedPriorityQueue<>(capacity, order);
                PriorityQueue<Integer> oracle = new PriorityQueue<>(order);
                for (int step = 0; step < 10_000; step++) {
                    String at = order + " capacity " + capacity + " step " + step + " ";
                    int v = random.nextInt(50);
                    int op = random.nextInt(100);
                    boolean ok;
                    if (op < 50) {
                        boolean room = oracle.size() < capacity;
                        if (room) {
                            oracle.offer(v);
                        }
                        ok = m.expect(room, q.offer(v), at + "offer");
                    } else if (op < 85) {
                        ok = m.expect(oracle.poll(), q.poll(), at + "poll");
                    } else if (op < 99) {
                        ok = m.expect(oracle.peek(), q.peek(), at + "peek");
                    } else {
                        oracle.clear();
                        q.clear();
                        ok = true;
                    }
                    if (!(ok && m.expect(oracle.size(), q.size(), at + "size")
                            && m.expect(oracle.size() == capacity, q.isFull(), at + "isFull"))) {
                        break;
                    }
                }
            }
        }
        m.assertNone();
    }
}
