package demo;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/** Known mistakes, accepted by the baseline; {@code record} is not a root until the third run names it. */
public class Telemetry {
    private final List<Integer> samples = new ArrayList<>();
    private int[] scratch;

    @RealTime
    public void onSample(int value) {
        samples.add(value);
    }

    public void record(int size) {
        scratch = new int[size];
    }
}
