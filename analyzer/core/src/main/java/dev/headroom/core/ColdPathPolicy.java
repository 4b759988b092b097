package dev.headroom.core;

import java.util.Locale;

/**
 * How findings on cold paths are reported, for every rule: code from which every path leaves the method by
 * a throw (building and throwing an exception, a handler that ends by throwing), the code of an
 * {@code assert} while assertions are disabled, and what is reached only from there.
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
