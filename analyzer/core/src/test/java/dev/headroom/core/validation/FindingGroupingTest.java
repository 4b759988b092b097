package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.FindingGrouping;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.TargetPrograms;
import dev.headroom.core.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-root findings by default; one per location with a root count under {@code --group-by location}. */
class FindingGroupingTest {
    private static final String TARGETS = "dev/headroom/validation/targets";

    @TempDir
    Path program;

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
}
