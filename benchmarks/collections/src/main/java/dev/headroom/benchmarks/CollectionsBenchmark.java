package dev.headroom.benchmarks;

import dev.headroom.collections.FixedList;
import dev.headroom.collections.IntIntMap;
import dev.headroom.collections.IntList;
import dev.headroom.collections.RingBuffer;
import dev.headroom.collections.SpscQueue;
import dev.headroom.collections.TextBuffer;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One batch of {@link #N} operations per invocation, the same work on each side: fill a list and empty it,
 * put and get keys in a map (keys below the capacity, so no side grows after the first batch), offer and
 * poll a queue, format a log line. Every structure is created once in {@link #setUp} with room for the
 * batch, as a real-time program would, so what is measured is the steady state the analyzer reasons about;
 * {@code -prof gc} shows which side still allocates there (the JDK's boxing, chiefly).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED") // Agrona 2 uses it
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CollectionsBenchmark {
    static final int N = 256;
    private static final Object ITEM = new Object();

    private FixedList<Object> fixedList;
    private ArrayList<Object> arrayList;
    private IntList intList;
    private IntArrayList fastutilList;
    private IntIntMap intIntMap;
    private HashMap<Integer, Integer> hashMap;
    private Int2IntOpenHashMap fastutilMap;
    private Int2IntHashMap agronaMap;
    private RingBuffer<Object> ringBuffer;
    private ArrayDeque<Object> arrayDeque;
    private SpscQueue<Object> spscQueue;
    private OneToOneConcurrentArrayQueue<Object> agronaQueue;
    private TextBuffer textBuffer;
    private StringBuilder stringBuilder;
    private int tick;

    @Setup
    public void setUp() {
        fixedList = new FixedList<>(N);
        arrayList = new ArrayList<>(N);
        intList = new IntList(N);
        fastutilList = new IntArrayList(N);
        intIntMap = new IntIntMap(N, -1);
        hashMap = new HashMap<>(N * 2);
        fastutilMap = new Int2IntOpenHashMap(N);
        agronaMap = new Int2IntHashMap(N * 2, 0.65f, -1);
        ringBuffer = new RingBuffer<>(N);
        arrayDeque = new ArrayDeque<>(N);
        spscQueue = new SpscQueue<>(N);
        agronaQueue = new OneToOneConcurrentArrayQueue<>(N);
        textBuffer = new TextBuffer(N);
        stringBuilder = new StringBuilder(N);
    }

    @Benchmark
    public int listFixedList() {
        for (int i = 0; i < N; i++) {
            fixedList.add(ITEM);
        }
        int size = fixedList.size();
        fixedList.clear();
        return size;
    }

    @Benchmark
    public int listArrayList() {
        for (int i = 0; i < N; i++) {
            arrayList.add(ITEM);
        }
        int size = arrayList.size();
        arrayList.clear();
        return size;
    }

    @Benchmark
    public int intListIntList() {
        for (int i = 0; i < N; i++) {
            intList.add(i);
        }
        int last = intList.get(N - 1);
        intList.clear();
        return last;
    }

    @Benchmark
    public int intListFastutil() {
        for (int i = 0; i < N; i++) {
            fastutilList.add(i);
        }
        int last = fastutilList.getInt(N - 1);
        fastutilList.clear();
        return last;
    }

    @Benchmark
    public int intListArrayListBoxed() {
        for (int i = 0; i < N; i++) {
            arrayList.add(i + tick);
        }
        int last = (Integer) arrayList.get(N - 1);
        arrayList.clear();
        tick += 1000;
        return last;
    }

    @Benchmark
    public int mapIntIntMap() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            intIntMap.put(i, i + tick);
            sum += intIntMap.get(i);
        }
        tick++;
        return sum;
    }

    @Benchmark
    public int mapHashMapBoxed() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            hashMap.put(i, i + tick);
            sum += hashMap.get(i);
        }
        tick++;
        return sum;
    }

    @Benchmark
    public int mapFastutil() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            fastutilMap.put(i, i + tick);
            sum += fastutilMap.get(i);
        }
        tick++;
        return sum;
    }

    @Benchmark
    public int mapAgrona() {
        int sum = 0;
        for (int i = 0; i < N; i++) {
            agronaMap.put(i, i + tick);
            sum += agronaMap.get(i);
        }
        tick++;
        return sum;
    }

    @Benchmark
    public int dequeRingBuffer() {
        int polled = 0;
        for (int i = 0; i < N; i++) {
            ringBuffer.offer(ITEM);
        }
        for (int i = 0; i < N; i++) {
            polled += ringBuffer.poll() == ITEM ? 1 : 0;
        }
        return polled;
    }

    @Benchmark
    public int dequeArrayDeque() {
        int polled = 0;
        for (int i = 0; i < N; i++) {
            arrayDeque.offer(ITEM);
        }
        for (int i = 0; i < N; i++) {
            polled += arrayDeque.poll() == ITEM ? 1 : 0;
        }
        return polled;
    }

    @Benchmark
    public int queueSpscQueue() {
        int polled = 0;
        for (int i = 0; i < N; i++) {
            spscQueue.offer(ITEM);
        }
        for (int i = 0; i < N; i++) {
            polled += spscQueue.poll() == ITEM ? 1 : 0;
        }
        return polled;
    }

    @Benchmark
    public int queueAgrona() {
        int polled = 0;
        for (int i = 0; i < N; i++) {
            agronaQueue.offer(ITEM);
        }
        for (int i = 0; i < N; i++) {
            polled += agronaQueue.poll() == ITEM ? 1 : 0;
        }
        return polled;
    }

    @Benchmark
    public int textTextBuffer() {
        textBuffer.clear();
        textBuffer.append("sensor ");
        textBuffer.append(tick++);
        textBuffer.append(" value ");
        textBuffer.append(1234567890123L);
        return textBuffer.length();
    }

    @Benchmark
    public int textStringBuilder() {
        stringBuilder.setLength(0);
        stringBuilder.append("sensor ").append(tick++).append(" value ").append(1234567890123L);
        return stringBuilder.length();
    }
}
