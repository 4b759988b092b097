package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.rules.EventKind;
import dev.headroom.core.rules.EventRemedies;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings the analyzer makes itself carry the remedy the data gives for their kind of event. */
class EventRemedyFindingsTest {
    private static final String TARGETS = "dev/headroom/validation/targets";
    private static final EventRemedies REMEDIES = EventRemedies.bundled();

    @TempDir
    Path program;

    private List<Finding> findings(String target) throws IOException {
        TargetPrograms.copy(TARGETS, target, program.resolve(target));
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(program.resolve(target)).build(),
                AnalysisListener.SILENT);
        return result.findings();
    }

    private static Finding the(List<Finding> findings, Rule rule, String messagePart) {
        List<Finding> matching = findings.stream()
                .filter(f -> f.rule() == rule && f.message().contains(messagePart)).toList();
        assertFalse(matching.isEmpty(), "no " + rule.id() + " finding with '" + messagePart + "' in " + findings);
        return matching.get(0);
    }

    private static void assertRemedy(EventKind kind, Finding finding) {
        assertEquals(REMEDIES.remedy(kind), finding.remedy(), finding.toString());
        assertNotEquals(finding.rule().remedy(), finding.remedy(), "a specific remedy, not the rule's general one");
    }

    @Test
    void explicitNewArraysAndClones() throws IOException {
        List<Finding> findings = findings("ExplicitAllocation");
        assertRemedy(EventKind.NEW, the(findings, Rule.HEAP_ALLOCATION, "new java.lang.Object"));
        assertRemedy(EventKind.ARRAY, the(findings, Rule.HEAP_ALLOCATION, "new int[]"));
        assertRemedy(EventKind.ARRAY_CLONE, the(findings, Rule.HEAP_ALLOCATION, "array clone"));
    }

    @Test
    void stringConcatenation() throws IOException {
        assertRemedy(EventKind.CONCATENATION,
                the(findings("StringConversions"), Rule.HEAP_ALLOCATION, "string concatenation"));
    }

    @Test
    void capturingLambda() throws IOException {
        assertRemedy(EventKind.CAPTURING_LAMBDA, the(findings("Lambdas"), Rule.HEAP_ALLOCATION, "capturing lambda"));
    }

    @Test
    void recursion() throws IOException {
        assertRemedy(EventKind.RECURSION, the(findings("Recursion"), Rule.RECURSION, "recursive call"));
    }

    @Test
    void packEntriesKeepTheirOwnRemedy() throws IOException {
        Finding growth = the(findings("GrowableCollections"), Rule.GROWABLE_COLLECTION, "call to");
        assertNotEquals(growth.rule().remedy(), growth.remedy());
        assertFalse(REMEDIES.forRule(Rule.GROWABLE_COLLECTION).containsValue(growth.remedy()), growth.toString());
    }
}
