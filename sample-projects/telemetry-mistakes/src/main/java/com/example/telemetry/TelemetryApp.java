package com.example.telemetry;

/** Feeds a few samples through the handler, the way the sensor task would. */
public final class TelemetryApp {
    private TelemetryApp() {
    }

    public static void main(String[] args) {
        LogRing log = new LogRing(64);
        AlertQueue alerts = new AlertQueue(8);
        TelemetryHandler handler = new TelemetryHandler("imu", 900, log, alerts);
        RollingStats stats = new RollingStats(16);
        LinkMonitor link = new LinkMonitor();

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
