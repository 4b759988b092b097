package dev.headroom.core;

import java.util.Locale;

/** Whether the analysed program runs with assertions on ({@code -ea}): the code of {@code assert} is cold when not. */
public enum AssertionPolicy {
    /** Assert code runs: it is analysed as ordinary code. */
    ENABLED,
    /** Assert code never runs (the JVM's default): it is cold (the default). */
    DISABLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param option the option's name in the front end, for the message */
    public static AssertionPolicy parse(String option, String text) {
        return OptionValues.parse(option, text, values());
    }
}
