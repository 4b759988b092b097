package dev.headroom.core.model;

import java.util.Comparator;
import java.util.List;

/**
 * One finding: a rule violated at a location in the user's classes, on the path of a root, with the
 * call chain from the root to the event as evidence (the last frames may lie in library or JDK code).
 *
 * @param suppressionReason the {@code reason} of the {@code @Suppress} that suppressed it, or null
 * @param root              the root whose path it is on; null for findings not tied to a path
 * @param coldPath          true when every path from the root to it only throws (see the cold-path policy)
 * @param rootCount         how many roots reach it: 1 when findings are grouped by root, 0 for findings
 *                          not tied to a path
 */
public record Finding(Rule rule, Severity severity, String message, String remedy, boolean suppressed,
                      String suppressionReason, Location location, MethodId root, List<Frame> callChain,
                      boolean coldPath, int rootCount)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::root, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::message);

    public Finding {
        callChain = List.copyOf(callChain);
    }

    /** This finding with another severity. */
    public Finding withSeverity(Severity other) {
        return new Finding(rule, other, message, remedy, suppressed, suppressionReason, location, root, callChain,
                coldPath, rootCount);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
