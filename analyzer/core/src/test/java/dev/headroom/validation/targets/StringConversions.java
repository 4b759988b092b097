package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * Building strings: concatenation (invokedynamic), String.valueOf, String.format (one finding for the
 * line although it boxes, builds a varargs array and formats) and Integer.toString.
 */
public class StringConversions {
    private String text;

    @RealTime
    public void onSample(int v, String name) {
        text = name + v; // expect: heap-allocation
        text = String.valueOf(v); // expect: heap-allocation
        text = String.format("%d items", v); // expect: heap-allocation
        text = Integer.toString(v); // expect: heap-allocation
    }
}
