package com.example.telemetry.fixed;

import dev.headroom.annotations.Deadline;
import dev.headroom.annotations.RealTime;

/**
 * The real-time telemetry task, wired the way firmware is: every object allocated once, in static state,
 * before the first sample. Its entry points are static and reach the handler through a {@code static final}
 * field, so Headroom knows which objects they use and bounds the loops inside them (formatting a line,
 * probing the map, copying into the log) by the capacities those objects were given here.
 */
public final class TelemetryTask {
    static final LogRing LOG = new LogRing(64, TelemetryHandler.LINE_LENGTH);
    static final AlertQueue ALERTS = new AlertQueue(8);
    static final TelemetryHandler HANDLER = new TelemetryHandler("imu", 900, LOG, ALERTS);
    static final RollingStats STATS = new RollingStats(16);
    static final LinkMonitor LINK = new LinkMonitor();

    private TelemetryTask() {
    }

    /** Every sensor sample, at the sensor rate. */
    @RealTime
    @Deadline(cycles = 8_000)
    public static void onSample(int sensor, long value) {
        HANDLER.onSample(sensor, value);
        STATS.record(value);
    }

    /** Once per reporting period. */
    @RealTime
    @Deadline(cycles = 8_000)
    public static void publishSummary() {
        HANDLER.publishSummary();
    }

    /** When the radio link comes back up, with the frame size the peer announces. */
    @RealTime
    @Deadline(cycles = 50)
    public static boolean onLinkUp(int frameSize) {
        return HANDLER.onLinkUp(frameSize);
    }
}
