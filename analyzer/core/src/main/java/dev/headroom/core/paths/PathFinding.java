package dev.headroom.core.paths;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Rule;
import java.util.List;

/**
 * A rule violation on one root's path, before severities and suppressions are applied.
 *
 * @param location the user method it is reported in
 * @param cold     true when every path from the root to it is cold (only throws)
 * @param remedy   a remedy that fits this finding, or null for the rule's general one
 */
public record PathFinding(Rule rule, boolean cold, MethodRef location, int line, String message, String remedy,
                          MethodRef root, List<Frame> callChain) {
    public PathFinding {
        callChain = java.util.Collections.unmodifiableList(callChain);
    }
}
