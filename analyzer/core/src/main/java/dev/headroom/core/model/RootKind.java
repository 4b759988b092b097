package dev.headroom.core.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What kind of entry point a root is; interrupt roots forbid blocking outright. */
public enum RootKind {
    REAL_TIME("real-time"),
    INTERRUPT("interrupt");

    /** The rules checked on every root's paths, in the order they are reported. */
    private static final List<Rule> PATH_RULES = List.of(Rule.GROWABLE_COLLECTION, Rule.HEAP_ALLOCATION,
            Rule.BLOCKING_CALL, Rule.RECURSION, Rule.UNRESOLVED_CALL, Rule.IGNORED_CAPACITY_RESULT,
            Rule.UNBOUNDED_LOOP);
    /** Each kind's default rule set, built once: every root holds it (a whole-library scan has 100,000s of roots). */
    private static final Map<RootKind, List<String>> DEFAULT_RULES = new EnumMap<>(RootKind.class);

    static {
        for (RootKind kind : values()) {
            // copied so that a root's List.copyOf keeps this very list (a stream's list allows nulls: it is copied)
            DEFAULT_RULES.put(kind, List.copyOf(PATH_RULES.stream().map(r -> r.id() + ":" + kind.severity(r).id())
                    .toList()));
        }
    }

    private final String id;

    RootKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The severity of a hot-path finding of this rule on a root of this kind. */
    public Severity severity(Rule rule) {
        if (rule == Rule.BLOCKING_CALL) {
            return this == INTERRUPT ? Severity.ERROR : Severity.WARNING;
        }
        return rule.defaultSeverity();
    }

    /** The rules checked on every root's paths, in the order they are reported. */
    public static List<Rule> pathRules() {
        return PATH_RULES;
    }

    /**
     * The default rule set of a root of this kind: {@code rule-id:severity} for every rule checked on its
     * paths; {@code RuleLevels#rootRules} gives it under {@code --rule}.
     */
    public List<String> rules() {
        return DEFAULT_RULES.get(this);
    }
}
