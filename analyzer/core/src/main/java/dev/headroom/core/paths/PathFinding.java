package dev.headroom.core.paths;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Rule;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rule violation on one root's path, before severities and suppressions are applied. The call chain
 * is built on first use: when findings are grouped by location, most of them are merged away first.
 */
public final class PathFinding {
    private final Rule rule;
    private final boolean cold;
    private final MethodRef location;
    private final int line;
    private final String message;
    private final String remedy;
    private final MethodRef root;
    private final int chainLength;
    private Supplier<List<Frame>> chainSource;
    private List<Frame> chain;

    PathFinding(Rule rule, boolean cold, MethodRef location, int line, String message, String remedy, MethodRef root,
                int chainLength, Supplier<List<Frame>> chainSource) {
        this.rule = rule;
        this.cold = cold;
        this.location = location;
        this.line = line;
        this.message = message;
        this.remedy = remedy;
        this.root = root;
        this.chainLength = chainLength;
        this.chainSource = chainSource;
    }

    public Rule rule() {
        return rule;
    }

    /** True when every path from the root to it is cold (only throws). */
    public boolean cold() {
        return cold;
    }

    /** The user method it is reported in. */
    public MethodRef location() {
        return location;
    }

    public int line() {
        return line;
    }

    public String message() {
        return message;
    }

    /** A remedy that fits this finding, or null for the rule's general one. */
    public String remedy() {
        return remedy;
    }

    public MethodRef root() {
        return root;
    }

    public int chainLength() {
        return chainLength;
    }

    /** The frames from the root to the event, the last ones possibly in library code. */
    public List<Frame> callChain() {
        if (chain == null) {
            chain = List.copyOf(chainSource.get());
            chainSource = null;
        }
        return chain;
    }
}
