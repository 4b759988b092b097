package com.example.telemetry.fixed;

import dev.headroom.collections.TextBuffer;

/** Feeds a few samples through the telemetry task, the way the sensor task would, then plays the publisher. */
public final class TelemetryApp {
    private TelemetryApp() {
    }

    public static void main(String[] args) {
        TelemetryHandler handler = TelemetryTask.HANDLER;
        TelemetryTask.LINK.onLinkStatusIrq(LinkMonitor.LINK_UP);
        handler.onLinkUp(256);
        long[] readings = {120, 340, 905, 410, 77, 1200};
        for (int i = 0; i < readings.length; i++) {
            handler.onSample(i % 2 == 0 ? Sensors.ACCEL : Sensors.GYRO, readings[i]);
            TelemetryTask.STATS.record(readings[i]);
        }
        handler.publishSummary();
        System.out.println(TelemetryTask.LOG.last());

        // The publisher thread's side: handle the queued alarms and give them back.
        TextBuffer line = new TextBuffer(TelemetryHandler.LINE_LENGTH);
        int alarms = 0;
        for (Alarm alarm = TelemetryTask.ALERTS.poll(); alarm != null; alarm = TelemetryTask.ALERTS.poll()) {
            line.clear();
            if (line.append("ALARM ") && Sensors.appendName(line, alarm.sensor()) && line.append(" at ")
                    && line.append(alarm.value())) {
                System.out.println(line);
            }
            TelemetryTask.ALERTS.recycle(alarm);
            alarms++;
        }

        RollingStats stats = TelemetryTask.STATS;
        System.out.println("link up: " + TelemetryTask.LINK.isLinkUp() + ", alarms: " + alarms
                + ", accel samples: " + handler.countFor(Sensors.ACCEL)
                + ", window sum: " + stats.sum() + " min " + stats.min() + " max " + stats.max());
    }
}
