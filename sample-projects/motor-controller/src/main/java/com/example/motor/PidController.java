package com.example.motor;

/**
 * Fixed-point PID controller. Gains are in Q8 (256 means 1.0); the output is clamped to
 * {@code ±outputLimit} and the integral term is clamped to the same range against wind-up.
 */
public final class PidController {
    static final int Q = 8;

    private final int kp;
    private final int ki;
    private final int kd;
    private final int outputLimit;
    private final long integralLimit;
    private long integral;
    private int previousError;

    public PidController(int kp, int ki, int kd, int outputLimit) {
        if (outputLimit <= 0) {
            throw new IllegalArgumentException("outputLimit must be positive");
        }
        this.kp = kp;
        this.ki = ki;
        this.kd = kd;
        this.outputLimit = outputLimit;
        this.integralLimit = (long) outputLimit << Q;
    }

    /**
     * One controller update for one control period. Called from the real-time control step: only
     * arithmetic on fields, no allocation.
     *
     * @return the actuator command in {@code [-outputLimit, outputLimit]}
     */
    public int update(int error) {
        integral = Math.max(-integralLimit, Math.min(integralLimit, integral + (long) ki * error));
        long derivative = (long) kd * (error - previousError);
        previousError = error;
        long output = ((long) kp * error + integral + derivative) >> Q;
        return (int) Math.max(-outputLimit, Math.min(outputLimit, output));
    }

    /** Forgets the accumulated state, for example after a fault. */
    public void reset() {
        integral = 0;
        previousError = 0;
    }
}
