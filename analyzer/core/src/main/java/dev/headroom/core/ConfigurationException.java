package dev.headroom.core;

/** A usage or configuration error: a bad option value, a malformed rule pack, a pattern that matches nothing. */
public class ConfigurationException extends HeadroomException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
