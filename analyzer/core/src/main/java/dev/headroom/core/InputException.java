package dev.headroom.core;

/** An input that cannot be read at all: a missing path, an unreadable jar. The message names it. */
public final class InputException extends HeadroomException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
