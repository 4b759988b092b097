package dev.headroom.core;

/** A failure that stops the analysis; front ends turn it into an exit code or a build error. */
public abstract class HeadroomException extends RuntimeException {
    protected HeadroomException(String message) {
        super(message);
    }

    protected HeadroomException(String message, Throwable cause) {
        super(message, cause);
    }
}
