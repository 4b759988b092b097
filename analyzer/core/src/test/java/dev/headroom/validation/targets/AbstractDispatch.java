package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * A call on an abstract class goes to the overriding methods of its instantiated subclasses, and an
 * inherited concrete method is reached through the subclass that does not override it.
 */
public class AbstractDispatch {
    abstract static class Stage {
        int calls;

        abstract int process(int x);

        int count() {
            calls++;
            return calls;
        }
    }

    static class Doubling extends Stage {
        @Override
        int process(int x) {
            return x * 2;
        }
    }

    static class Labelling extends Stage {
        String label;

        @Override
        int process(int x) {
            label = "stage " + x; // expect: heap-allocation
            return x;
        }
    }

    /** Overrides process with an allocation, but is never instantiated. */
    static class Unused extends Doubling {
        @Override
        int process(int x) {
            return new int[x].length;
        }
    }

    private final Stage[] stages = {new Doubling(), new Labelling()};
    private int out;

    @RealTime
    public void onSample(int x) {
        for (Stage s : stages) {
            out += s.process(x) + s.count();
        }
    }
}
