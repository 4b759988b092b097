package dev.headroom.validation.targets;

import dev.headroom.annotations.InterruptHandler;
import dev.headroom.annotations.RealTime;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blocking: a synchronized block, a call to a synchronized method, Thread.sleep, Object.wait and
 * Lock.lock. A warning on a real-time root's path, an error on an interrupt root's path; a line on both
 * paths has both. A synchronized root is reported at its first line.
 */
public class BlockingCalls {
    private final Object monitor = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private int state;

    @RealTime
    public void onTick() throws InterruptedException {
        synchronized (monitor) { // expect: blocking-call/warning
            state++;
        }
        shared();
    }

    @InterruptHandler
    public void onInterrupt() throws InterruptedException {
        synchronized (monitor) { // expect: blocking-call/error
            state--;
        }
        shared();
    }

    @InterruptHandler
    public synchronized void onReset() {
        state = 0; // expect: blocking-call/error
    }

    private void shared() throws InterruptedException {
        update(); // expect: blocking-call/warning, blocking-call/error
        Thread.sleep(1); // expect: blocking-call/warning, blocking-call/error
        synchronized (monitor) { // expect: blocking-call/warning, blocking-call/error
            monitor.wait(1); // expect: blocking-call/warning, blocking-call/error
        }
        lock.lock(); // expect: blocking-call/warning, blocking-call/error
        try {
            state++;
        } finally {
            lock.unlock();
        }
    }

    private synchronized void update() {
        state *= 2;
    }
}
