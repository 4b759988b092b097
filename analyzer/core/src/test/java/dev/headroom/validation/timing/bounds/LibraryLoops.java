package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;
import java.util.Arrays;

/**
 * A loop without a bound inside the JDK is reported at every user call that leads to it, not only at the
 * first one a walk happens to take: both helpers clear an array of a length the analysis cannot know.
 */
public class LibraryLoops {
    private final int[] samples;
    private final int[] scratch;

    public LibraryLoops(int size) {
        samples = new int[size];
        scratch = new int[size];
    }

    @RealTime
    public void onTick() {
        clearSamples(); // expect-root: unbounded loop
        clearScratch();
    }

    private void clearSamples() {
        Arrays.fill(samples, 0); // expect: unbounded-loop
    }

    private void clearScratch() {
        Arrays.fill(scratch, 0); // expect: unbounded-loop
    }
}
