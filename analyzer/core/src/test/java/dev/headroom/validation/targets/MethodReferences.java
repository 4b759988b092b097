package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

/**
 * Method references: bound ones ({@code this::m}, {@code obj::m}) capture their receiver and allocate;
 * unbound static ones ({@code Integer::sum}) do not; a constructor reference allocates where it is
 * invoked ({@code Supplier.get()}), and the class it creates is instantiated for virtual dispatch (RTA).
 */
public class MethodReferences {
    /** Only this class implements it. */
    interface Action {
        void perform();
    }

    /** Implemented only by a class that is created through a constructor reference. */
    interface Gauge {
        int read();
    }

    interface GaugeFactory {
        Gauge create();
    }

    static final class Meter implements Gauge {
        private int[] window;

        @Override
        public int read() {
            window = new int[4]; // expect: heap-allocation
            return window.length;
        }
    }

    private final Counter other = new Counter();
    private final GaugeFactory meters = Meter::new;
    private final Supplier<List<String>> factory = ArrayList::new;
    private Action pending;
    private List<String> made;
    private int total;

    static final class Counter {
        int value;

        void reset() {
            value = 0;
        }
    }

    void reset() {
        total = 0;
    }

    @RealTime
    public void onTick(int n) {
        pending = this::reset; // expect: heap-allocation
        pending = other::reset; // expect: heap-allocation
        IntBinaryOperator add = Integer::sum;
        total = add.applyAsInt(total, n);
        made = factory.get(); // expect: heap-allocation
        Gauge gauge = meters.create(); // expect: heap-allocation
        total += gauge.read();
    }
}
