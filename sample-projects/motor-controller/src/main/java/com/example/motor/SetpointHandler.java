package com.example.motor;

/** Applies speed setpoints from the host link. */
public final class SetpointHandler implements EventHandler {
    private final MotorController motor;
    private int changes;

    public SetpointHandler(MotorController motor) {
        this.motor = motor;
    }

    /** Runs on the event loop's real-time path: a field write, no allocation. */
    @Override
    public void handle(Event event) {
        motor.setTargetSpeed(event.value());
        changes++;
    }

    public int changes() {
        return changes;
    }
}
