package com.example.telemetry;

/**
 * In-memory log of the last few lines, drained by a background writer. Storing a line is a
 * reference write into a preallocated array; building the line is the caller's business.
 */
public final class LogRing {
    private final String[] lines;
    private int next;
    private long written;

    public LogRing(int capacity) {
        this.lines = new String[capacity];
    }

    /** Keeps {@code line}, overwriting the oldest one when the ring is full. */
    public void info(String line) {
        lines[next] = line;
        next = next + 1 == lines.length ? 0 : next + 1;
        written++;
    }

    /** The most recent line, or {@code null} before the first one. */
    public String last() {
        return written == 0 ? null : lines[next == 0 ? lines.length - 1 : next - 1];
    }

    public long written() {
        return written;
    }
}
