package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * Default methods of an interface: reached through a class that implements it without overriding it,
 * and through a lambda (a lambda object inherits its functional interface's default methods).
 */
public class DefaultMethods {
    interface Named {
        int id();

        default String label() {
            return "sensor-" + id(); // expect: heap-allocation
        }
    }

    static final class Sensor implements Named {
        @Override
        public int id() {
            return 7;
        }
    }

    /** Implemented only by a lambda. */
    interface Accumulator {
        void add(int n);

        default void addAll(int n) {
            trace = new int[n]; // expect: heap-allocation
            add(n);
        }
    }

    private static int[] trace;
    private static int sum;
    private final Sensor sensor = new Sensor();
    private final Accumulator accumulator = n -> sum += n;
    private String shown;

    @RealTime
    public void onSample(int n) {
        shown = sensor.label();
        accumulator.addAll(n);
    }
}
