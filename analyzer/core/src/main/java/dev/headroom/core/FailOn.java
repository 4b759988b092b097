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

    public static FailOn parse(String text) {
        return OptionValues.parse("--fail-on", text, values());
    }
}
