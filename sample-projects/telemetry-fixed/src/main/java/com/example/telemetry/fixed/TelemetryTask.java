package com.example.telemetry.fixed;

/**
 * The telemetry task's objects, wired the way firmware does: every one allocated once, in static state, before
 * the first sample. Nothing else makes a handler, so Headroom knows the handler's roots run on {@link #HANDLER}
 * and bounds the loops inside them (formatting a line, probing the map, copying into the log) by the capacities
 * given here.
 */
public final class TelemetryTask {
    static final LogRing LOG = new LogRing(64, TelemetryHandler.LINE_LENGTH);
    static final AlertQueue ALERTS = new AlertQueue(8);
    static final TelemetryHandler HANDLER = new TelemetryHandler("imu", 900, LOG, ALERTS);
    static final RollingStats STATS = new RollingStats(16);
    static final LinkMonitor LINK = new LinkMonitor();

    private TelemetryTask() {
    }
}
