package dev.headroom.core;

import dev.headroom.core.model.Rule;
import dev.headroom.core.model.RootKind;
import dev.headroom.core.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The rule levels set with {@code --rule <id>=error|warning|off}: the one place where a finding's
 * severity is decided from the configuration. A rule without a level keeps its own severity (for
 * {@code blocking-call}, the one of the root's kind); a level replaces it for every root kind; {@code off}
 * means no findings of that rule.
 */
public final class RuleLevels {
    private static final RuleLevels NONE = new RuleLevels(new EnumMap<>(Rule.class));

    private final Map<Rule, RuleLevel> levels;
    /** Each kind's rule set, built once and shared by its roots (a whole-library scan has 100,000s). */
    private final Map<RootKind, List<String>> rootRules = new ConcurrentHashMap<>();

    private RuleLevels(Map<Rule, RuleLevel> levels) {
        this.levels = Collections.unmodifiableMap(levels);
    }

    /** No rule changed. */
    public static RuleLevels none() {
        return NONE;
    }

    /** These levels with one more; a later level of the same rule replaces an earlier one. */
    public RuleLevels with(Rule rule, RuleLevel level) {
        Map<Rule, RuleLevel> copy = new EnumMap<>(Rule.class);
        copy.putAll(levels);
        copy.put(rule, level);
        return new RuleLevels(copy);
    }

    /**
     * Reads {@code <rule-id>=<level>}, e.g. {@code unbounded-loop=warning}.
     *
     * @param option the option's name in the front end, for the messages
     * @throws ConfigurationException naming the option and the wrong part
     */
    public RuleLevels with(String option, String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new ConfigurationException(option + ": '" + text + "' is not <rule-id>=<level>; e.g. "
                    + "unbounded-loop=warning or recursion=off");
        }
        String id = text.substring(0, equals).trim();
        Rule rule = Rule.byId(id).orElseThrow(() -> new ConfigurationException(option + ": unknown rule '" + id
                + "' in '" + text + "'; rules: " + Arrays.stream(Rule.values()).map(Rule::id)
                .collect(Collectors.joining(", "))));
        return with(rule, RuleLevel.parse(option + " " + id, text.substring(equals + 1).trim()));
    }

    /** The level set for this rule, if one was. */
    public Optional<RuleLevel> level(Rule rule) {
        return Optional.ofNullable(levels.get(rule));
    }

    public boolean isOff(Rule rule) {
        return levels.get(rule) == RuleLevel.OFF;
    }

    /**
     * The severity of a finding of this rule.
     *
     * @param natural its severity without levels: the rule's own, or the one of the root's kind
     * @return empty when the rule is off
     */
    public Optional<Severity> severity(Rule rule, Severity natural) {
        RuleLevel level = levels.get(rule);
        return level == null ? Optional.of(natural) : level.severity();
    }

    /**
     * The effective rule set of a root of this kind, {@code rule-id:level}: every rule checked on its paths
     * (see {@link RootKind#pathRules()}), then every other rule whose level was set, in the rule table's order.
     */
    public List<String> rootRules(RootKind kind) {
        return rootRules.computeIfAbsent(kind, this::computeRootRules);
    }

    private List<String> computeRootRules(RootKind kind) {
        List<String> rules = new ArrayList<>();
        for (Rule rule : RootKind.pathRules()) {
            rules.add(rule.id() + ":" + level(rule).map(RuleLevel::id).orElse(kind.severity(rule).id()));
        }
        for (Rule rule : Rule.values()) {
            if (!RootKind.pathRules().contains(rule) && levels.containsKey(rule)) {
                rules.add(rule.id() + ":" + levels.get(rule).id());
            }
        }
        return List.copyOf(rules);
    }
}
