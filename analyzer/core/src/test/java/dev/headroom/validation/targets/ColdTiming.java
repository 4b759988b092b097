package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rule sees the same hot/cold split. {@code ArrayList.add} grows (an error), and its growth reaches a
 * loop without a bound only while building an OutOfMemoryError's message
 * ({@code grow > ArraysSupport.hugeLength > ... > Integer.getChars}): that loop is cold, a warning, gone
 * under {@code --cold-paths ignore}. A length check that builds its message with a StringBuilder (as
 * Agrona's {@code checkMsgLength}, compiled for Java 8, does) has its unbounded loop on the throw path only,
 * listed as an exceptional exit of the roots above it. ColdTimingTest checks the loops' severities under each
 * policy.
 */
public class ColdTiming {
    private static final int MAX_LENGTH = 1024;
    private final List<Integer> values = new ArrayList<>();
    private final byte[] buffer = new byte[MAX_LENGTH];

    @RealTime
    public void add(Integer x) {
        values.add(x); // expect: growable-collection/error
    }

    @RealTime
    public void write(int length) {
        checkMsgLength(length);
        buffer[0] = (byte) length;
    }

    private static void checkMsgLength(int length) {
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(new StringBuilder().append("invalid message length=") // expect: heap-allocation/warning, growable-collection/warning
                    .append(length).toString()); // expect: heap-allocation/warning, growable-collection/warning
        }
    }

    /** Its callee throws nothing itself: the throw two calls down is listed all the same. */
    @RealTime
    public void writeThrough(int length) {
        writeAt(1, length);
    }

    private void writeAt(int index, int length) {
        checkMsgLength(length);
        buffer[index] = (byte) length;
    }
}
