package com.example.telemetry;

import dev.headroom.annotations.Initializer;

/** Sets up the sensor task once, then feeds a few samples through the handler, the way the task would. */
public final class TelemetryApp {
    static LogRing log;
    static AlertQueue alerts;
    static TelemetryHandler handler;
    static RollingStats stats;
    static LinkMonitor link;

    private TelemetryApp() {
    }

    /** Builds what the sensor task keeps for its whole life, once, before the first sample. */
    @Initializer
    static void start() {
        log = new LogRing(64);
        alerts = new AlertQueue(8);
        handler = new TelemetryHandler("imu", 900, log, alerts); // expect: unbounded-static
        stats = new RollingStats(16);
        link = new LinkMonitor();
    }

    public static void main(String[] args) {
        start();
        link.onLinkStatusIrq(LinkMonitor.LINK_UP);
        handler.onLinkUp(256);
        long[] readings = {120, 340, 905, 410, 77, 1200};
        for (int i = 0; i < readings.length; i++) {
            String source = i % 2 == 0 ? "accel" : "gyro";
            handler.onSample(source, readings[i]);
            stats.record(readings[i]);
        }
        handler.publishSummary();
        int alarms = alerts.drain();

        System.out.println(log.last());
        System.out.println("link up: " + link.isLinkUp() + ", alarms: " + alarms
                + ", accel samples: " + handler.countFor("accel")
                + ", window sum: " + stats.sum() + " min " + stats.min() + " max " + stats.max());
    }
}
