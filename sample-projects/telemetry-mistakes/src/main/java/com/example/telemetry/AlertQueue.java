package com.example.telemetry;

/** Fixed-capacity queue of alarm actions, run later by the publisher thread. */
public final class AlertQueue {
    private final Runnable[] actions;
    private int head;
    private int count;

    public AlertQueue(int capacity) {
        this.actions = new Runnable[capacity];
    }

    /** @return {@code false} if the queue is full and the action was not queued */
    public boolean submit(Runnable action) {
        if (count == actions.length) {
            return false;
        }
        actions[(head + count) % actions.length] = action;
        count++;
        return true;
    }

    /** Runs and removes every queued action. Called by the publisher thread, not on a real-time path. */
    public int drain() {
        int ran = 0;
        while (count > 0) {
            Runnable action = actions[head];
            actions[head] = null;
            head = (head + 1) % actions.length;
            count--;
            action.run();
            ran++;
        }
        return ran;
    }
}
