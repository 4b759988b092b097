package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.ExpectationHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation targets under {@code dev.headroom.validation.targets} carry their expected findings as
 * {@code // expect:} comments; this runs the analyzer on their compiled classes and checks every one,
 * in both directions, for every path rule.
 */
class ValidationTest {
    private static final String TARGETS = "dev/headroom/validation/targets";
    private static final Path SOURCES = Path.of("src/test/java");
    private static final List<Rule> PATH_RULES = List.of(Rule.GROWABLE_COLLECTION, Rule.HEAP_ALLOCATION,
            Rule.BLOCKING_CALL, Rule.RECURSION, Rule.UNRESOLVED_CALL, Rule.UNUSED_SUPPRESSION);

    @TempDir
    static Path inputs;

    /** Only the target classes are inputs, as a user's target/classes would be. */
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

    static AnalysisResult analyze(AnalysisConfig.Builder config) {
        return Headroom.analyze(config.addInput(inputs).build(), AnalysisListener.SILENT);
    }

    @Test
    void everyExpectationHoldsAndNothingElseIsFound() {
        AnalysisResult result = analyze(AnalysisConfig.builder());
        assertFalse(result.roots().isEmpty(), "the targets have roots");
        ExpectationHarness.assertMatches(result, SOURCES, TARGETS, PATH_RULES);
    }
}
