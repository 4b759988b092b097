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
        for (DispatchPolicy p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new ConfigurationException("unknown dispatch policy '" + text + "'; expected rta or cha");
    }
}
