package dev.headroom.core;

import java.util.Locale;

/** How findings reached from several roots are reported. */
public enum FindingGrouping {
    /** One finding per rule, location and root (the default): each root lists everything on its paths. */
    ROOT,
    /**
     * One finding per rule and location, under the root that reaches it most severely (then on a hot
     * path, then by the shortest chain), with the number of roots that reach it. For whole-library scans
     * with many roots, where per-root reports repeat each location once per root.
     */
    LOCATION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param option the option's name in the front end, for the message */
    public static FindingGrouping parse(String option, String text) {
        return OptionValues.parse(option, text, values());
    }
}
