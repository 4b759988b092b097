package demo.generated;

import dev.headroom.annotations.RealTime;

/** Generated code: a root of its own that allocates, and a helper the hand-written code calls. */
public final class Codec {
    @RealTime
    public String decode(int value) {
        return "value " + value;
    }

    public static int[] frame(int size) {
        return new int[size];
    }
}
