package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Loops: an enhanced for over a List allocates its iterator, one over an array does not, and
 * {@code forEach} with a non-capturing lambda allocates no iterator and no lambda; what remains there is
 * the ConcurrentModificationException that ArrayList.forEach builds and throws, a cold-path warning.
 */
public class Iteration {
    private static int seen;
    private final List<String> names = new ArrayList<>();
    private final int[] values = new int[16];
    private int total;

    @RealTime
    public void onTick() {
        for (String name : names) { // expect: heap-allocation
            total += name.length();
        }
        for (int v : values) {
            total += v;
        }
        names.forEach(name -> seen += name.length()); // expect: heap-allocation/warning
    }
}
