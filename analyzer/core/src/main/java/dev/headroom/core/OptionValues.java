package dev.headroom.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the value of an option that names one constant of an enum, by its lower-case name. */
final class OptionValues {
    private OptionValues() {
    }

    /**
     * @throws ConfigurationException naming the option, the value and the accepted ones
     */
    static <E extends Enum<E>> E parse(String option, String text, E[] values) {
        List<String> ids = new ArrayList<>();
        for (E value : values) {
            String id = value.name().toLowerCase(Locale.ROOT);
            if (id.equals(text)) {
                return value;
            }
            ids.add(id);
        }
        String last = ids.remove(ids.size() - 1);
        throw new ConfigurationException(option + ": unknown value '" + text + "'; expected "
                + String.join(", ", ids) + " or " + last);
    }
}
