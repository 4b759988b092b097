package dev.headroom.core;

import dev.headroom.core.model.Severity;
import java.util.Locale;

/** The least severe finding that fails the check. */
public enum FailOn {
    ERROR,
    WARNING,
    NEVER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean fails(Severity severity) {
        return switch (this) {
            case ERROR -> severity == Severity.ERROR;
            case WARNING -> true;
            case NEVER -> false;
        };
    }

    /** @param option the option's name in the front end, for the message */
    public static FailOn parse(String option, String text) {
        return OptionValues.parse(option, text, values());
    }
}
