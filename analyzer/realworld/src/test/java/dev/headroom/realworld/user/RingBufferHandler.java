package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/** Writes each event to an Agrona many-to-one ring buffer allocated at start-up. */
public final class RingBufferHandler {
    private final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(4096 + RingBufferDescriptor.TRAILER_LENGTH)));
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8]);
    private long dropped;

    @RealTime
    public void onEvent(long value) {
        scratch.putLong(0, value);
        if (!ring.write(1, scratch, 0, 8)) {
            dropped++;
        }
    }
}
