package com.example.motor;

/** Reacts to one event on the motor task. Implementations run on the real-time path. */
public interface EventHandler {
    /**
     * Handles {@code event}. The event object belongs to the event loop and is reused after this
     * returns: do not keep a reference to it.
     */
    void handle(Event event);
}
