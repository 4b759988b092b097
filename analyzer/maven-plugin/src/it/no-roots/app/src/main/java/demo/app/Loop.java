package demo.app;

import dev.headroom.annotations.RealTime;

/** The module with the real-time code. */
public final class Loop {
    private int output;

    @RealTime
    public void step(int sample) {
        output = sample * 2;
    }

    public int output() {
        return output;
    }
}
