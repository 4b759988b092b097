package dev.headroom.core;

import java.util.Locale;

/** Which targets a virtual or interface call may reach. */
public enum DispatchPolicy {
    /** Rapid type analysis: overrides in classes instantiated anywhere in the analysed program. */
    RTA,
    /** Class hierarchy analysis: every override on the classpath. */
    CHA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DispatchPolicy parse(String text) {
        return OptionValues.parse("--dispatch", text, values());
    }
}
