package dev.headroom.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.FindingGrouping;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Findings grouped by location, on a real library with every method a root: one per rule and line, each naming
 * the number of roots that have the finding when findings are grouped by root. JCTools' queues inherit methods
 * from abstract classes, which the call graph holds once per receiver class; a root that reached several such
 * copies was counted once per copy (Guava's {@code ForwardingObject.toString} for 342,721 of 11,050 roots). An
 * unbounded loop reached through a method's timings in several contexts was counted for the first one's roots
 * only, and a loop found on a hot path for the roots with a hot path only ({@code size}: 1 root of 189).
 */
class RootCountsTest {
    /** The rules of findings on a root's paths (an unbounded loop in library code: at each user call that leads to it). */
    private static final Set<Rule> PATH_RULES = EnumSet.of(Rule.HEAP_ALLOCATION, Rule.GROWABLE_COLLECTION,
            Rule.RECURSION, Rule.BLOCKING_CALL, Rule.UNRESOLVED_CALL, Rule.UNBOUNDED_LOOP);

    @Test
    void everyPathFindingCountsTheRootsThatHaveIt() {
        AnalysisResult byRoot = analyze(FindingGrouping.ROOT);
        AnalysisResult byLocation = analyze(FindingGrouping.LOCATION);
        Map<String, Set<String>> roots = new HashMap<>();
        for (Finding f : byRoot.findings()) {
            if (PATH_RULES.contains(f.rule())) {
                roots.computeIfAbsent(key(f), k -> new HashSet<>()).add(f.root().toString());
            }
        }
        int rootTotal = byLocation.summary().roots();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        Set<String> lines = new HashSet<>();
        for (Finding f : byLocation.findings()) {
            if (!lines.add(key(f))) {
                mismatches.add(key(f) + ": reported twice"); // copies of an inherited method, one finding each
            }
            if (f.rootCount() > rootTotal) {
                mismatches.add(key(f) + ": " + f.rootCount() + " roots of " + rootTotal);
            }
            if (PATH_RULES.contains(f.rule())) {
                compared++;
                int expected = roots.getOrDefault(key(f), Set.of()).size();
                if (f.rootCount() != expected) {
                    mismatches.add(key(f) + ": " + f.rootCount() + " roots, by root " + expected);
                }
            }
        }
        assertTrue(compared > 1000, "JCTools' every method reaches over a thousand path findings: " + compared);
        assertEquals("", String.join("\n", mismatches.subList(0, Math.min(30, mismatches.size()))),
                mismatches.size() + " mismatches");
    }

    private static AnalysisResult analyze(FindingGrouping grouping) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(Libraries.JCTOOLS.jar())
                .addRootPattern("org.jctools.**#*").grouping(grouping).build(), AnalysisListener.SILENT);
    }

    private static String key(Finding f) {
        return f.rule().id() + " " + f.location().method() + ":" + f.location().line();
    }
}
