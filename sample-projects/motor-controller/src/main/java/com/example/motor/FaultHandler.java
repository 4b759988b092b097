package com.example.motor;

/** Latches and clears power-stage faults. */
public final class FaultHandler implements EventHandler {
    private final MotorController motor;
    private int faults;

    public FaultHandler(MotorController motor) {
        this.motor = motor;
    }

    /** Runs on the event loop's real-time path: field writes only, no allocation. */
    @Override
    public void handle(Event event) {
        if (event.type() == Event.FAULT) {
            motor.trip(event.value());
            faults++;
        } else {
            motor.clearFault();
        }
    }

    public int faults() {
        return faults;
    }
}
