package com.example.telemetry;

import dev.headroom.annotations.InterruptHandler;

/** Tracks the state of the radio link, updated from the link controller's status interrupt. */
public final class LinkMonitor {
    static final int LINK_UP = 0x1;

    private final Object lock = new Object();
    private boolean linkUp;
    private int lastStatus;
    private long interrupts;

    /**
     * Link status interrupt. An interrupt handler must never block; this one takes a monitor that
     * the publisher thread also holds, so the interrupt can wait for a thread it interrupted.
     */
    @InterruptHandler
    public void onLinkStatusIrq(int status) {
        synchronized (lock) { // expect: blocking-call/error
            linkUp = (status & LINK_UP) != 0;
            lastStatus = status;
            interrupts++;
        }
    }

    public boolean isLinkUp() {
        synchronized (lock) {
            return linkUp;
        }
    }

    public int lastStatus() {
        synchronized (lock) {
            return lastStatus;
        }
    }

    public long interrupts() {
        synchronized (lock) {
            return interrupts;
        }
    }
}
