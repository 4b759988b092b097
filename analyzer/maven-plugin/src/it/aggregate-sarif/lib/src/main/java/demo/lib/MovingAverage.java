package demo.lib;

import dev.headroom.annotations.RealTime;

/** A moving average over a fixed window: the library module's own real-time root. */
public final class MovingAverage {
    private final int[] window = new int[8];
    private int next;
    private int sum;

    @RealTime
    public int add(int sample) {
        sum += sample - window[next];
        window[next] = sample;
        next = (next + 1) & 7;
        return sum / 8;
    }
}
