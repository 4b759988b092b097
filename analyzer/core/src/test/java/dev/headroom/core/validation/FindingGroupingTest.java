package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.ColdPathPolicy;
import dev.headroom.core.FindingGrouping;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.TargetPrograms;
import dev.headroom.core.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-root findings by default; one per location with a root count under {@code --group-by location}. */
class FindingGroupingTest {
    private static final String TARGETS = "dev/headroom/validation/targets";

    @TempDir
    Path program;

    @TempDir
    Path programs;

    private AnalysisResult analyze(FindingGrouping grouping) throws IOException {
        TargetPrograms.copy(TARGETS, "SharedHelpers", program);
        return Headroom.analyze(AnalysisConfig.builder().addInput(program).grouping(grouping).build(),
                AnalysisListener.SILENT);
    }

    private static List<Finding> of(AnalysisResult result, Rule rule) {
        return result.findings().stream().filter(f -> f.rule() == rule).toList();
    }

    @Test
    void byRootEachRootHasItsOwnFindingWithItsOwnSeverity() throws IOException {
        AnalysisResult result = analyze(FindingGrouping.ROOT);
        List<Finding> allocations = of(result, Rule.HEAP_ALLOCATION);
        List<Finding> blocking = of(result, Rule.BLOCKING_CALL);
        assertEquals(2, allocations.size(), allocations.toString());
        assertEquals(List.of("onIrq", "onTick"), allocations.stream().map(f -> f.root().name()).sorted().toList());
        assertEquals(2, blocking.size());
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), blocking.stream().map(Finding::severity).sorted().toList());
        assertEquals(List.of("onIrq", "onTick"),
                of(result, Rule.UNBOUNDED_LOOP).stream().map(f -> f.root().name()).sorted().toList());
        result.findings().forEach(f -> assertEquals(1, f.rootCount()));
    }

    @Test
    void byLocationOneFindingPerLineUnderTheMostSevereRoot() throws IOException {
        AnalysisResult result = analyze(FindingGrouping.LOCATION);
        List<Finding> allocations = of(result, Rule.HEAP_ALLOCATION);
        List<Finding> blocking = of(result, Rule.BLOCKING_CALL);
        assertEquals(1, allocations.size(), allocations.toString());
        assertEquals(2, allocations.get(0).rootCount());
        assertEquals(1, blocking.size());
        assertEquals(Severity.ERROR, blocking.get(0).severity());
        assertEquals("onIrq", blocking.get(0).root().name());
        assertEquals(2, blocking.get(0).rootCount());
        List<Finding> loops = of(result, Rule.UNBOUNDED_LOOP);
        assertEquals(1, loops.size(), loops.toString());
        assertEquals("onIrq", loops.get(0).root().name(), "the first root in order");
        assertEquals(2, loops.get(0).rootCount());
        assertEquals(3, result.summary().errors(), "one allocation, one blocking and one unbounded-loop error");
    }

    /**
     * Grouping by location walks each kind of root at once and counts the roots that reach a line without a
     * walk per root. It must agree with grouping by root, merged afterwards: the same lines, each with the
     * number of roots that have it and the most severe of their severities. Every target, and all of them
     * as one program (many roots sharing helpers), under every cold-path policy.
     */
    @Test
    void byLocationAgreesWithByRootMergedAfterwards() throws IOException {
        Map<String, Path> targets = new TreeMap<>(TargetPrograms.copyEach(TARGETS, programs.resolve("each")));
        Path all = programs.resolve("all");
        for (String name : new ArrayList<>(targets.keySet())) {
            TargetPrograms.copy(TARGETS, name, all);
        }
        targets.put("all targets", all);
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Path> target : targets.entrySet()) {
            for (ColdPathPolicy cold : ColdPathPolicy.values()) {
                Map<String, String> byRoot = mergedByHand(analyze(target.getValue(), FindingGrouping.ROOT, cold));
                Map<String, String> byLocation = new TreeMap<>();
                for (Finding f : analyze(target.getValue(), FindingGrouping.LOCATION, cold).findings()) {
                    byLocation.put(key(f), f.severity().id() + " x" + f.rootCount());
                }
                Set<String> lines = new TreeSet<>(byRoot.keySet());
                lines.addAll(byLocation.keySet());
                for (String line : lines) {
                    if (!Objects.equals(byRoot.get(line), byLocation.get(line))) {
                        mismatches.add(target.getKey() + " (--cold-paths " + cold.id() + ") " + line + ": by root, merged: "
                                + byRoot.get(line) + "; by location: " + byLocation.get(line));
                    }
                }
            }
        }
        assertTrue(targets.size() > 20, "the targets were found: " + targets.keySet());
        assertEquals("", String.join("\n", mismatches));
    }

    /** Some targets have no root on purpose: allowed, not a usage error. */
    private static AnalysisResult analyze(Path input, FindingGrouping grouping, ColdPathPolicy cold) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(input).grouping(grouping).coldPaths(cold)
                .allowNoRoots(true).build(), AnalysisListener.SILENT);
    }

    /** Per-root findings merged by rule and line: the most severe, and how many roots have one there. */
    private static Map<String, String> mergedByHand(AnalysisResult result) {
        Map<String, Severity> severity = new TreeMap<>();
        Map<String, Integer> roots = new TreeMap<>();
        for (Finding f : result.findings()) {
            severity.merge(key(f), f.severity(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            roots.merge(key(f), f.rootCount(), Integer::sum);
        }
        Map<String, String> merged = new TreeMap<>();
        severity.forEach((k, s) -> merged.put(k, s.id() + " x" + roots.get(k)));
        return merged;
    }

    private static String key(Finding f) {
        return f.rule().id() + " " + f.location().method() + ":" + f.location().line();
    }
}
