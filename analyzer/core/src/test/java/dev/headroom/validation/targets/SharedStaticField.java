package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * One root stores an object it creates in a static field; another root calls through that field. The
 * second root sees the first root's object whether or not the first is a root of the same run.
 */
public class SharedStaticField {
    interface Handler {
        void handle(int x);
    }

    static final class Quiet implements Handler {
        @Override
        public void handle(int x) {
        }
    }

    static final class Recording implements Handler {
        private int[] last;

        @Override
        public void handle(int x) {
            last = new int[x]; // expect: heap-allocation
        }
    }

    static Handler handler = new Quiet();

    @RealTime
    public void install() {
        handler = new Recording(); // expect: heap-allocation
    }

    @RealTime
    public void onEvent(int x) {
        handler.handle(x);
    }
}
