package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.HdrHistogram.Histogram;

/** Reads a percentile of a plain fixed-range histogram. */
public final class PercentileReader {
    private final Histogram latencies = new Histogram(3_600_000_000L, 3);

    @RealTime
    public long p99() {
        return latencies.getValueAtPercentile(99.0);
    }
}
