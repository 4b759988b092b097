package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.ExpectationHarness;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation targets under {@code dev.headroom.validation.targets} carry their expected findings as
 * {@code // expect:} comments; this runs the analyzer on their compiled classes and checks every one,
 * in both directions, for every path rule.
 *
 * <p>Each top-level target class, with its nested classes, is analysed as a program of its own, as a
 * user's {@code target/classes} would be: what one target instantiates does not become a dispatch
 * target of another's calls.
 */
class ValidationTest {
    private static final String TARGETS = "dev/headroom/validation/targets";
    private static final Path SOURCES = Path.of("src/test/java");
    private static final List<Rule> PATH_RULES = List.of(Rule.GROWABLE_COLLECTION, Rule.HEAP_ALLOCATION,
            Rule.BLOCKING_CALL, Rule.RECURSION, Rule.UNRESOLVED_CALL, Rule.UNUSED_SUPPRESSION, Rule.IGNORED_CAPACITY_RESULT);

    @TempDir
    static Path programs;

    /** Top-level target name to the folder holding it and its nested classes. */
    private static final TreeMap<String, Path> PROGRAMS = new TreeMap<>();

    @BeforeAll
    static void splitTargetsIntoPrograms() throws IOException {
        PROGRAMS.putAll(TargetPrograms.copyEach(TARGETS, programs));
    }

    /**
     * Some targets have no root on purpose (nothing is found in them): allowed, not a usage error. The
     * headroom-collections library is on the class path, as a user's dependency would be.
     */
    static AnalysisResult analyze(Path program) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(program).addClasspath(TargetPrograms.collectionsLibrary())
                .allowNoRoots(true).build(), AnalysisListener.SILENT);
    }


    @Test
    void everyExpectationHoldsAndNothingElseIsFound() {
        List<Finding> findings = new ArrayList<>();
        int roots = 0;
        for (Path program : PROGRAMS.values()) {
            AnalysisResult result = analyze(program);
            findings.addAll(result.findings());
            roots += result.roots().size();
        }
        assertFalse(roots == 0, "the targets have roots");
        ExpectationHarness.assertMatches(findings, SOURCES, TARGETS, PATH_RULES);
    }
}
