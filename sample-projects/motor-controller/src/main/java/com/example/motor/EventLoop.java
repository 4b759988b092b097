package com.example.motor;

import dev.headroom.annotations.Deadline;
import dev.headroom.annotations.RealTime;

/**
 * Bounded event loop of the motor task. Events live in a fixed pool of preallocated {@link Event}
 * objects used as a circular queue; {@link #post(int, int)} and {@link #runOnce()} are called from
 * the same task, so no locking is needed.
 */
public final class EventLoop {
    /** Most events handled per call of {@link #runOnce()}, so one call has a bounded cost. */
    public static final int MAX_BATCH = 8;

    private final Event[] pool;
    private final int mask;
    private final EventHandler setpoints;
    private final EventHandler faults;
    private int head;
    private int count;
    private int dropped;
    private int unknown;

    /**
     * @param capacity a power of two
     */
    public EventLoop(int capacity, EventHandler setpoints, EventHandler faults) {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.pool = new Event[capacity];
        for (int i = 0; i < capacity; i++) {
            pool[i] = new Event();
        }
        this.mask = capacity - 1;
        this.setpoints = setpoints;
        this.faults = faults;
    }

    /**
     * Queues an event by copying it into a free pooled slot.
     *
     * @return {@code false} if the queue is full and the event was dropped
     */
    public boolean post(int type, int value) {
        if (count == pool.length) {
            dropped++;
            return false;
        }
        pool[(head + count) & mask].set(type, value);
        count++;
        return true;
    }

    /**
     * Handles up to {@link #MAX_BATCH} queued events, oldest first. Called once per control period
     * after the control step, so it must not allocate and its cost must be bounded: the batch limit
     * bounds the loop, handlers are allocation-free, and a slot is released only after its handler
     * returned.
     *
     * @return the number of events handled
     */
    @RealTime
    @Deadline(cycles = 1_500)
    public int runOnce() {
        int handled = 0;
        for (int i = 0; i < MAX_BATCH; i++) {
            if (count == 0) {
                break;
            }
            dispatch(pool[head]);
            head = (head + 1) & mask;
            count--;
            handled++;
        }
        return handled;
    }

    private void dispatch(Event event) {
        switch (event.type()) {
            case Event.SET_SPEED:
                setpoints.handle(event);
                break;
            case Event.FAULT:
            case Event.CLEAR_FAULT:
                faults.handle(event);
                break;
            default:
                unknown++;
                break;
        }
    }

    public int pending() {
        return count;
    }

    public int dropped() {
        return dropped;
    }

    public int unknown() {
        return unknown;
    }
}
