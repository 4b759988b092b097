package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * An interface call goes to the implementations of the classes instantiated anywhere in the program
 * (RTA): the allocating one is reported in its own method, the clean one is not, one instantiated only
 * in unreached code still is a target, and one that is never instantiated is not.
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

    /** Instantiated only in a method no root reaches: still a target, RTA counts every instantiation. */
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
    private final Filter second = new Clamping();
    private int out;

    @RealTime
    public void onSample(int x) {
        out = first.apply(x) + second.apply(x);
    }

    Filter spare() {
        return new Deferred();
    }
}
