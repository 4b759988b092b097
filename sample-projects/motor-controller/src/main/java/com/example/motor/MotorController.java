package com.example.motor;

import dev.headroom.annotations.Deadline;
import dev.headroom.annotations.InterruptHandler;
import dev.headroom.annotations.RealTime;

/**
 * Speed control of one brushless motor: the encoder interrupt records position deltas into a
 * fixed-capacity ring, and the periodic control step turns them into a speed measurement and a PWM
 * duty cycle. Everything both paths touch is allocated in the constructor.
 */
public final class MotorController {
    /** Most samples the control step drains per period; equal to the ring capacity in practice. */
    static final int MAX_DRAIN = 32;
    /** Largest accepted speed setpoint, in encoder counts per control period. */
    static final int MAX_SPEED = 2_000;

    private final SampleRing encoderDeltas;
    private final PidController speedLoop;

    // Written by the encoder interrupt only.
    private long position;
    private long encoderTicks;
    private int overruns;

    // Written by the control task only.
    private int targetSpeed;
    private int measuredSpeed;
    private int dutyCycle;
    private boolean faulted;
    private int faultCode;

    public MotorController(SampleRing encoderDeltas, PidController speedLoop) {
        this.encoderDeltas = encoderDeltas;
        this.speedLoop = speedLoop;
    }

    /**
     * Encoder interrupt: one quadrature edge moved the shaft by {@code delta} counts. Runs in
     * interrupt context, so it must not allocate (the collector could run inside the interrupt) and
     * must never block; a full ring is counted as an overrun instead of waiting for room.
     */
    @InterruptHandler
    @Deadline(cycles = 100)
    public void onEncoderTick(int delta) {
        position += delta;
        encoderTicks++;
        if (!encoderDeltas.offer(delta)) {
            overruns++;
        }
    }

    /**
     * Periodic control step (every millisecond): drains the encoder deltas of the last period into a
     * speed, runs the PID loop and writes the PWM duty cycle. Must finish within the period and
     * without a collector pause, hence no allocation and a bounded drain loop.
     */
    @RealTime
    @Deadline(cycles = 4_000)
    public void controlStep() {
        int counts = 0;
        for (int i = 0; i < MAX_DRAIN; i++) {
            if (encoderDeltas.isEmpty()) {
                break;
            }
            counts += encoderDeltas.poll();
        }
        measuredSpeed = counts;
        if (faulted) {
            dutyCycle = 0;
            return;
        }
        dutyCycle = speedLoop.update(targetSpeed - measuredSpeed);
    }

    /** Sets the speed setpoint, clamped to {@code ±MAX_SPEED}. */
    public void setTargetSpeed(int countsPerPeriod) {
        targetSpeed = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, countsPerPeriod));
    }

    /** Latches a fault: the output stays at zero until {@link #clearFault()}. */
    public void trip(int code) {
        faulted = true;
        faultCode = code;
        dutyCycle = 0;
    }

    public void clearFault() {
        faulted = false;
        faultCode = 0;
        speedLoop.reset();
    }

    public boolean isFaulted() {
        return faulted;
    }

    public int faultCode() {
        return faultCode;
    }

    public int targetSpeed() {
        return targetSpeed;
    }

    public int measuredSpeed() {
        return measuredSpeed;
    }

    public int dutyCycle() {
        return dutyCycle;
    }

    public long position() {
        return position;
    }

    public long encoderTicks() {
        return encoderTicks;
    }

    public int overruns() {
        return overruns;
    }
}
