package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static state is judged for what the roots use, or as a whole under a RAM budget. */
class StaticScopeTest {
    private static final String TARGET = "dev.headroom.validation.scope.LibraryStatics";

    @TempDir
    Path programs;

    private AnalysisResult run(Long budget) throws IOException {
        Path program = TargetPrograms.copy("dev/headroom/validation/scope", "LibraryStatics", programs);
        AnalysisConfig.Builder config = AnalysisConfig.builder().addInput(program).addRootPattern(TARGET + "#onTick");
        if (budget != null) {
            config.ramBudget(budget);
        }
        return Headroom.analyze(config.build(), AnalysisListener.SILENT);
    }

    private static List<String> unboundedStatics(AnalysisResult result) {
        return result.findings().stream().filter(f -> f.rule() == Rule.UNBOUNDED_STATIC).map(Finding::message)
                .map(m -> m.substring("static field ".length(), m.indexOf(" cannot be bounded"))).sorted().toList();
    }

    @Test
    void withoutABudgetOnlyTheStaticStateTheRootsUseIsJudged() throws IOException {
        AnalysisResult result = run(null);
        assertEquals(List.of(TARGET + ".TOUCHED"), unboundedStatics(result),
                "UNTOUCHED is only reached by configure, which is not on the root's path");
        assertEquals(List.of(TARGET + "$Base.INHERITED", TARGET + ".LOOKUP", TARGET + ".TOUCHED"),
                result.memory().items().stream().map(MemoryItem::field).sorted().toList(),
                "read directly, through a callee, and through a subclass; the int counter holds no reference");
    }

    @Test
    void aBudgetJudgesAllStaticState() throws IOException {
        AnalysisResult result = run(1L << 20);
        assertEquals(List.of(TARGET + ".TOUCHED", TARGET + ".UNTOUCHED"), unboundedStatics(result));
        assertEquals(List.of(TARGET + "$Base.INHERITED", TARGET + ".LOOKUP", TARGET + ".TOUCHED", TARGET + ".UNTOUCHED"),
                result.memory().items().stream().map(MemoryItem::field).sorted().toList());
    }
}
