package com.example.motor;

/**
 * A command for the motor task. Instances are preallocated by {@link EventLoop} and reused: posting
 * an event copies its fields into a free slot, so the event path never allocates.
 */
public final class Event {
    /** Value: the new speed setpoint in counts per control period. */
    public static final int SET_SPEED = 1;
    /** Value: the fault code reported by the power stage. */
    public static final int FAULT = 2;
    /** Value: unused. */
    public static final int CLEAR_FAULT = 3;

    private int type;
    private int value;

    void set(int type, int value) {
        this.type = type;
        this.value = value;
    }

    public int type() {
        return type;
    }

    public int value() {
        return value;
    }
}
