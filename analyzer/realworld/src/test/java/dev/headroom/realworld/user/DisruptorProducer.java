package dev.headroom.realworld.user;

import com.lmax.disruptor.RingBuffer;
import dev.headroom.annotations.RealTime;

/** Publishes into a single-producer Disruptor created by a library factory in a field initialiser. */
public final class DisruptorProducer {
    /** The event the ring preallocates. */
    public static final class LongEvent {
        long value;
    }

    private final RingBuffer<LongEvent> ring = RingBuffer.createSingleProducer(LongEvent::new, 1024);

    @RealTime
    public void publish(long value) {
        long sequence = ring.next();
        ring.get(sequence).value = value;
        ring.publish(sequence);
    }
}
