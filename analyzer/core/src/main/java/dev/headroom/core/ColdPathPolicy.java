package dev.headroom.core;

import java.util.Locale;

/**
 * How findings on cold paths are reported: code that only runs to build and throw an exception, and
 * the handlers that catch it.
 */
public enum ColdPathPolicy {
    /** Reported as errors, like any other finding. */
    ERROR,
    /** Reported as warnings (the default). */
    WARNING,
    /** Not reported. */
    IGNORE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param option the option's name in the front end, for the message */
    public static ColdPathPolicy parse(String option, String text) {
        return OptionValues.parse(option, text, values());
    }
}
