package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * Every hot operation of every type, a million calls after a million of warm-up, allocates nothing on the
 * calling thread (see {@link Allocations}): the measurement behind "never allocates after construction".
 * Operations that change the size are paired with their inverse so that each call sees the same state.
 */
class AllocationFreeTest {

    /** Results go here so that no call is dead code. */
    static long sink;

    /** Boxed before any measurement: the operations take these, never box. */
    static final Integer[] BOXED = new Integer[4096];
    static final String[] STRINGS = new String[4096];

    static {
        for (int i = 0; i < BOXED.length; i++) {
            BOXED[i] = i + 1_000_000;
            STRINGS[i] = "key-" + i;
            STRINGS[i].hashCode();
        }
    }

    /** Where the control allocation goes, so that it escapes. */
    static Object escaped;

    @Test
    void theMeasurementSeesASmallAllocationPerCall() {
        long bytes = Allocations.allocatedBy(i -> escaped = new Object());
        assertTrue(bytes >= 16L * Allocations.TIMES, () -> "a million new Object() measured as " + bytes + " bytes");
    }

    @Test
    void lists() {
        FixedList<Integer> objects = new FixedList<>(64);
        IntList ints = new IntList(64);
        LongList longs = new LongList(64);
        DoubleList doubles = new DoubleList(64);
        for (int i = 0; i < 32; i++) {
            objects.add(BOXED[i]);
            ints.add(i);
            longs.add(i);
            doubles.add(i);
        }
        FixedList<Integer> small = new FixedList<>(4);
        IntList smallInts = new IntList(2);
        LongList smallLongs = new LongList(2);
        DoubleList smallDoubles = new DoubleList(2);
        Allocations.assertAllocationFree(Allocations.ops()
                .add("FixedList.add+removeSwap", i -> {
                    objects.add(BOXED[i & 4095]);
                    sink += objects.removeSwap(i & 31);
                })
                .add("FixedList.add+removeShift", i -> {
                    objects.add(BOXED[i & 4095]);
                    sink += objects.removeShift(i & 31);
                })
                .add("FixedList.get+set", i -> sink += objects.set(i & 31, objects.get((i + 1) & 31)))
                .add("FixedList.indexOf+contains", i -> sink += objects.indexOf(BOXED[i & 63]) + (objects.contains(BOXED[i & 7]) ? 1 : 0))
                .add("FixedList.add when full", i -> sink += fill(small) ? 1 : 0)
                .add("FixedList.clear+queries", i -> {
                    small.clear();
                    sink += small.size() + small.capacity() + (small.isEmpty() ? 1 : 0) + (small.isFull() ? 1 : 0);
                })
                .add("IntList.add+removeSwap+removeShift", i -> {
                    ints.add(i);
                    ints.add(-i);
                    sink += ints.removeSwap(i & 31) + ints.removeShift(i & 15);
                })
                .add("IntList.get+set+indexOf+contains", i -> sink += ints.set(i & 31, ints.get(i & 15)) + ints.indexOf(i & 63)
                        + (ints.contains(i) ? 1 : 0) + ints.size() + (ints.isFull() ? 1 : 0))
                .add("LongList.add+removeSwap+removeShift", i -> {
                    longs.add(i);
                    longs.add(-i);
                    sink += longs.removeSwap(i & 31) + longs.removeShift(i & 15);
                })
                .add("LongList.get+set+indexOf+contains", i -> sink += longs.set(i & 31, longs.get(i & 15)) + longs.indexOf(i & 63)
                        + (longs.contains(i) ? 1 : 0))
                .add("DoubleList.add+removeSwap+removeShift", i -> {
                    doubles.add(i);
                    doubles.add(-i);
                    sink += (long) (doubles.removeSwap(i & 31) + doubles.removeShift(i & 15));
                })
                .add("DoubleList.get+set+indexOf+contains", i -> sink += (long) doubles.set(i & 31, doubles.get(i & 15))
                        + doubles.indexOf(i & 63) + (doubles.contains(Double.NaN) ? 1 : 0))
                .add("IntList/LongList/DoubleList.clear", i -> {
                    smallInts.add(i);
                    smallLongs.add(i);
                    smallDoubles.add(i);
                    sink += smallInts.size() + smallLongs.size() + smallDoubles.size();
                    smallInts.clear();
                    smallLongs.clear();
                    smallDoubles.clear();
                }));
    }

    private static boolean fill(FixedList<Integer> l) {
        boolean last = true;
        for (int k = 0; k < 5; k++) {
            last = l.add(BOXED[k]);
        }
        return last;
    }

    @Test
    void ringBuffersAndQueues() {
        RingBuffer<Integer> ring = new RingBuffer<>(16);
        IntRingBuffer ints = new IntRingBuffer(16);
        for (int i = 0; i < 8; i++) {
            ring.offer(BOXED[i]);
            ints.offer(i);
        }
        SpscQueue<Integer> spsc = new SpscQueue<>(16);
        BoundedPriorityQueue<Integer> heap = new BoundedPriorityQueue<>(128, Comparator.naturalOrder());
        for (int i = 0; i < 100; i++) {
            heap.offer(BOXED[(i * 37) & 4095]);
        }
        RingBuffer<Integer> one = new RingBuffer<>(1);
        Allocations.assertAllocationFree(Allocations.ops()
                .add("RingBuffer.offer+poll", i -> {
                    ring.offer(BOXED[i & 4095]);
                    sink += ring.poll();
                })
                .add("RingBuffer.offerFirst+pollLast", i -> {
                    ring.offerFirst(BOXED[i & 4095]);
                    sink += ring.pollLast();
                })
                .add("RingBuffer.offerLast+pollFirst", i -> {
                    ring.offerLast(BOXED[i & 4095]);
                    sink += ring.pollFirst();
                })
                .add("RingBuffer.peek+get+queries", i -> sink += ring.peekFirst() + ring.peekLast() + ring.get(i & 7)
                        + ring.size() + ring.capacity() + (ring.isEmpty() ? 1 : 0) + (ring.isFull() ? 1 : 0))
                .add("RingBuffer full and empty", i -> {
                    one.offer(BOXED[0]);
                    sink += one.offer(BOXED[1]) ? 1 : 0;
                    one.clear();
                    sink += one.poll() == null ? 1 : 0;
                })
                .add("IntRingBuffer.offer+poll", i -> {
                    ints.offer(i);
                    sink += ints.poll();
                })
                .add("IntRingBuffer.offerFirst+pollLast", i -> {
                    ints.offerFirst(i);
                    sink += ints.pollLast();
                })
                .add("IntRingBuffer.offerLast+pollFirst+Or", i -> {
                    ints.offerLast(i);
                    sink += ints.pollFirstOr(-1) + ints.pollLastOr(-1);
                    ints.offer(i);
                })
                .add("IntRingBuffer.peek+get+queries", i -> sink += ints.peekFirst() + ints.peekLast() + ints.get(i & 7)
                        + ints.size() + (ints.isFull() ? 1 : 0))
                .add("SpscQueue.offer+poll+size", i -> {
                    spsc.offer(BOXED[i & 4095]);
                    sink += spsc.size() + spsc.poll() + (spsc.poll() == null ? 1 : 0);
                })
                .add("BoundedPriorityQueue.offer+poll+peek", i -> {
                    heap.offer(BOXED[(i * 101) & 4095]);
                    sink += heap.poll() + heap.peek() + heap.size() + (heap.isFull() ? 1 : 0);
                }));
    }

    @Test
    void maps() {
        IntIntMap intInt = new IntIntMap(1024, -1);
        LongLongMap longLong = new LongLongMap(1024, -1);
        IntObjectMap<Integer> intObject = new IntObjectMap<>(1024);
        ObjectIntMap<String> objectInt = new ObjectIntMap<>(1024, -1);
        for (int i = 0; i < 700; i++) {
            intInt.put(i * 16, i);
            longLong.put(i * 16L << 20, i);
            intObject.put(i * 16, BOXED[i]);
            objectInt.put(STRINGS[i], i);
        }
        IntIntMap full = new IntIntMap(2, -1);
        full.put(1, 1);
        full.put(2, 2);
        Allocations.assertAllocationFree(Allocations.ops()
                .add("IntIntMap.put+remove", i -> {
                    sink += intInt.put(100_000 + (i & 1023), i) + intInt.remove(100_000 + (i & 1023));
                })
                .add("IntIntMap.put replace+get+containsKey", i -> {
                    sink += intInt.put((i % 700) * 16, i) + intInt.get(i & 16383) + (intInt.containsKey(i) ? 1 : 0);
                })
                .add("IntIntMap key 0 and FULL", i -> {
                    sink += full.put(0, i) + full.put(3, i) + full.get(0) + intInt.put(0, i) + intInt.remove(0)
                            + intInt.size() + intInt.capacity() + (intInt.isEmpty() ? 1 : 0);
                })
                .add("LongLongMap.put+remove", i -> {
                    sink += longLong.put(-1L - (i & 1023), i) + longLong.remove(-1L - (i & 1023));
                })
                .add("LongLongMap.put replace+get+containsKey", i -> {
                    sink += longLong.put((i % 700) * 16L << 20, i) + longLong.get(i) + (longLong.containsKey(i) ? 1 : 0);
                })
                .add("IntObjectMap.put+remove", i -> {
                    sink += intObject.put(100_000 + (i & 1023), BOXED[i & 4095]) + intObject.remove(100_000 + (i & 1023));
                })
                .add("IntObjectMap.put replace+get+containsKey", i -> {
                    Integer v = intObject.get((i % 700) * 16);
                    sink += intObject.put((i % 700) * 16, v) + (intObject.get(i) == null ? 1 : 0) + (intObject.containsKey(i) ? 1 : 0);
                })
                .add("ObjectIntMap.put+remove", i -> {
                    sink += objectInt.put(STRINGS[2048 + (i & 1023)], i) + objectInt.remove(STRINGS[2048 + (i & 1023)]);
                })
                .add("ObjectIntMap.put replace+get+containsKey", i -> {
                    sink += objectInt.put(STRINGS[i % 700], i) + objectInt.get(STRINGS[i & 4095])
                            + (objectInt.containsKey(STRINGS[i & 2047]) ? 1 : 0);
                })
                .add("maps.clear", i -> {
                    full.clear();
                    full.put(1, 1);
                    full.put(2, 2);
                    sink += full.size();
                }));
    }

    @Test
    void textPoolAndBits() {
        TextBuffer text = new TextBuffer(512);
        TextBuffer tiny = new TextBuffer(3);
        tiny.append("abc");
        ByteBuffer heap = ByteBuffer.allocate(512);
        ByteBuffer direct = ByteBuffer.allocateDirect(512);
        OutputStream discard = new OutputStream() {
            @Override
            public void write(int b) {
                sink += b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink += len;
            }
        };
        double[] doubles = {0.0, -0.0, 1.005, -2.5, 123456.789, 1e-300, Double.MIN_VALUE, 0x1p60, 1e300,
            Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, 0.1, 99.995};
        ObjectPool<int[]> pool = new ObjectPool<>(8, () -> new int[4]);
        FixedBitSet bits = new FixedBitSet(1000);
        for (int i = 0; i < 1000; i += 7) {
            bits.set(i);
        }
        Allocations.assertAllocationFree(Allocations.ops()
                .add("TextBuffer.append(int)", i -> {
                    text.clear();
                    text.append(i);
                    text.append(Integer.MIN_VALUE);
                    sink += text.length();
                })
                .add("TextBuffer.append(long)", i -> {
                    text.clear();
                    text.append((long) i * 0x1_0000_0001L);
                    text.append(Long.MIN_VALUE);
                    sink += text.length();
                })
                .add("TextBuffer.append(double, digits)", i -> {
                    text.clear();
                    text.append(doubles[i % doubles.length], i % 10);
                    sink += text.length();
                })
                .add("TextBuffer.append(text, char, boolean)", i -> {
                    text.clear();
                    text.append("motor ");
                    text.append(STRINGS[i & 4095]);
                    text.append('\u00e9');
                    text.appendBoolean((i & 1) == 0);
                    sink += text.length() + text.byteAt(0);
                })
                .add("TextBuffer appends that do not fit", i -> {
                    sink += (tiny.append(i) ? 1 : 0) + (tiny.append(1.5, 3) ? 1 : 0) + (tiny.append("x") ? 1 : 0)
                            + (tiny.truncated() ? 1 : 0);
                })
                .add("TextBuffer.writeTo(ByteBuffer)", i -> {
                    heap.clear();
                    direct.clear();
                    sink += text.writeTo(heap) + text.writeTo(direct);
                })
                .add("TextBuffer.writeTo(OutputStream)", i -> {
                    try {
                        text.writeTo(discard);
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .add("ObjectPool.acquire+release", i -> {
                    int[] a = pool.acquire();
                    int[] b = pool.acquire();
                    sink += a.length + (pool.release(b) ? 1 : 0) + (pool.release(a) ? 1 : 0) + (pool.release(a) ? 1 : 0)
                            + pool.available() + pool.capacity();
                })
                .add("FixedBitSet.set+clear+get", i -> {
                    bits.set(i % 1000);
                    bits.clear((i + 500) % 1000);
                    sink += bits.get(i % 1000) ? 1 : 0;
                })
                .add("FixedBitSet.cardinality+nextSetBit", i -> sink += bits.cardinality() + bits.nextSetBit(i % 1000)));
        FixedBitSet toClear = new FixedBitSet(256);
        Allocations.assertAllocationFree(Allocations.ops().add("FixedBitSet.clearAll", i -> {
            toClear.set(i & 255);
            toClear.clearAll();
        }));
    }
}
