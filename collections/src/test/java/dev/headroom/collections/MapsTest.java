package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * IntIntMap, LongLongMap, IntObjectMap and ObjectIntMap: boundaries, and HashMap as the oracle with keys
 * that share home slots (clusters that wrap around the table's end) and remove-heavy phases, which is
 * where backward-shift deletion can break a probe chain.
 */
class MapsTest {

    static final int MISSING = Integer.MIN_VALUE;

    /** The four maps behind one boxed view; an absent key reads as {@code null}. */
    interface BoxedMap {
        int put(Object k, Object v);

        Object get(Object k);

        boolean containsKey(Object k);

        Object remove(Object k);

        int size();

        int capacity();

        boolean isEmpty();

        void clear();
    }

    /** A key with a chosen hash code, to make collisions for ObjectIntMap. */
    record Key(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.id == id;
        }
    }

    static BoxedMap intInt(int capacity) {
        IntIntMap map = new IntIntMap(capacity, MISSING);
        return new BoxedMap() {
            public int put(Object k, Object v) { return map.put((Integer) k, (Integer) v); }
            public Object get(Object k) { int v = map.get((Integer) k); return v == MISSING ? null : v; }
            public boolean containsKey(Object k) { return map.containsKey((Integer) k); }
            public Object remove(Object k) { int v = map.remove((Integer) k); return v == MISSING ? null : v; }
            public int size() { return map.size(); }
            public int capacity() { return map.capacity(); }
            public boolean isEmpty() { return map.isEmpty(); }
            public void clear() { map.clear(); }
        };
    }

    static BoxedMap longLong(int capacity) {
        LongLongMap map = new LongLongMap(capacity, MISSING);
        return new BoxedMap() {
            public int put(Object k, Object v) { return map.put((Long) k, (Long) v); }
            public Object get(Object k) { long v = map.get((Long) k); return v == MISSING ? null : v; }
            public boolean containsKey(Object k) { return map.containsKey((Long) k); }
            public Object remove(Object k) { long v = map.remove((Long) k); return v == MISSING ? null : v; }
            public int size() { return map.size(); }
            public int capacity() { return map.capacity(); }
            public boolean isEmpty() { return map.isEmpty(); }
            public void clear() { map.clear(); }
        };
    }

    static BoxedMap intObject(int capacity) {
        IntObjectMap<Object> map = new IntObjectMap<>(capacity);
        return new BoxedMap() {
            public int put(Object k, Object v) { return map.put((Integer) k, v); }
            public Object get(Object k) { return map.get((Integer) k); }
            public boolean containsKey(Object k) { return map.containsKey((Integer) k); }
            public Object remove(Object k) { return map.remove((Integer) k); }
            public int size() { return map.size(); }
            public int capacity() { return map.capacity(); }
            public boolean isEmpty() { return map.isEmpty(); }
            public void clear() { map.clear(); }
        };
    }

    static BoxedMap objectInt(int capacity) {
        ObjectIntMap<Object> map = new ObjectIntMap<>(capacity, MISSING);
        return new BoxedMap() {
            public int put(Object k, Object v) { return map.put(k, (Integer) v); }
            public Object get(Object k) { int v = map.get(k); return v == MISSING ? null : v; }
            public boolean containsKey(Object k) { return map.containsKey(k); }
            public Object remove(Object k) { int v = map.remove(k); return v == MISSING ? null : v; }
            public int size() { return map.size(); }
            public int capacity() { return map.capacity(); }
            public boolean isEmpty() { return map.isEmpty(); }
            public void clear() { map.clear(); }
        };
    }

    /**
     * A map kind: how to make one, its keys for a capacity (a pool with colliding keys, multiples of the
     * table size, 0 and the extremes), and the value for a number.
     */
    record Kind(String name, IntFunction<BoxedMap> make, IntFunction<List<Object>> keys, IntFunction<Object> value) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("IntIntMap", MapsTest::intInt, c -> intKeys(c), n -> n),
            new Kind("LongLongMap", MapsTest::longLong, MapsTest::longKeys, n -> n * 0x1_0000_0001L),
            new Kind("IntObjectMap", MapsTest::intObject, c -> intKeys(c), n -> "v" + n),
            new Kind("ObjectIntMap", MapsTest::objectInt, MapsTest::objectKeys, n -> n));

    /** Home slots at the table's end and start, so clusters wrap around. */
    private static boolean wrapping(int hash, int mask) {
        int home = hash & mask;
        return home == mask || home == mask - 1 || home == 0;
    }

    static List<Object> intKeys(int capacity) {
        int mask = Support.tableSize(capacity) - 1;
        List<Object> keys = new ArrayList<>(List.of(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
        for (int k = 1; k <= capacity; k++) {
            keys.add(k * (mask + 1)); // multiples of the table size
        }
        for (int k = 2; keys.size() < 4 * capacity + 5; k++) {
            if (wrapping(Support.mix(k), mask)) {
                keys.add(k);
            }
        }
        return keys;
    }

    static List<Object> longKeys(int capacity) {
        int mask = Support.tableSize(capacity) - 1;
        List<Object> keys = new ArrayList<>(List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE));
        for (long k = 1; k <= capacity; k++) {
            keys.add(k << 32); // the same low word
        }
        for (long k = 2; keys.size() < 4 * capacity + 5; k++) {
            if (wrapping(Support.mix(k), mask)) {
                keys.add(k);
            }
        }
        return keys;
    }

    static List<Object> objectKeys(int capacity) {
        int mask = Support.tableSize(capacity) - 1;
        List<Object> keys = new ArrayList<>(List.of("", "a", "Aa", "BB")); // "Aa" and "BB" share a hash code
        int id = 0;
        for (int h = 0; keys.size() < 4 * capacity + 4; h++) {
            if (wrapping(Support.mix(h), mask)) {
                keys.add(new Key(id++, h));
                keys.add(new Key(id++, h)); // equal hash codes, different keys
            }
        }
        return keys;
    }

    @Test
    void tableSizesArePowersOfTwoWithAFreeSlot() {
        assertEquals(2, Support.tableSize(1));
        assertEquals(4, Support.tableSize(2));
        assertEquals(4, Support.tableSize(3));
        assertEquals(16, Support.tableSize(12));
        assertEquals(32, Support.tableSize(13));
        assertEquals(1 << 30, Support.tableSize(805_306_368));
        assertThrows(IllegalArgumentException.class, () -> Support.tableSize(805_306_369));
    }

    @Test
    void badCapacitiesAreRejected() {
        for (Kind k : KINDS) {
            for (int bad : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                assertThrows(IllegalArgumentException.class, () -> k.make.apply(bad), k.name + " " + bad);
            }
        }
    }

    @Test
    void everyKindAtItsBoundaries() {
        Mismatches m = new Mismatches();
        for (Kind k : KINDS) {
            List<Object> keys = k.keys.apply(2);
            Object a = keys.get(0);
            Object b = keys.get(keys.size() - 1);
            Object c = keys.get(keys.size() - 2);
            BoxedMap map = k.make.apply(2);
            m.expect(2, map.capacity(), k.name + " capacity");
            m.expect(true, map.isEmpty(), k.name + " empty");
            m.expect(null, map.get(a), k.name + " get on empty");
            m.expect(null, map.remove(a), k.name + " remove on empty");
            m.expect(false, map.containsKey(a), k.name + " containsKey on empty");
            m.expect(PutResult.INSERTED, map.put(a, k.value.apply(1)), k.name + " put first");
            m.expect(PutResult.REPLACED, map.put(a, k.value.apply(2)), k.name + " put again");
            m.expect(PutResult.INSERTED, map.put(b, k.value.apply(3)), k.name + " put to full");
            m.expect(PutResult.FULL, map.put(c, k.value.apply(4)), k.name + " put when full");
            m.expect(false, map.containsKey(c), k.name + " a FULL put changes nothing");
            m.expect(2, map.size(), k.name + " size when full");
            m.expect(PutResult.REPLACED, map.put(b, k.value.apply(5)), k.name + " replace when full");
            m.expect(k.value.apply(2), map.remove(a), k.name + " remove");
            m.expect(PutResult.INSERTED, map.put(c, k.value.apply(6)), k.name + " put after remove");
            m.expect(k.value.apply(5), map.get(b), k.name + " get b");
            m.expect(k.value.apply(6), map.get(c), k.name + " get c");
            map.clear();
            m.expect(0, map.size(), k.name + " clear");
            m.expect(false, map.containsKey(b), k.name + " clear removes");
            m.expect(PutResult.INSERTED, map.put(b, k.value.apply(7)), k.name + " put after clear");

            BoxedMap one = k.make.apply(1);
            m.expect(PutResult.INSERTED, one.put(b, k.value.apply(1)), k.name + " capacity 1 put");
            m.expect(PutResult.FULL, one.put(a, k.value.apply(2)), k.name + " capacity 1 full");
            m.expect(k.value.apply(1), one.remove(b), k.name + " capacity 1 remove");
            m.expect(PutResult.INSERTED, one.put(a, k.value.apply(2)), k.name + " capacity 1 put again");
        }
        m.assertNone();
    }

    @Test
    void theMissingValueIsAValueToo() {
        IntIntMap map = new IntIntMap(4, -1);
        assertEquals(-1, map.missingValue());
        assertEquals(PutResult.INSERTED, map.put(7, -1));
        assertTrue(map.containsKey(7));
        assertEquals(-1, map.get(7));
        assertEquals(-1, map.get(8));
        assertFalse(map.containsKey(8));
        LongLongMap longs = new LongLongMap(1, 0);
        assertEquals(PutResult.INSERTED, longs.put(0, 0));
        assertTrue(longs.containsKey(0));
        assertEquals(PutResult.FULL, longs.put(1, 1));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> new IntObjectMap<String>(2).put(1, null));
        ObjectIntMap<String> map = new ObjectIntMap<>(2, -1);
        assertThrows(NullPointerException.class, () -> map.put(null, 1));
        assertThrows(NullPointerException.class, () -> map.get(null));
        assertThrows(NullPointerException.class, () -> map.remove(null));
        assertEquals(0, map.size());
        assertNull(new IntObjectMap<String>(2).get(0));
    }

    @Test
    void everyKindAgreesWithHashMap() {
        Mismatches m = new Mismatches();
        for (Kind k : KINDS) {
            for (long seed = 1; seed <= 3; seed++) {
                for (int capacity : new int[] {1, 3, 12, 13, 64}) {
                    runAgainstHashMap(k, seed, capacity, m);
                }
            }
        }
        m.assertNone();
    }

    /**
     * 12,000 random operations in phases of 500: insert-heavy, remove-heavy, mixed. Every 10 steps every key
     * of the pool is looked up. The first mismatch of a run ends it.
     */
    private static void runAgainstHashMap(Kind k, long seed, int capacity, Mismatches m) {
        Random random = new Random(seed * 31 + capacity);
        List<Object> keys = k.keys.apply(capacity);
        BoxedMap map = k.make.apply(capacity);
        Map<Object, Object> oracle = new HashMap<>();
        String run = k.name + " seed " + seed + " capacity " + capacity;
        for (int step = 0; step < 12_000; step++) {
            int phase = step / 500 % 3;
            int putShare = phase == 0 ? 75 : phase == 1 ? 20 : 45;
            int removeShare = phase == 0 ? 10 : phase == 1 ? 70 : 35;
            Object key = keys.get(random.nextInt(keys.size()));
            Object value = k.value.apply(random.nextInt(1_000_000));
            String at = run + " step " + step + " ";
            int op = random.nextInt(100);
            boolean ok;
            if (op < putShare) {
                int expected = oracle.containsKey(key) ? PutResult.REPLACED
                        : oracle.size() < capacity ? PutResult.INSERTED : PutResult.FULL;
                if (expected != PutResult.FULL) {
                    oracle.put(key, value);
                }
                ok = m.expect(expected, map.put(key, value), at + "put " + key);
            } else if (op < putShare + removeShare) {
                ok = m.expect(oracle.remove(key), map.remove(key), at + "remove " + key);
            } else if (op < 99) {
                ok = m.expect(oracle.get(key), map.get(key), at + "get " + key)
                        && m.expect(oracle.containsKey(key), map.containsKey(key), at + "containsKey " + key);
            } else {
                oracle.clear();
                map.clear();
                ok = true;
            }
            ok = ok && m.expect(oracle.size(), map.size(), at + "size")
                    && m.expect(oracle.isEmpty(), map.isEmpty(), at + "isEmpty");
            if (ok && step % 10 == 0) {
                for (Object any : keys) {
                    if (!m.expect(oracle.get(any), map.get(any), at + "lookup of " + any)) {
                        ok = false;
                        break;
                    }
                }
            }
            if (!ok) {
                return;
            }
        }
    }
}
