package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.ColdPathPolicy;
import dev.headroom.core.Headroom;
import dev.headroom.core.TimingExceptions;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-path policy applies to unbounded loops as to every other rule, and a root's bound covers the
 * runs that complete normally: on the ColdTiming target, {@code list.add(x)} has exactly its growth as an
 * error, the loop in {@code Integer.getChars} that only builds an OutOfMemoryError's message is a cold
 * warning (an error under {@code --cold-paths error}, gone under {@code ignore}), and a length check that
 * throws with a built message leaves its root bounded, the throw listed as an exceptional exit.
 */
class ColdTimingTest {
    private static final String TARGETS = "dev/headroom/validation/targets";

    @TempDir
    static Path inputs;

    @BeforeAll
    static void copyTarget() throws IOException {
        TargetPrograms.copy(TARGETS, "ColdTiming", inputs);
    }

    private static AnalysisResult analyze(ColdPathPolicy cold, TimingExceptions exceptions) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(inputs).coldPaths(cold).timingExceptions(exceptions)
                .build(), AnalysisListener.SILENT);
    }

    private static List<Finding> loops(AnalysisResult result) {
        return result.findings().stream().filter(f -> f.rule() == Rule.UNBOUNDED_LOOP).toList();
    }

    private static RootTiming root(AnalysisResult result, String method) {
        return result.timing().roots().stream().filter(r -> r.root().name().equals(method)).findFirst().orElseThrow();
    }

    @Test
    void theOnlyErrorOfAddIsItsGrowthAndItsColdLoopIsAWarning() {
        AnalysisResult result = analyze(ColdPathPolicy.WARNING, TimingExceptions.EXCLUDE);
        List<String> errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.rule().id() + " " + f.location().method().name()).toList();
        assertEquals(List.of("growable-collection add"), errors);
        List<Finding> loops = loops(result);
        assertTrue(loops.stream().anyMatch(f -> f.location().method().name().equals("add")
                && f.message().contains("in java.lang.Integer.getChars(int, int, byte[]) has no bound")), loops.toString());
        for (Finding f : loops) {
            assertTrue(f.coldPath(), f.toString());
            assertEquals(Severity.WARNING, f.severity(), f.toString());
        }
    }

    @Test
    void coldLoopsFollowTheColdPathPolicy() {
        List<Finding> asErrors = loops(analyze(ColdPathPolicy.ERROR, TimingExceptions.EXCLUDE));
        assertFalse(asErrors.isEmpty(), "the cold loops are reported");
        asErrors.forEach(f -> assertEquals(Severity.ERROR, f.severity(), f.toString()));
        assertEquals(List.of(), loops(analyze(ColdPathPolicy.IGNORE, TimingExceptions.EXCLUDE)));
    }

    @Test
    void aThrowPathLeavesTheBoundOfNormalRunsAndIsListed() {
        RootTiming normal = root(analyze(ColdPathPolicy.WARNING, TimingExceptions.EXCLUDE), "write");
        assertTrue(normal.bounded(), normal.toString());
        assertEquals(List.of("ColdTiming.java:35 in dev.headroom.validation.targets.ColdTiming.checkMsgLength(int)"),
                normal.exceptionalExits());
        RootTiming through = root(analyze(ColdPathPolicy.WARNING, TimingExceptions.EXCLUDE), "writeThrough");
        assertTrue(through.bounded(), through.toString());
        assertEquals(normal.exceptionalExits(), through.exceptionalExits(), "through a callee that throws nothing itself");
        RootTiming all = root(analyze(ColdPathPolicy.WARNING, TimingExceptions.INCLUDE), "write");
        assertFalse(all.bounded(), "the message is built by a loop without a bound: " + all);
        assertEquals(List.of(), all.exceptionalExits());
    }
}
