package com.example.telemetry.fixed;

import dev.headroom.annotations.Deadline;
import dev.headroom.annotations.RealTime;
import dev.headroom.collections.IntIntMap;
import dev.headroom.collections.PutResult;
import dev.headroom.collections.TextBuffer;

/**
 * Handles telemetry samples from the sensors: the handler of the telemetry-mistakes sample, rewritten
 * the fixed-capacity way. Everything it uses is allocated by its constructor, and every "full" is counted.
 */
public final class TelemetryHandler {
    /** The largest frame a peer may announce; the frame buffer is allocated once at this size. */
    static final int MAX_FRAME = 1_024;
    /** The longest log line this handler writes; a longer one is counted in {@link #truncatedLines()}. */
    static final int LINE_LENGTH = 64;

    private final String name;
    private final long alarmThreshold;
    private final LogRing log;
    private final AlertQueue alerts;
    private final TextBuffer line = new TextBuffer(LINE_LENGTH);
    private final IntIntMap counts = new IntIntMap(Sensors.COUNT, 0);
    private final byte[] frameBuffer = new byte[MAX_FRAME];
    private int frameSize;
    // The reporting period: a running maximum instead of a list of every sample.
    private long periodMax = Long.MIN_VALUE;
    private int periodSamples;
    private int droppedAlarms;
    private int truncatedLines;
    private int unknownSensors;
    private int rejectedFrames;

    public TelemetryHandler(String name, long alarmThreshold, LogRing log, AlertQueue alerts) {
        this.name = name;
        this.alarmThreshold = alarmThreshold;
        this.log = log;
        this.alerts = alerts;
    }

    /** Called for every sensor sample, at the sensor rate: formats into its own line, counts unboxed. */
    @RealTime
    @Deadline(cycles = 8_000)
    public void onSample(int sensor, long value) {
        periodMax = Math.max(periodMax, value);
        periodSamples++;
        line.clear();
        if (!(line.append("sample ") && line.append(value) && line.append(" from ") && Sensors.appendName(line, sensor))) {
            truncatedLines++;
        }
        log.info(line);
        if (counts.put(sensor, counts.get(sensor) + 1) == PutResult.FULL) {
            unknownSensors++;
        }
        if (value > alarmThreshold && !alerts.submit(sensor, value)) {
            droppedAlarms++;
        }
    }

    /** Publishes the period's sample count and maximum, once per reporting period from the same task. */
    @RealTime
    @Deadline(cycles = 8_000)
    public void publishSummary() {
        line.clear();
        if (!(line.append(name) && line.append(": ") && line.append(periodSamples) && line.append(" samples, max ")
                && line.append(periodMax))) {
            truncatedLines++;
        }
        log.info(line);
        periodMax = Long.MIN_VALUE;
        periodSamples = 0;
    }

    /**
     * Called when the radio link comes back up, on the same real-time task as the samples: takes the frame size
     * the peer announces, within the buffer allocated at start-up.
     *
     * @return {@code false} if the peer asks for more than {@link #MAX_FRAME} bytes (the frame size is unchanged)
     */
    @RealTime
    @Deadline(cycles = 50)
    public boolean onLinkUp(int frameSize) {
        if (frameSize > frameBuffer.length) {
            rejectedFrames++;
            return false;
        }
        this.frameSize = frameSize;
        return true;
    }

    public int frameSize() {
        return frameSize;
    }

    public int droppedAlarms() {
        return droppedAlarms;
    }

    public int truncatedLines() {
        return truncatedLines;
    }

    public int unknownSensors() {
        return unknownSensors;
    }

    public int rejectedFrames() {
        return rejectedFrames;
    }

    public int countFor(int sensor) {
        return counts.get(sensor);
    }
}
