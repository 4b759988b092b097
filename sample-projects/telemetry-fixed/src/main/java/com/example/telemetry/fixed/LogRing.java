package com.example.telemetry.fixed;

import dev.headroom.collections.TextBuffer;
import java.nio.charset.StandardCharsets;

/**
 * In-memory log of the last few lines, drained by a background writer. The lines are bytes in one array
 * allocated by the constructor, {@code lineLength} bytes a line: keeping a line copies its bytes and
 * allocates nothing, and building the line is the caller's business (a {@link TextBuffer} of its own).
 */
public final class LogRing {
    private final byte[] text;
    private final int[] lengths;
    private final int lineLength;
    private int next;
    private long written;

    public LogRing(int capacity, int lineLength) {
        this.text = new byte[capacity * lineLength];
        this.lengths = new int[capacity];
        this.lineLength = lineLength;
    }

    /**
     * Keeps a copy of {@code line}, overwriting the oldest line when the ring is full; a line longer than
     * the ring's line length keeps its first {@code lineLength} bytes.
     */
    public void info(TextBuffer line) {
        int n = Math.min(line.length(), lineLength);
        int at = next * lineLength;
        for (int i = 0; i < lineLength; i++) {
            if (i >= n) {
                break;
            }
            text[at + i] = line.byteAt(i);
        }
        lengths[next] = n;
        next = next + 1 == lengths.length ? 0 : next + 1;
        written++;
    }

    /** The most recent line, or {@code null} before the first one. Allocates: for the background writer. */
    public String last() {
        if (written == 0) {
            return null;
        }
        int slot = next == 0 ? lengths.length - 1 : next - 1;
        return new String(text, slot * lineLength, lengths[slot], StandardCharsets.US_ASCII);
    }

    public long written() {
        return written;
    }
}
