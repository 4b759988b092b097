package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;

/** Loops bounded by src/test/resources/timing/bounds-flow-facts.json, which names lines 11 and 16: keep them there. */
public class FlowFactsBounds {
    @RealTime
    public static int byLine(int[] queue) {
        int n = 0; // expect-root: bounded
        int i = 0;
        while (queue[i] != 0) { // expect-bound: 12 flow-facts
            i = queue[i];
            n++;
        }
        int k = n;
        while (k > 1) { // expect-bound: 5 flow-facts
            k = k / 2 + (k & 1) - 1;
        }
        return n + k;
    }
}
