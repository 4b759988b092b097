package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * An interface call goes to the implementations of the classes whose objects reach the receiver (VTA):
 * the allocating one is reported in its own method, the clean one is not, one stored in the field only
 * by a method no root reaches still is a target, and one that is never instantiated is not.
 */
public class InterfaceDispatch {
    interface Filter {
        int apply(int x);
    }

    static final class Recording implements Filter {
        private int[] history;

        @Override
        public int apply(int x) {
            history = new int[x]; // expect: heap-allocation
            return history.length;
        }
    }

    static final class Clamping implements Filter {
        @Override
        public int apply(int x) {
            return Math.min(x, 100);
        }
    }

    /** Stored only by a method no root reaches: still a target, the program's every method counts. */
    static final class Deferred implements Filter {
        private long[] wide;

        @Override
        public int apply(int x) {
            wide = new long[x]; // expect: heap-allocation
            return wide.length;
        }
    }

    /** Never instantiated anywhere: not a target of the call. */
    static final class NeverCreated implements Filter {
        @Override
        public int apply(int x) {
            return new int[x].length;
        }
    }

    private final Filter first = new Recording();
    private Filter second = new Clamping();
    private int out;

    @RealTime
    public void onSample(int x) {
        out = first.apply(x) + second.apply(x);
    }

    void defer() {
        second = new Deferred();
    }
}
