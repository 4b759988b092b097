package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.HdrHistogram.AtomicHistogram;

/** Records into a fixed-range AtomicHistogram, which never resizes (its resize throws). */
public final class AtomicHistogramRecorder {
    private final AtomicHistogram latencies = new AtomicHistogram(3_600_000_000L, 3);

    @RealTime
    public void record(long nanos) {
        latencies.recordValue(nanos);
    }
}
