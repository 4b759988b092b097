package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * A record's equals, hashCode and toString are generated at run time from one invokedynamic: they compare
 * or hash every component and call the components' own methods, and toString builds a String. Nothing
 * about them is unresolved; what a component's method does is found in it.
 */
public class Records {
    /** A component whose equals allocates, and whose hashCode does not. */
    static final class Key {
        private final int id;

        Key(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            Object[] trace = new Object[1]; // expect: heap-allocation
            return other instanceof Key k && k.id == id && trace.length == 1;
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    record Sample(int channel, long time, Key key) { // expect: heap-allocation
    }

    private final Sample first = new Sample(1, 2L, new Key(3));
    private final Sample second = new Sample(1, 2L, new Key(3));
    private boolean same;
    private int hash;
    private String text;

    @RealTime
    public void onCompare() {
        same = first.equals(second);
    }

    @RealTime
    public void onHash() {
        hash = first.hashCode();
    }

    @RealTime
    public void onDescribe() {
        text = first.toString();
    }
}
