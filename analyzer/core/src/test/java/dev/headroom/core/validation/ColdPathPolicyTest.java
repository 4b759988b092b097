package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.ColdPathPolicy;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-path policy over the validation targets: the default reports cold findings as warnings,
 * {@code error} reports the same findings with their rule's own severity, {@code ignore} drops exactly
 * the cold ones.
 */
class ColdPathPolicyTest {
    private static final String TARGETS = "dev/headroom/validation/targets";

    @TempDir
    static Path inputs;

    @BeforeAll
    static void copyTargets() throws IOException {
        Path compiled = Path.of("target/test-classes").resolve(TARGETS);
        try (Stream<Path> files = Files.walk(compiled)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = inputs.resolve(TARGETS).resolve(compiled.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
    }

    /** A finding without its severity, to compare one finding across policies. */
    private record Key(String rule, String location, String root, String message, boolean suppressed) {
        static Key of(Finding f) {
            return new Key(f.rule().id(), f.location().toString(), String.valueOf(f.root()), f.message(), f.suppressed());
        }
    }

    private static AnalysisResult analyze(ColdPathPolicy policy) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(inputs).coldPaths(policy).build(), AnalysisListener.SILENT);
    }

    @Test
    void coldFindingsAreWarningsByDefault() {
        List<Finding> cold = analyze(ColdPathPolicy.WARNING).findings().stream().filter(Finding::coldPath).toList();
        assertFalse(cold.isEmpty(), "the targets have cold paths");
        for (Finding f : cold) {
            assertEquals(Severity.WARNING, f.severity(), f.toString());
            assertTrue(f.message().endsWith("(on a path that only throws)"), f.message());
        }
    }

    @Test
    void errorPolicyReportsTheSameFindingsWithTheirRulesSeverity() {
        List<Finding> byDefault = analyze(ColdPathPolicy.WARNING).findings();
        List<Finding> asErrors = analyze(ColdPathPolicy.ERROR).findings();
        assertEquals(byDefault.stream().map(Key::of).toList(), asErrors.stream().map(Key::of).toList());
        List<Finding> coldAllocations = asErrors.stream()
                .filter(f -> f.coldPath() && f.rule() == Rule.HEAP_ALLOCATION)
                .toList();
        assertFalse(coldAllocations.isEmpty(), "the targets allocate on cold paths");
        coldAllocations.forEach(f -> assertEquals(Severity.ERROR, f.severity(), f.toString()));
    }

    @Test
    void ignorePolicyDropsExactlyTheColdFindings() {
        List<Key> hot = analyze(ColdPathPolicy.WARNING).findings().stream()
                .filter(f -> !f.coldPath())
                .map(Key::of)
                .toList();
        List<Finding> ignoring = analyze(ColdPathPolicy.IGNORE).findings();
        assertTrue(ignoring.stream().noneMatch(Finding::coldPath), "no cold finding is reported");
        assertEquals(hot, ignoring.stream().map(Key::of).toList());
    }
}
