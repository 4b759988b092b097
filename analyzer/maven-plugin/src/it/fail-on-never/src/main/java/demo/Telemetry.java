package demo;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/** A real-time path that grows a list and boxes each sample. */
public final class Telemetry {
    private final List<Integer> history = new ArrayList<>();

    @RealTime
    public void onSample(int value) {
        history.add(value);
    }

    public int count() {
        return history.size();
    }
}
