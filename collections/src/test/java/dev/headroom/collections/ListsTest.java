package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** FixedList, IntList, LongList and DoubleList: every boundary, and ArrayList as the oracle. */
class ListsTest {

    /** The four lists behind one boxed view, so one oracle test drives them all. */
    interface BoxedList {
        boolean add(Object v);

        Object get(int i);

        Object set(int i, Object v);

        Object removeSwap(int i);

        Object removeShift(int i);

        int indexOf(Object v);

        boolean contains(Object v);

        int size();

        int capacity();

        boolean isEmpty();

        boolean isFull();

        void clear();
    }

    static BoxedList fixed(int capacity) {
        FixedList<Object> l = new FixedList<>(capacity);
        return new BoxedList() {
            public boolean add(Object v) { return l.add(v); }
            public Object get(int i) { return l.get(i); }
            public Object set(int i, Object v) { return l.set(i, v); }
            public Object removeSwap(int i) { return l.removeSwap(i); }
            public Object removeShift(int i) { return l.removeShift(i); }
            public int indexOf(Object v) { return l.indexOf(v); }
            public boolean contains(Object v) { return l.contains(v); }
            public int size() { return l.size(); }
            public int capacity() { return l.capacity(); }
            public boolean isEmpty() { return l.isEmpty(); }
            public boolean isFull() { return l.isFull(); }
            public void clear() { l.clear(); }
        };
    }

    static BoxedList ints(int capacity) {
        IntList l = new IntList(capacity);
        return new BoxedList() {
            public boolean add(Object v) { return l.add((Integer) v); }
            public Object get(int i) { return l.get(i); }
            public Object set(int i, Object v) { return l.set(i, (Integer) v); }
            public Object removeSwap(int i) { return l.removeSwap(i); }
            public Object removeShift(int i) { return l.removeShift(i); }
            public int indexOf(Object v) { return l.indexOf((Integer) v); }
            public boolean contains(Object v) { return l.contains((Integer) v); }
            public int size() { return l.size(); }
            public int capacity() { return l.capacity(); }
            public boolean isEmpty() { return l.isEmpty(); }
            public boolean isFull() { return l.isFull(); }
            public void clear() { l.clear(); }
        };
    }

    static BoxedList longs(int capacity) {
        LongList l = new LongList(capacity);
        return new BoxedList() {
            public boolean add(Object v) { return l.add((Long) v); }
            public Object get(int i) { return l.get(i); }
            public Object set(int i, Object v) { return l.set(i, (Long) v); }
            public Object removeSwap(int i) { return l.removeSwap(i); }
            public Object removeShift(int i) { return l.removeShift(i); }
            public int indexOf(Object v) { return l.indexOf((Long) v); }
            public boolean contains(Object v) { return l.contains((Long) v); }
            public int size() { return l.size(); }
            public int capacity() { return l.capacity(); }
            public boolean isEmpty() { return l.isEmpty(); }
            public boolean isFull() { return l.isFull(); }
            public void clear() { l.clear(); }
        };
    }

    static BoxedList doubles(int capacity) {
        DoubleList l = new DoubleList(capacity);
        return new BoxedList() {
            public boolean add(Object v) { return l.add((Double) v); }
            public Object get(int i) { return l.get(i); }
            public Object set(int i, Object v) { return l.set(i, (Double) v); }
            public Object removeSwap(int i) { return l.removeSwap(i); }
            public Object removeShift(int i) { return l.removeShift(i); }
            public int indexOf(Object v) { return l.indexOf((Double) v); }
            public boolean contains(Object v) { return l.contains((Double) v); }
            public int size() { return l.size(); }
            public int capacity() { return l.capacity(); }
            public boolean isEmpty() { return l.isEmpty(); }
            public boolean isFull() { return l.isFull(); }
            public void clear() { l.clear(); }
        };
    }

    /** A list kind: how to make one, and the value it holds for a number. */
    record Kind(String name, IntFunction<BoxedList> make, IntFunction<Object> value) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("FixedList", ListsTest::fixed, n -> n % 17 == 0 ? null : "s" + n),
            new Kind("IntList", ListsTest::ints, n -> n * 7919),
            new Kind("LongList", ListsTest::longs, n -> n * 0x1_0000_0001L),
            new Kind("DoubleList", ListsTest::doubles,
                    n -> n % 13 == 0 ? Double.NaN : n % 11 == 0 ? -0.0 : n % 7 == 0 ? 0.0 : n / 4.0));

    @Test
    void everyKindAtItsBoundaries() {
        Mismatches m = new Mismatches();
        for (Kind k : KINDS) {
            Object a = k.value.apply(1);
            Object b = k.value.apply(2);
            Object c = k.value.apply(3);
            // empty
            BoxedList l = k.make.apply(3);
            m.expect(true, l.isEmpty(), k.name + " empty isEmpty");
            m.expect(0, l.size(), k.name + " empty size");
            m.expect(-1, l.indexOf(a), k.name + " empty indexOf");
            m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.get(0)), k.name + " empty get(0)");
            m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.removeSwap(0)), k.name + " empty removeSwap");
            m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.removeShift(0)), k.name + " empty removeShift");
            m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.set(0, a)), k.name + " empty set");
            // one, then full
            m.expect(true, l.add(a), k.name + " add first");
            m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.get(1)), k.name + " get(size)");
            m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.get(-1)), k.name + " get(-1)");
            m.expect(true, l.add(b) && l.add(c), k.name + " add to full");
            m.expect(true, l.isFull(), k.name + " isFull");
            m.expect(false, l.add(a), k.name + " add when full");
            m.expect(List.of(a, b, c).toString(), contents(l).toString(), k.name + " full contents unchanged");
            // full, remove, add
            m.expect(a, l.removeShift(0), k.name + " removeShift(0)");
            m.expect(true, l.add(a), k.name + " add after remove");
            m.expect(List.of(b, c, a).toString(), contents(l).toString(), k.name + " after removeShift(0), add");
            m.expect(c, l.removeShift(1), k.name + " removeShift(middle)");
            m.expect(a, l.removeShift(1), k.name + " removeShift(last)");
            m.expect(List.of(b).toString(), contents(l).toString(), k.name + " after removeShift");
            l.add(c);
            l.add(a);
            m.expect(b, l.removeSwap(0), k.name + " removeSwap(0)");
            m.expect(List.of(a, c).toString(), contents(l).toString(), k.name + " after removeSwap(0)");
            l.add(b);
            m.expect(c, l.removeSwap(1), k.name + " removeSwap(middle)");
            m.expect(List.of(a, b).toString(), contents(l).toString(), k.name + " after removeSwap(middle)");
            m.expect(b, l.removeSwap(1), k.name + " removeSwap(last)");
            m.expect(List.of(a).toString(), contents(l).toString(), k.name + " after removeSwap(last)");
            m.expect(a, l.set(0, c), k.name + " set returns the old value");
            m.expect(c, l.get(0), k.name + " get after set");
            l.clear();
            m.expect(true, l.isEmpty() && !l.isFull(), k.name + " clear");
            m.expect(true, l.add(a), k.name + " add after clear");
            // capacity 1
            BoxedList one = k.make.apply(1);
            m.expect(1, one.capacity(), k.name + " capacity 1");
            m.expect(true, one.add(b), k.name + " capacity 1 add");
            m.expect(false, one.add(c), k.name + " capacity 1 add when full");
            m.expect(b, one.removeSwap(0), k.name + " capacity 1 removeSwap");
            m.expect(true, one.add(c), k.name + " capacity 1 add again");
            m.expect(c, one.removeShift(0), k.name + " capacity 1 removeShift");
            m.expect(true, one.isEmpty(), k.name + " capacity 1 empty again");
        }
        m.assertNone();
    }

    @Test
    void badCapacitiesAreRejected() {
        for (Kind k : KINDS) {
            assertThrows(IllegalArgumentException.class, () -> k.make.apply(0), k.name);
            assertThrows(IllegalArgumentException.class, () -> k.make.apply(-1), k.name);
            assertThrows(IllegalArgumentException.class, () -> k.make.apply(Integer.MIN_VALUE), k.name);
        }
    }

    @Test
    void fixedListClearAndRemovalsReleaseTheirSlots() throws ReflectiveOperationException {
        FixedList<String> l = new FixedList<>(4);
        l.add("a");
        l.add("b");
        l.add("c");
        l.add("d");
        l.removeSwap(0);
        assertArrayEquals(new Object[] {"d", "b", "c", null}, slots(l));
        l.removeShift(0);
        assertArrayEquals(new Object[] {"b", "c", null, null}, slots(l));
        l.clear();
        assertArrayEquals(new Object[4], slots(l));
    }

    @Test
    void fixedListFindsNullAndEqualElements() {
        FixedList<String> l = new FixedList<>(3);
        l.add("x");
        l.add(null);
        l.add(new String("y"));
        assertEquals(1, l.indexOf(null));
        assertEquals(2, l.indexOf("y"));
        assertTrue(l.contains("x"));
        assertFalse(l.contains("z"));
        assertNull(l.get(1));
    }

    @Test
    void doubleListComparesAsDoubleEquals() {
        DoubleList l = new DoubleList(3);
        l.add(0.0);
        l.add(Double.NaN);
        assertEquals(1, l.indexOf(Double.NaN));
        assertEquals(-1, l.indexOf(-0.0));
        assertEquals(0, l.indexOf(0.0));
    }

    @Test
    void everyKindAgreesWithArrayList() {
        Mismatches m = new Mismatches();
        for (Kind k : KINDS) {
            for (long seed = 1; seed <= 4; seed++) {
                for (int capacity : new int[] {1, 2, 7, 64}) {
                    runAgainstArrayList(k, seed, capacity, m);
                }
            }
        }
        m.assertNone();
    }

    /** 10,000 random operations; the first mismatch of a run ends it (the states have diverged). */
    private static void runAgainstArrayList(Kind k, long seed, int capacity, Mismatches m) {
        Random random = new Random(seed);
        BoxedList l = k.make.apply(capacity);
        List<Object> oracle = new ArrayList<>();
        String run = k.name + " seed " + seed + " capacity " + capacity;
        for (int step = 0; step < 10_000; step++) {
            int op = random.nextInt(100);
            Object v = k.value.apply(random.nextInt(3 * capacity + 3));
            int index = random.nextInt(capacity + 2) - 1;
            boolean inRange = index >= 0 && index < oracle.size();
            String at = run + " step " + step + " ";
            boolean ok;
            if (op < 35) {
                boolean room = oracle.size() < capacity;
                if (room) {
                    oracle.add(v);
                }
                ok = m.expect(room, l.add(v), at + "add");
            } else if (op < 50) {
                ok = inRange ? m.expect(oracle.get(index), l.get(index), at + "get " + index)
                        : m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.get(index)), at + "get " + index);
            } else if (op < 58) {
                ok = inRange ? m.expect(oracle.set(index, v), l.set(index, v), at + "set " + index)
                        : m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.set(index, v)), at + "set " + index);
            } else if (op < 70) {
                if (inRange) {
                    Object removed = oracle.get(index);
                    oracle.set(index, oracle.get(oracle.size() - 1));
                    oracle.remove(oracle.size() - 1);
                    ok = m.expect(removed, l.removeSwap(index), at + "removeSwap " + index);
                } else {
                    ok = m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.removeSwap(index)), at + "removeSwap");
                }
            } else if (op < 82) {
                ok = inRange ? m.expect(oracle.remove(index), l.removeShift(index), at + "removeShift " + index)
                        : m.expect(IndexOutOfBoundsException.class, Mismatches.thrown(() -> l.removeShift(index)), at + "removeShift");
            } else if (op < 91) {
                ok = m.expect(oracle.indexOf(v), l.indexOf(v), at + "indexOf " + v);
            } else if (op < 99) {
                ok = m.expect(oracle.contains(v), l.contains(v), at + "contains " + v);
            } else {
                oracle.clear();
                l.clear();
                ok = true;
            }
            ok = ok && m.expect(oracle.size(), l.size(), at + "size")
                    && m.expect(oracle.isEmpty(), l.isEmpty(), at + "isEmpty")
                    && m.expect(oracle.size() == capacity, l.isFull(), at + "isFull")
                    && m.expect(oracle.toString(), contents(l).toString(), at + "contents");
            if (!ok) {
                return;
            }
        }
    }

    private static List<Object> contents(BoxedList l) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(l.get(i));
        }
        return out;
    }

    private static Object[] slots(FixedList<?> l) throws ReflectiveOperationException {
        Field f = FixedList.class.getDeclaredField("elements");
        f.setAccessible(true);
        return (Object[]) f.get(l);
    }
}
