package com.example.telemetry;

import dev.headroom.annotations.RealTime;
import dev.headroom.annotations.Suppress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Handles telemetry samples from the sensors. It works, and it is what such code often looks like;
 * but every sample allocates, so it must not run on a real-time path as written.
 */
public final class TelemetryHandler {
    private final String name;
    private final long alarmThreshold;
    private final LogRing log;
    private final AlertQueue alerts;
    private final List<Long> samples = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private byte[] frameBuffer = new byte[0];
    private int droppedAlarms;

    public TelemetryHandler(String name, long alarmThreshold, LogRing log, AlertQueue alerts) {
        this.name = name;
        this.alarmThreshold = alarmThreshold;
        this.log = log;
        this.alerts = alerts;
    }

    /**
     * Called for every sensor sample, at the sensor rate. Meant to be allocation-free (it runs
     * thousands of times a second); in fact it boxes, grows a list and a map, builds strings and
     * captures a lambda on every call.
     */
    @RealTime
    public void onSample(String source, long value) {
        samples.add(value); // expect: growable-collection, heap-allocation, unbounded-loop
        log.info("sample " + value + " from " + source); // expect: heap-allocation
        counts.merge(source, 1, Integer::sum); // expect: growable-collection, heap-allocation, unbounded-loop
        if (value > alarmThreshold) {
            Runnable alarm = () -> raiseAlarm(source, value); // expect: heap-allocation
            if (!alerts.submit(alarm)) {
                droppedAlarms++;
            }
        }
    }

    /**
     * Publishes the maximum of the samples seen so far, once per reporting period from the same
     * real-time task. Walks the list through an iterator and formats the line with varargs.
     */
    @RealTime
    public void publishSummary() {
        long max = Long.MIN_VALUE;
        for (Long sample : samples) { // expect: heap-allocation, unbounded-loop
            max = Math.max(max, sample);
        }
        log.info(String.format("%s: %d samples, max %d", name, samples.size(), max)); // expect: heap-allocation, unbounded-loop
    }

    /**
     * Called when the radio link comes back up, on the same real-time task as the samples.
     * It only sizes the frame buffer for the new session.
     */
    @RealTime
    public void onLinkUp(int frameSize) {
        if (frameBuffer.length < frameSize) {
            resizeFrameBuffer(frameSize);
        }
    }

    @Suppress(value = "heap-allocation",
            reason = "runs once per link session, when the peer announces its frame size; never per sample")
    private void resizeFrameBuffer(int frameSize) {
        frameBuffer = new byte[frameSize]; // expect: suppressed heap-allocation
    }

    private void raiseAlarm(String source, long value) {
        log.info("ALARM " + source + " at " + value);
    }

    public int frameCapacity() {
        return frameBuffer.length;
    }

    public int droppedAlarms() {
        return droppedAlarms;
    }

    public int countFor(String source) {
        return counts.getOrDefault(source, 0);
    }
}
