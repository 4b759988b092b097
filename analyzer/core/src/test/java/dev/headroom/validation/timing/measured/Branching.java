package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;
import java.util.function.IntUnaryOperator;

/** Roots with switches, exception handlers, virtual calls with several targets, lambdas and JDK calls. */
public class Branching {
    interface Shape {
        int area(int x);
    }

    static final class Square implements Shape {
        @Override
        public int area(int x) {
            return x * x;
        }
    }

    static final class Strip implements Shape {
        @Override
        public int area(int x) {
            int s = 0;
            for (int i = 0; i < 8; i++) {
                s += x;
            }
            return s;
        }
    }

    static final class Disc implements Shape {
        @Override
        public int area(int x) {
            return 3 * x * x + (x >> 2);
        }
    }

    private static final Shape[] SHAPES = {new Square(), new Strip(), new Disc()};
    private static final IntUnaryOperator TWICE = v -> v * 2;

    @RealTime
    public static int tableSwitch(int x) {
        int s = 0;
        for (int i = 0; i < 6; i++) {
            switch ((x + i) & 7) {
                case 0: s += 1; break;
                case 1: s -= 2; break;
                case 2: s ^= x; break;
                case 3: s = s * 3 + i * x; break;
                case 4: s += x * x * i; break;
                default: s--;
            }
        }
        return s;
    }

    @RealTime
    public static int lookupSwitch(int x) {
        switch (x) {
            case -1: return 10;
            case 1000: return x * 3 + 1;
            case 7: return x ^ 0x55;
            case 64: {
                int s = 0;
                for (int i = 0; i < 5; i++) {
                    s += i * x;
                }
                return s;
            }
            default: return 0;
        }
    }

    @RealTime
    public static int tryCatch(int x, int[] values) {
        int s = 0;
        for (int i = 0; i < 4; i++) {
            try {
                s += values[(x + i) & 15] / (x - i);
            } catch (ArithmeticException e) {
                s -= 100;
            } catch (ArrayIndexOutOfBoundsException e) {
                s += i * 3 + x;
            }
        }
        return s;
    }

    @RealTime
    public static int oneVirtualCall(int selector, int x) {
        return SHAPES[(selector & 0x7fffffff) % SHAPES.length].area(x);
    }

    @RealTime
    public static int everyShape(int x) {
        int s = 0;
        for (int i = 0; i < SHAPES.length; i++) {
            s += SHAPES[i].area(x);
        }
        return s;
    }

    @RealTime
    public static int lambda(int x) {
        return TWICE.applyAsInt(x) + TWICE.applyAsInt(x + 1);
    }

    @RealTime
    public static int jdkCalls(int x, int y) {
        int s = Math.max(x, y) + Math.abs(x - y);
        s += Integer.bitCount(x) + Long.numberOfTrailingZeros(y);
        s += Integer.compare(x, y) + Math.floorMod(x, 7);
        return s;
    }
}
