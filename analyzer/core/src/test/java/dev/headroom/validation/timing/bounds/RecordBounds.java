package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;

/**
 * A record's generated equals and hashCode are costed as their hand-written equivalent, each reference
 * component through its own method; toString builds a String and has no bound. A float component is
 * compared and hashed through its bits ({@code Float.floatToRawIntBits}, a JVM intrinsic: one register move).
 */
public class RecordBounds {
    /** A component with a bounded equals and hashCode of its own. */
    static final class Key {
        private final int id;

        Key(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.id == id;
        }

        @Override
        public int hashCode() {
            return id * 31;
        }
    }

    record Sample(int channel, long time, boolean valid, Key key) {
    }

    record Reading(float value) {
    }

    private final Sample first = new Sample(1, 2L, true, new Key(3));
    private final Sample second = new Sample(1, 2L, true, new Key(3));
    private final Reading reading = new Reading(1.5f);

    @RealTime
    public boolean compare() {
        return first.equals(second); // expect-root: bounded
    }

    @RealTime
    public int hash() {
        return first.hashCode(); // expect-root: bounded
    }

    @RealTime
    public String describe() {
        return first.toString(); // expect-root: unbounded tostring
    }

    @RealTime
    public int hashFloat() {
        return reading.hashCode(); // expect-root: bounded
    }
}
