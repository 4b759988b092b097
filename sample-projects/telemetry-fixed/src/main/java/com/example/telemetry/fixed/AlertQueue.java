package com.example.telemetry.fixed;

import dev.headroom.collections.SpscQueue;

/**
 * Alarms handed from the real-time task to the publisher thread. The {@link Alarm} objects are made
 * once, by the constructor, and travel in a circle on two single-producer single-consumer queues: the
 * real-time task takes a free one, fills it and queues it; the publisher takes it, handles it and gives
 * it back. Nothing is allocated per alarm, and neither side ever waits for the other.
 */
public final class AlertQueue {
    private final SpscQueue<Alarm> free;
    private final SpscQueue<Alarm> pending;

    public AlertQueue(int capacity) {
        this.free = new SpscQueue<>(capacity);
        this.pending = new SpscQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new Alarm());
        }
    }

    /**
     * Queues an alarm; real-time task only.
     *
     * @return {@code false} if every alarm is still waiting for the publisher, and this one was not queued
     */
    public boolean submit(int sensor, long value) {
        Alarm alarm = free.poll();
        if (alarm == null) {
            return false;
        }
        alarm.sensor = sensor;
        alarm.value = value;
        // Never full: there are as many alarms as slots, and this one came out of the free queue.
        return pending.offer(alarm);
    }

    /** The oldest queued alarm, or {@code null}; publisher thread only. Give it back with {@link #recycle}. */
    public Alarm poll() {
        return pending.poll();
    }

    /** Gives a handled alarm back to the real-time task; publisher thread only. */
    public void recycle(Alarm alarm) {
        if (!free.offer(alarm)) {
            throw new IllegalStateException("an alarm that did not come from this queue");
        }
    }
}
