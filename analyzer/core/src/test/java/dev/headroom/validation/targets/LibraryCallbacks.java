package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.Arrays;

/**
 * User code that library code calls back is on the root's path too, also when the rule pack summarises
 * the library method: Arrays.sort calls the elements' compareTo.
 */
public class LibraryCallbacks {
    static final class Reading implements Comparable<Reading> {
        private int value;
        private String label;

        @Override
        public int compareTo(Reading other) {
            label = "after " + other.value; // expect: heap-allocation
            return Integer.compare(value, other.value);
        }
    }

    private final Reading[] readings = {new Reading(), new Reading()};

    @RealTime
    public void onTick() {
        Arrays.sort(readings); // expect: heap-allocation
    }
}
