package dev.headroom.core;

import java.util.Locale;

/** Which targets a virtual or interface call may reach. */
public enum DispatchPolicy {
    /**
     * Variable-type analysis: the types that flow to the receiver along assignments to fields, locals,
     * parameters and results; unknown receivers (from code Headroom does not see) fall back to RTA's targets.
     */
    VTA,
    /** Rapid type analysis: overrides in classes instantiated anywhere in the analysed program. */
    RTA,
    /** Class hierarchy analysis: every override on the classpath. */
    CHA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param option the option's name in the front end, for the message */
    public static DispatchPolicy parse(String option, String text) {
        return OptionValues.parse(option, text, values());
    }
}
