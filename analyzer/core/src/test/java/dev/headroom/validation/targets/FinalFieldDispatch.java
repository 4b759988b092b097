package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * A final field assigned once with {@code new Sequence()} holds only a Sequence: a call on it goes to
 * Sequence.get alone, not to the SequenceGroup.get that another field's object overrides it with (whose
 * loop calls get again: a recursion and an allocation under RTA, on this root's path by no assignment).
 */
public class FinalFieldDispatch {
    static class Sequence {
        long value;

        long get() {
            return value;
        }
    }

    static final class SequenceGroup extends Sequence {
        private final Sequence[] members;

        SequenceGroup(Sequence[] members) {
            this.members = members;
        }

        @Override
        long get() {
            long min = Long.MAX_VALUE;
            for (Sequence s : members) {
                min = Math.min(min, s.get()); // expect: recursion
            }
            Long boxed = min; // expect: heap-allocation
            return boxed;
        }
    }

    private final Sequence cursor = new Sequence();
    private final Sequence gating = new SequenceGroup(new Sequence[] {cursor});
    private long last;

    @RealTime
    public void onPublish() {
        last = cursor.get();
    }

    @RealTime
    public void onGate() {
        last = gating.get();
    }
}
