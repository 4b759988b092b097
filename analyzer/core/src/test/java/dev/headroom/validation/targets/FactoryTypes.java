package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * A field initialised through a static factory of another class that no root reaches: the type the
 * factory creates, which only the factory names, is a receiver of the root's call (the constructor and
 * the code it calls are part of the program), so its allocation is found.
 */
public class FactoryTypes {
    interface Ring {
        long next();
    }

    static final class Rings {
        static Ring create(int size) {
            return new SingleProducerRing(size);
        }
    }

    static final class SingleProducerRing implements Ring {
        private final int size;
        private long cursor;

        SingleProducerRing(int size) {
            this.size = size;
        }

        @Override
        public long next() {
            cursor += size;
            Long claimed = cursor; // expect: heap-allocation
            return claimed;
        }
    }

    private final Ring ring = Rings.create(64);
    private long last;

    @RealTime
    public void onTick() {
        last = ring.next();
    }
}
