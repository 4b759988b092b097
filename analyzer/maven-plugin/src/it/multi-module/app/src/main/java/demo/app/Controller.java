package demo.app;

import demo.lib.MovingAverage;
import dev.headroom.annotations.RealTime;

/** Calls into the lib module, which is on this module's compile classpath only. */
public final class Controller {
    private final MovingAverage average = new MovingAverage();
    private int output;

    @RealTime
    public void step(int sample) {
        output = average.add(sample) / 2;
    }

    public int output() {
        return output;
    }
}
