package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.jctools.queues.MpscArrayQueue;

/** Hands work to a consumer thread through a bounded JCTools MPSC queue, counting overruns. */
public final class MpscHandoff {
    private final MpscArrayQueue<Runnable> queue = new MpscArrayQueue<>(1024);
    private long overruns;

    @RealTime
    public void handOff(Runnable task) {
        if (!queue.offer(task)) {
            overruns++;
        }
    }
}
