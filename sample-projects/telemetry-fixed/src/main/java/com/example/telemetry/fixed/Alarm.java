package com.example.telemetry.fixed;

/** A sample above the alarm threshold: a preallocated, reusable message between two threads. */
public final class Alarm {
    int sensor;
    long value;

    public int sensor() {
        return sensor;
    }

    public long value() {
        return value;
    }
}
