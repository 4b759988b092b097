package com.example.motor;

/**
 * Wires the controller the way firmware does: everything is allocated once, in static state, before
 * the control loop starts. The loop below simulates the encoder and the timer.
 */
public final class Main {
    static final int ENCODER_RING_CAPACITY = 32;
    static final int EVENT_CAPACITY = 16;

    static final MotorController MOTOR =
            new MotorController(new SampleRing(ENCODER_RING_CAPACITY), new PidController(4_096, 4_096, 256, 1_000));
    static final EventLoop EVENTS =
            new EventLoop(EVENT_CAPACITY, new SetpointHandler(MOTOR), new FaultHandler(MOTOR));

    private Main() {
    }

    public static void main(String[] args) {
        EVENTS.post(Event.SET_SPEED, 12);
        for (int period = 0; period < 20; period++) {
            if (period == 12) {
                EVENTS.post(Event.FAULT, 0x31);
            }
            if (period == 15) {
                EVENTS.post(Event.CLEAR_FAULT, 0);
            }
            // Simulated plant: full duty turns the shaft by 24 encoder edges per period.
            int edges = Math.min(ENCODER_RING_CAPACITY, Math.abs(MOTOR.dutyCycle()) * 24 / 1_000);
            for (int e = 0; e < edges; e++) {
                MOTOR.onEncoderTick(MOTOR.dutyCycle() >= 0 ? 1 : -1);
            }
            MOTOR.controlStep();
            EVENTS.runOnce();
            System.out.printf("period %2d  target %4d  speed %4d  duty %5d%s%n",
                    period, MOTOR.targetSpeed(), MOTOR.measuredSpeed(), MOTOR.dutyCycle(),
                    MOTOR.isFaulted() ? "  FAULT" : "");
        }
        System.out.printf("position %d, %d encoder ticks, %d overruns%n",
                MOTOR.position(), MOTOR.encoderTicks(), MOTOR.overruns());
    }
}
