package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.Arrays;

/**
 * Two receivers VTA knows although no assignment says so.
 * <ul>
 *   <li>An inherited method whose call on {@code this} differs per class only below a private helper
 *       (HdrHistogram's {@code recordValue > recordSingleValue > resize}): reached with the fixed counter,
 *       the helper's call goes only to the fixed counter's {@code overflow}. The growing counter is created
 *       and written too, but by no root: its copy of the array is reported nowhere.</li>
 *   <li>A receiver of a final class handed in by code Headroom does not see (a public constructor's
 *       parameter; Aeron's {@code ExclusivePublication}): it is of exactly that class, created or not, so
 *       the inherited final {@code offer} and its call on {@code this} are followed into the allocation.</li>
 * </ul>
 */
public class ReceiverContexts {
    abstract static class Counter {
        long[] counts = new long[8];

        void record(int index) {
            recordOne(index);
        }

        private void recordOne(int index) {
            if (index >= counts.length) {
                overflow(index);
            } else {
                counts[index]++;
            }
        }

        abstract void overflow(int index);
    }

    static final class FixedCounter extends Counter {
        int overflows;

        @Override
        void overflow(int index) {
            overflows++;
        }
    }

    static final class GrowingCounter extends Counter {
        @Override
        void overflow(int index) {
            counts = Arrays.copyOf(counts, index * 2);
        }
    }

    abstract static class Publication {
        final long offer(int length) {
            return offer(length, 0);
        }

        abstract long offer(int length, int reserved);
    }

    static final class ExclusivePublication extends Publication {
        @Override
        long offer(int length, int reserved) {
            long[] fragments = new long[length]; // expect: heap-allocation
            return fragments.length + reserved;
        }
    }

    private final Counter fixed = new FixedCounter();
    private final Counter growing = new GrowingCounter();
    private final ExclusivePublication publication;

    public ReceiverContexts(ExclusivePublication publication) {
        this.publication = publication;
    }

    @RealTime
    public void onTick() {
        fixed.record(3);
    }

    public void grow() {
        growing.record(64);
    }

    @RealTime
    public long onSend(int length) {
        return publication.offer(length);
    }
}
