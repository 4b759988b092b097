package dev.headroom.reports;

import dev.headroom.core.model.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The roots' rule sets as the text and HTML reports list them: each set once, for the roots that share
 * it, rather than the same long line under every root. Roots of one kind share their set unless the
 * configuration made them differ; then every root lists its own.
 */
final class RuleSets {
    /**
     * One rule set and the roots it is for.
     *
     * @param roots "every root", or the kinds of the roots that have it: "interrupt roots"
     * @param rules {@code rule-id:severity}, in the order the model gives
     */
    record Shared(String roots, List<String> rules) {
    }

    private RuleSets() {
    }

    /**
     * The rule sets in the order of the roots that first have them, each with the roots it is for; empty
     * when two roots of the same kind have different sets (each root then lists its own), and for no roots.
     */
    static Optional<List<Shared>> shared(List<Root> roots) {
        Map<List<String>, TreeSet<String>> kindsBySet = new LinkedHashMap<>();
        for (Root root : roots) {
            kindsBySet.computeIfAbsent(root.rules(), rules -> new TreeSet<>()).add(root.kind().id());
        }
        if (kindsBySet.isEmpty()) {
            return Optional.empty();
        }
        if (kindsBySet.size() == 1) {
            return Optional.of(List.of(new Shared("every root", kindsBySet.keySet().iterator().next())));
        }
        List<Shared> sets = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Map.Entry<List<String>, TreeSet<String>> set : kindsBySet.entrySet()) {
            for (String kind : set.getValue()) {
                if (!seen.add(kind)) {
                    return Optional.empty();
                }
            }
            sets.add(new Shared(String.join(" and ", set.getValue()) + " roots", set.getKey()));
        }
        return Optional.of(sets);
    }
}
