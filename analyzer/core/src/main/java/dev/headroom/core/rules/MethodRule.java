package dev.headroom.core.rules;

/**
 * One entry of a rule pack.
 *
 * @param pattern   the entry's {@code <class>#<method>[<descriptor>]} pattern as written in the pack
 * @param kind      what the call does
 * @param reason    what the JDK or library method does that matters here
 * @param remedy    what to do instead, or null
 * @param overrides the entry also describes every library implementation that overrides the method;
 *                  the caller applies it while walking the hierarchy
 * @param origin    file and entry for messages, e.g. {@code "jdk-collections.json entry 12 (java.util.ArrayList#add)"}
 * @param capacityResult the method is a fixed-capacity insert: its boolean result is false when there is
 *                  no room, and discarding it loses the element silently ({@code ignored-capacity-result})
 */
public record MethodRule(String pattern, RuleKind kind, String reason, String remedy,
                         boolean overrides, String origin, boolean capacityResult) {
    /** An entry without {@code capacityResult}. */
    public MethodRule(String pattern, RuleKind kind, String reason, String remedy, boolean overrides, String origin) {
        this(pattern, kind, reason, remedy, overrides, origin, false);
    }
}
