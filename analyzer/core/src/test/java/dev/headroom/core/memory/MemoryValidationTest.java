package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.roots.InitializerFinder;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Verdict;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation targets under {@code dev.headroom.validation.memory}, checked against their comments. */
class MemoryValidationTest {
    private static final String TARGETS = "dev/headroom/validation/memory";
    private static final Path SOURCES = Path.of("src/test/java");

    @TempDir
    Path programs;

    private MemoryResult analyze(Path program, Long budget) {
        try (ClassRepository classes = ClassRepository.open(List.of(program), List.of(), null, AnalysisListener.SILENT)) {
            return new MemoryAnalysis(classes, new Hierarchy(classes), RuleBook.loadBundled(), Layouts.defaultLayout())
                    .analyze(budget);
        }
    }

    @Test
    void everyExpectationHoldsAndNothingElseIsCounted() throws IOException {
        for (Path program : TargetPrograms.copyEach(TARGETS, programs).values()) {
            try (ClassRepository classes = ClassRepository.open(List.of(program), List.of(), null, AnalysisListener.SILENT)) {
                Hierarchy hierarchy = new Hierarchy(classes);
                MemoryResult result = new MemoryAnalysis(classes, hierarchy, RuleBook.loadBundled(), Layouts.defaultLayout())
                        .analyze(null, StaticScope.all(), InitializerFinder.find(classes, hierarchy, List.of()));
                String top = program.getFileName().toString();
                MemoryExpectations.assertMatches(result, classes, SOURCES, TARGETS + "/" + top + ".java");
            }
        }
    }

    @Test
    void describesWhatWasCountedAndSortsBySize() throws IOException {
        Path program = TargetPrograms.copy(TARGETS, "RingBuffers", programs);
        MemoryResult result = analyze(program, null);
        List<MemoryItem> items = result.items();
        assertEquals("dev.headroom.validation.memory.RingBuffers.EVENTS", items.get(0).field());
        assertEquals("dev.headroom.validation.memory.RingBuffers$Ring", items.get(0).type());
        assertEquals("RingBuffers$Ring + Object[128]", items.get(0).detail());
        assertEquals("RingBuffers$Slot[16] + 16 x RingBuffers$Slot", items.get(1).detail());
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).bytes() >= items.get(i).bytes(), "sorted by bytes: " + items);
        }
        assertEquals(560 + 112 + 328 + 464 + 16, result.totalBytes());
        assertTrue(result.bounded());
        assertNull(result.verdict());
    }

    @Test
    void reportsBudgetExceededWithTheLargestItems() throws IOException {
        Path program = TargetPrograms.copy(TARGETS, "Buffers", programs);
        MemoryResult result = analyze(program, 4096L);
        long total = 4112 + 4112 + 1048 + 352 + 16 + 32 + 272 + 104;
        assertEquals(total, result.totalBytes());
        assertEquals(Verdict.FAIL, result.verdict());
        MemoryFinding f = result.findings().stream().filter(x -> x.rule() == Rule.RAM_BUDGET_EXCEEDED).findFirst().orElseThrow();
        assertTrue(f.message().contains(total + " bytes, " + (total - 4096) + " bytes above the RAM budget of 4096 bytes"), f.message());
        assertTrue(f.message().contains("Buffers.SAMPLES 4112 bytes (int[1024])"), f.message());
        assertTrue(f.message().contains("Buffers.TIMES 4112 bytes (long[512])"), f.message());
        assertTrue(f.message().contains("Buffers.FRAME 1048 bytes (byte[1027])"), f.message());
        assertEquals("<clinit>", f.location().name());

        MemoryResult fits = analyze(program, total);
        assertEquals(Verdict.PASS, fits.verdict());
        assertTrue(fits.findings().isEmpty(), fits.findings().toString());
    }

    @Test
    void unboundedStaticMakesTheTotalALowerBound() throws IOException {
        Path program = TargetPrograms.copy(TARGETS, "SharedAndUnbounded", programs);
        MemoryResult result = analyze(program, 1_000_000L);
        assertFalse(result.bounded());
        assertEquals(Verdict.FAIL, result.verdict(), "an unbounded footprint cannot be shown to fit");
        assertTrue(result.findings().stream().anyMatch(f -> f.message().contains("SharedAndUnbounded.NAMES")
                && f.message().contains("growable java.util.ArrayList")), result.findings().toString());
        assertTrue(result.findings().stream().anyMatch(f -> f.message().contains("SharedAndUnbounded.FROM_CLOCK")
                && f.message().contains("non-constant length")), result.findings().toString());
        assertTrue(result.findings().stream().anyMatch(f -> f.message().contains("SharedAndUnbounded.CHAIN")
                && f.message().contains("loop whose bound is not known")), result.findings().toString());
        MemoryItem second = result.items().stream().filter(i -> i.field().endsWith(".SECOND")).findFirst().orElseThrow();
        assertEquals(0, second.bytes());
        assertEquals("the same object as dev.headroom.validation.memory.SharedAndUnbounded.FIRST", second.detail());
    }
}
