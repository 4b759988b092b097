package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.jctools.queues.SpscArrayQueue;

/** Moves one element between two single-producer single-consumer JCTools queues. */
public final class QueueRelay {
    private final SpscArrayQueue<Object> in = new SpscArrayQueue<>(1024);
    private final SpscArrayQueue<Object> out = new SpscArrayQueue<>(1024);
    private long dropped;

    @RealTime
    public void relay() {
        Object element = in.poll();
        if (element != null && !out.offer(element)) {
            dropped++;
        }
    }
}
