package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * A method inherited by two classes, whose call on {@code this} depends on the class, is in the call graph
 * once per receiver class. A root that reaches both copies is still one root: grouping by location counts
 * the allocation's line (and the loop's) for two roots here; the allocation's was counted for three
 * (Guava's {@code ForwardingObject.toString}, reached through dozens of subclasses, for 342,721 of 11,050).
 */
public class InheritedCopies {
    abstract static class Sensor {
        int[] last;
        int pending;

        void sample() {
            last = new int[width()]; // expect: heap-allocation
            for (int i = 0; i < pending; i++) { // expect: unbounded-loop
                last[i & 3]++;
            }
        }

        abstract int width();
    }

    static final class Left extends Sensor {
        @Override
        int width() {
            return 4;
        }
    }

    static final class Right extends Sensor {
        @Override
        int width() {
            return 8;
        }
    }

    private final Sensor left = new Left();
    private final Sensor right = new Right();

    @RealTime
    public void onBoth() {
        left.sample();
        right.sample();
    }

    @RealTime
    public void onLeft() {
        left.sample();
    }
}
