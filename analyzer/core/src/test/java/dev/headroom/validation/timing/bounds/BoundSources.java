package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.AssumeCost;
import dev.headroom.annotations.Deadline;
import dev.headroom.annotations.LoopBound;
import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/** One root per way a loop gets its bound, and per way a root has none. */
public class BoundSources {
    private static final int[] TABLE = new int[10];
    private final long[] samples;
    private volatile boolean running;

    public BoundSources() {
        this(4);
    }

    public BoundSources(int unused) {
        this.samples = new long[48];
    }

    public BoundSources(boolean unused) {
        this.samples = new long[48];
    }

    @RealTime
    public static int inferred(int x) {
        int s = 0; // expect-root: bounded
        for (int i = 0; i < 64; i++) { // expect-bound: 64 inferred
            s += x;
        }
        for (int i = 10; i > 0; i--) { // expect-bound: 10 inferred
            s ^= i;
        }
        for (int i = 0; i <= 15; i++) { // expect-bound: 16 inferred
            s += i;
        }
        for (int i = 0; i != 20; i += 2) { // expect-bound: 10 inferred
            s -= i;
        }
        for (int i = 9; i >= 0; i -= 3) { // expect-bound: 4 inferred
            s += i;
        }
        int[] local = new int[12];
        for (int i = 0; i < local.length; i++) { // expect-bound: 12 inferred
            local[i] = s;
        }
        for (int i = 0; i < TABLE.length; i++) { // expect-bound: 10 inferred
            s += TABLE[i];
        }
        for (int i = 0; i < 8; i++) { // expect-bound: 8 inferred
            for (int j = 0; j < 16; j++) { // expect-bound: 16 inferred
                s += j;
            }
        }
        return s;
    }

    @RealTime
    public long finalField() {
        long sum = 0; // expect-root: bounded
        for (int i = 0; i < samples.length; i++) { // expect-bound: 48 inferred
            sum += samples[i];
        }
        return sum;
    }

    @RealTime
    public static int earlyExit(int[] a, int key) {
        for (int i = 0; i < 100; i++) { // expect-bound: 100 inferred
            if (a[i] == key) { // expect-root: bounded
                return i;
            }
        }
        return -1;
    }

    @RealTime
    public static int marker(int x) {
        int n = 0; // expect-root: bounded
        while (x != 0) { // expect-bound: 32 marker
            Loops.bound(32);
            x >>>= 1;
            n++;
        }
        return n;
    }

    @RealTime
    @LoopBound(20)
    public static int annotation(int[] list) {
        int i = 0; // expect-root: bounded
        while (list[i] >= 0) { // expect-bound: 20 annotation
            i = list[i];
        }
        return i;
    }

    @RealTime
    public int whileFlag() {
        int n = 0; // expect-root: unbounded loop
        while (running) { // expect: unbounded-loop
            n++;
        }
        return n;
    }

    @RealTime
    public static int counterAssignedInBody(int x) {
        int s = 0; // expect-root: unbounded loop
        for (int i = 0; i < 10; i++) { // expect: unbounded-loop
            i = i + x;
            s++;
        }
        return s;
    }

    @RealTime
    public static int mayWrap() {
        int s = 0; // expect-root: unbounded loop
        for (int i = 0; i < Integer.MAX_VALUE; i += 2) { // expect: unbounded-loop
            s++;
        }
        return s;
    }

    @RealTime
    public static int stepsOverTheLimit() {
        int s = 0; // expect-root: unbounded loop
        for (int i = 0; i != 7; i += 2) { // expect: unbounded-loop
            s++;
        }
        return s;
    }

    @RealTime
    public static int testNotInEveryIteration(boolean check) {
        int s = 0; // expect-root: unbounded loop
        // A loop without a condition has its header at the first statement of its body.
        for (int i = 0; ; i++) {
            if (check) { // expect: unbounded-loop
                if (i >= 10) {
                    break;
                }
            }
            s++;
        }
        return s;
    }

    @RealTime
    public static int stepInsideTry(int[] a) {
        int i = 0; // expect-root: unbounded loop
        int s = 0;
        while (i < 10) { // expect: unbounded-loop
            try {
                s += a[s];
                i++;
            } catch (RuntimeException e) {
                s = 0;
            }
        }
        return s;
    }

    @RealTime
    public static void libraryLoop(int[] a) {
        java.util.Arrays.fill(a, 0); // expect: unbounded-loop, expect-root: unbounded loop
    }

    @RealTime
    public static int recursion(int n) {
        return n <= 1 ? 1 : n * recursion(n - 1); // expect-root: unbounded recursion
    }

    @RealTime
    public static int unresolved() {
        return readRegister() + 1; // expect-root: unbounded native
    }

    @RealTime
    public static int assumedCost() {
        return readCounter() + 1; // expect-root: bounded
    }

    @RealTime
    @Deadline(cycles = 10)
    public static int tooSlow(int x) {
        int s = 0; // expect: deadline-exceeded, expect-root: bounded
        for (int i = 0; i < 64; i++) { // expect-bound: 64 inferred
            s += x;
        }
        return s;
    }

    @RealTime
    @Deadline(cycles = 1000)
    public static int fastEnough(int x) {
        return x * 2 + 1; // expect-root: bounded
    }

    private static native int readRegister();

    @AssumeCost(cycles = 40)
    private static native int readCounter();
}
