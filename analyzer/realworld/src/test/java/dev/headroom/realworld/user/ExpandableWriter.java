package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.agrona.ExpandableArrayBuffer;

/** Appends to an ExpandableArrayBuffer: past its capacity it grows. */
public final class ExpandableWriter {
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
    private int position;

    @RealTime
    public void append(long value) {
        buffer.putLong(position, value);
        position += 8;
    }
}
