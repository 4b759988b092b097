package com.example.telemetry.fixed;

import dev.headroom.annotations.Deadline;
import dev.headroom.annotations.InterruptHandler;

/**
 * Tracks the state of the radio link, updated from the link controller's status interrupt. The interrupt
 * is the only writer; the other threads read volatile fields, so nobody takes a lock.
 */
public final class LinkMonitor {
    static final int LINK_UP = 0x1;

    private volatile int lastStatus;
    private volatile long interrupts;

    /** Link status interrupt: two volatile writes, never a wait. */
    @InterruptHandler
    @Deadline(cycles = 20)
    public void onLinkStatusIrq(int status) {
        lastStatus = status;
        interrupts = interrupts + 1; // the only writer: no lost update
    }

    public boolean isLinkUp() {
        return (lastStatus & LINK_UP) != 0;
    }

    public int lastStatus() {
        return lastStatus;
    }

    public long interrupts() {
        return interrupts;
    }
}
