package demo.app;

import demo.lib.MovingAverage;
import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/** Calls into the lib module, and keeps every output in a list that grows: the check fails here. */
public final class Controller {
    private final MovingAverage average = new MovingAverage();
    private final List<Integer> outputs = new ArrayList<>();

    @RealTime
    public void step(int sample) {
        outputs.add(average.add(sample) / 2);
    }

    public int count() {
        return outputs.size();
    }
}
