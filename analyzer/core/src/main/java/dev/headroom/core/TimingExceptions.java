package dev.headroom.core;

import java.util.Locale;

/** Which runs a root's worst-case bound covers. */
public enum TimingExceptions {
    /** Also the runs that end by an exception thrown out of the root. */
    INCLUDE,
    /** Only the runs that complete normally; the exceptional exits left out are listed (the default). */
    EXCLUDE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param option the option's name in the front end, for the message */
    public static TimingExceptions parse(String option, String text) {
        return OptionValues.parse(option, text, values());
    }
}
