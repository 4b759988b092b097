package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.HdrHistogram.Histogram;

/** Records latencies into an auto-resizing histogram: a value past the range grows the counts. */
public final class ResizingHistogramRecorder {
    private final Histogram latencies = new Histogram(3);

    @RealTime
    public void record(long nanos) {
        latencies.recordValue(nanos);
    }
}
