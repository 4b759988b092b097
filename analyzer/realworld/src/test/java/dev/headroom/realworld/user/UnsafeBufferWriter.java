package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes into a fixed UnsafeBuffer. The class also creates an ExpandableArrayBuffer (used off the hot
 * path), so the receiver's own type must decide which ensureCapacity a put reaches.
 */
public final class UnsafeBufferWriter {
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);
    private final ExpandableArrayBuffer log = new ExpandableArrayBuffer(64);

    @RealTime
    public void encode(long price, int quantity) {
        frame.putLong(0, price);
        frame.putInt(8, quantity);
    }

    public int logCapacity() {
        return log.capacity();
    }
}
