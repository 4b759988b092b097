package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictSummaryTest {
    private static final String GROWTH = "  TelemetryHandler.java:31 in onSample  growable-collection"
            + "  call to java.util.ArrayList#add(Ljava/lang/Object;)Z may grow the collection";
    private static final String BOXING = "  Motor$Filter in apply  heap-allocation  " + ReportFixtures.HOSTILE_MESSAGE;

    private static AnalysisResult passing(AnalysisResult r, List<Finding> findings) {
        return new AnalysisResult(r.toolVersion(), Verdict.PASS, null, r.dispatch(), r.summary(), r.roots(), findings,
                r.inputProblems(), r.memory(), r.timing());
    }

    @Test
    void countsNameTheVerdictAndEveryCount() {
        assertEquals("FAIL, 2 errors, 2 warnings, 1 suppressed (2 roots, 57 methods in 14 classes, dispatch rta)",
                VerdictSummary.counts(ReportFixtures.fixture()));
        assertEquals("PASS, 0 errors, 0 warnings, 0 suppressed (0 roots, 0 methods in 0 classes, dispatch rta)",
                VerdictSummary.counts(ReportFixtures.empty()));
    }

    @Test
    void aFailListsTheUnsuppressedFindingsThatFailIt() {
        assertEquals(List.of(BOXING, GROWTH),
                VerdictSummary.findings(ReportFixtures.fixture(), severity -> severity == Severity.ERROR));
        assertEquals(4, VerdictSummary.findings(ReportFixtures.fixture(), severity -> true).size(),
                "with warnings failing too: the unused suppression and the cold-path warning as well");
    }

    @Test
    void aPassListsEveryUnsuppressedFinding() {
        AnalysisResult fixture = ReportFixtures.fixture();
        List<String> lines = VerdictSummary.findings(passing(fixture, fixture.findings()), severity -> false);
        assertEquals(List.of(
                "  Motor.java:12 in calibrate  unused-suppression  @Suppress(\"heap-allocation\") on calibrate suppresses nothing",
                BOXING, GROWTH,
                "  TelemetryHandler.java:40 in fail  heap-allocation  new java.lang.IllegalStateException on a path that only throws"),
                lines);
        assertEquals(List.of(), VerdictSummary.findings(ReportFixtures.empty(), severity -> true));
    }

    @Test
    void namesFromClassFilesCannotActOnTheTerminal() {
        MethodId hostile = new MethodId("demo.Evil\u001b[2J", "on\rTick\u009b", "()V");
        Finding finding = new Finding(Rule.HEAP_ALLOCATION, Severity.ERROR, "new demo.Evil\u001b[2J\ud800", null,
                false, null, new Location(hostile, "Evil\u0007.java", 3), hostile, List.of(), false, 1);
        AnalysisResult fixture = ReportFixtures.fixture();
        assertEquals(List.of("  Evil\\u0007.java:3 in on\\u000dTick\\u009b  heap-allocation  new demo.Evil\\u001b[2J\\ud800"),
                VerdictSummary.findings(passing(fixture, List.of(finding)), severity -> false));
    }

    @Test
    void findingsBeyondTheLimitAreCounted() {
        List<Finding> many = new ArrayList<>();
        for (int line = 1; line <= VerdictSummary.FINDINGS_SHOWN + 4; line++) {
            many.add(new Finding(Rule.HEAP_ALLOCATION, Severity.ERROR, "new java.lang.Object", null, false, null,
                    new Location(ReportFixtures.ON_SAMPLE, "TelemetryHandler.java", line), ReportFixtures.ON_SAMPLE,
                    List.of(), false, 1));
        }
        AnalysisResult result = new AnalysisResult("0.1.0", Verdict.FAIL, "14 findings", "vta",
                new Summary(many.size(), 0, 0, 1, 1, 1), List.of(), many, List.of(), null, null);
        List<String> lines = VerdictSummary.findings(result, severity -> true);
        assertEquals(VerdictSummary.FINDINGS_SHOWN + 1, lines.size());
        assertEquals("  TelemetryHandler.java:10 in onSample  heap-allocation  new java.lang.Object",
                lines.get(VerdictSummary.FINDINGS_SHOWN - 1));
        assertEquals("  ... and 4 more", lines.get(VerdictSummary.FINDINGS_SHOWN));
    }

    @Test
    void shortenedMessageKeepsItsHead() {
        assertEquals("call to java.util.ArrayList.add(Object) may grow the collection",
                VerdictSummary.shorten("call to java.util.ArrayList.add(Object) may grow the collection: appends or inserts"));
        assertEquals("synchronized block: may wait for the monitor",
                VerdictSummary.shorten("synchronized block: may wait for the monitor"));
        assertEquals(100, VerdictSummary.shorten("x".repeat(300)).length());
    }
}
