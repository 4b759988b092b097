package dev.headroom.core;

import dev.headroom.core.model.Severity;
import java.util.Locale;
import java.util.Optional;

/** What {@code --rule <id>=<level>} makes of a rule: its findings are errors, warnings, or not reported. */
public enum RuleLevel {
    ERROR,
    WARNING,
    /** The rule is not reported: it produces no findings. */
    OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of this rule's findings; empty when the rule is off. */
    public Optional<Severity> severity() {
        return switch (this) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case OFF -> Optional.empty();
        };
    }

    /** @param option the option's name in the front end, for the message */
    public static RuleLevel parse(String option, String text) {
        return OptionValues.parse(option, text, values());
    }
}
