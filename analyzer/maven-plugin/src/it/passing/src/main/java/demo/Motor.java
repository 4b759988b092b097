package demo;

import dev.headroom.annotations.InterruptHandler;
import dev.headroom.annotations.RealTime;

/** Clean real-time paths: no allocation, no growth, no blocking. */
public final class Motor {
    private final EncoderRing ring = new EncoderRing();
    private int position;
    private int overruns;
    private int duty;

    @InterruptHandler
    public void onEncoderTick(int delta) {
        if (!ring.offer(delta)) {
            overruns++;
        }
    }

    @RealTime
    public void control(int setpoint) {
        position += ring.poll();
        int error = setpoint - position;
        duty = Math.max(-100, Math.min(100, error / 4));
    }

    public int duty() {
        return duty;
    }

    public int overruns() {
        return overruns;
    }
}
