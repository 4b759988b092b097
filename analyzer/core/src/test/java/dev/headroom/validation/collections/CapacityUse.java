package dev.headroom.validation.collections;

import dev.headroom.annotations.RealTime;
import dev.headroom.collections.BoundedPriorityQueue;
import dev.headroom.collections.DoubleList;
import dev.headroom.collections.FixedBitSet;
import dev.headroom.collections.FixedList;
import dev.headroom.collections.IntIntMap;
import dev.headroom.collections.IntList;
import dev.headroom.collections.IntObjectMap;
import dev.headroom.collections.IntRingBuffer;
import dev.headroom.collections.LongList;
import dev.headroom.collections.LongLongMap;
import dev.headroom.collections.ObjectIntMap;
import dev.headroom.collections.ObjectPool;
import dev.headroom.collections.PutResult;
import dev.headroom.collections.RingBuffer;
import dev.headroom.collections.SpscQueue;
import dev.headroom.collections.TextBuffer;
import java.util.Comparator;

/**
 * headroom-collections as a real-time program uses it: every structure built once by the static initialiser
 * and kept in a static final field, and a root per operation. Headroom must find nothing on these paths
 * and bound every root, from the capacities fixed at start-up (the dogfood of issue 13).
 */
public final class CapacityUse {
    /** An event with a final int key, ordered by a comparator that calls nothing. */
    static final class Event {
        final int time;

        Event(int time) {
            this.time = time;
        }
    }

    static final class ByTime implements Comparator<Event> {
        @Override
        public int compare(Event a, Event b) {
            return Integer.compare(a.time, b.time);
        }
    }

    /** A key whose equals and hashCode are bounded. */
    static final class Key {
        final int id;

        Key(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.id == id;
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    static final class Slot {
        int value;
    }

    static final class NewSlot implements java.util.function.Supplier<Slot> {
        @Override
        public Slot get() {
            return new Slot();
        }
    }

    private static final FixedList<Event> EVENTS = new FixedList<>(64);
    private static final IntList INTS = new IntList(64);
    private static final LongList LONGS = new LongList(64);
    private static final DoubleList DOUBLES = new DoubleList(64);
    private static final RingBuffer<Event> RING = new RingBuffer<>(32);
    private static final IntRingBuffer INT_RING = new IntRingBuffer(32);
    private static final SpscQueue<Event> HAND_OFF = new SpscQueue<>(128);
    private static final IntIntMap COUNTS = new IntIntMap(1024, -1);
    private static final LongLongMap LAST_SEEN = new LongLongMap(256, -1L);
    private static final IntObjectMap<Event> BY_ID = new IntObjectMap<>(128);
    private static final ObjectIntMap<Key> IDS = new ObjectIntMap<>(128, -1);
    private static final TextBuffer LINE = new TextBuffer(256);
    private static final ObjectPool<Slot> SLOTS = new ObjectPool<>(16, new NewSlot());
    private static final BoundedPriorityQueue<Event> TIMERS = new BoundedPriorityQueue<>(64, new ByTime());
    private static final FixedBitSet SEEN = new FixedBitSet(4096);
    private static final Event TICK = new Event(1);
    private static final Key KEY = new Key(7);
    private static int overruns;

    @RealTime
    public static void lists(int i, long l, double d) {
        if (!EVENTS.add(TICK) || !INTS.add(i) || !LONGS.add(l) || !DOUBLES.add(d)) {
            overruns++;
        }
        if (EVENTS.indexOf(TICK) >= 0 && INTS.contains(i) && LONGS.indexOf(l) >= 0 && DOUBLES.contains(d)) {
            EVENTS.removeShift(0);
            INTS.removeShift(0);
            LONGS.removeSwap(0);
            DOUBLES.removeSwap(0);
        }
        INTS.clear();
    }

    @RealTime
    public static void rings(int i) {
        if (!RING.offerFirst(TICK) || !INT_RING.offerLast(i)) {
            overruns++;
        }
        RING.pollLast();
        INT_RING.pollFirstOr(-1);
    }

    @RealTime
    public static Event handOff() {
        if (!HAND_OFF.offer(TICK)) {
            overruns++;
        }
        return HAND_OFF.poll();
    }

    @RealTime
    public static int maps(int id, long at) {
        if (COUNTS.put(id, COUNTS.get(id) + 1) == PutResult.FULL || LAST_SEEN.put(id, at) == PutResult.FULL
                || BY_ID.put(id, TICK) == PutResult.FULL || IDS.put(KEY, id) == PutResult.FULL) {
            overruns++;
        }
        int n = COUNTS.remove(id) + IDS.get(KEY);
        BY_ID.remove(id);
        return n + (LAST_SEEN.containsKey(at) ? 1 : 0);
    }

    @RealTime
    public static int text(int i, long l, double d) {
        LINE.clear();
        if (!LINE.append("tick ") || !LINE.append(i) || !LINE.append(l) || !LINE.append(d, 3) || !LINE.append(';')
                || !LINE.appendBoolean(i > 0)) {
            overruns++;
        }
        return LINE.length();
    }

    @RealTime
    public static void pool(int v) {
        Slot s = SLOTS.acquire();
        if (s != null) {
            s.value = v;
            if (!SLOTS.release(s)) {
                overruns++;
            }
        }
    }

    @RealTime
    public static Event timers() {
        if (!TIMERS.offer(TICK)) {
            overruns++;
        }
        return TIMERS.poll();
    }

    @RealTime
    public static int bits(int i) {
        SEEN.set(i & 4095);
        int next = SEEN.nextSetBit(0);
        SEEN.clear(i & 4095);
        return next + SEEN.cardinality();
    }
}
