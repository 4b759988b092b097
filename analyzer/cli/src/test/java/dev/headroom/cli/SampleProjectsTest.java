package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.ColdPathPolicy;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Verdict;
import dev.headroom.core.testing.ExpectationHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dogfood: the analyzer checks its own sample projects. The clean one passes with nothing found; the
 * one with mistakes fails with exactly the findings its sources expect ({@code // expect:} comments).
 */
class SampleProjectsTest {
    private static final Path SAMPLES = Path.of("../../sample-projects");
    /** Every rule: the samples' sources name every finding they expect (budget rules only fire with budgets). */
    private static final List<Rule> ALL_RULES = List.of(Rule.values());

    private static Path classes(String sample) {
        return SAMPLES.resolve(sample).resolve("target/classes");
    }

    private static AnalysisResult analyze(String sample) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(classes(sample)).build(), AnalysisListener.SILENT);
    }

    /** The library the fixed telemetry sample depends on, as its users' builds put it on the classpath. */
    static final Path COLLECTIONS = Path.of("../../collections/target/classes");

    @Test
    void motorControllerIsClean() {
        AnalysisResult result = analyze("motor-controller");
        assertEquals(3, result.roots().size(), "roots");
        ExpectationHarness.assertMatches(result, SAMPLES.resolve("motor-controller/src/main/java"), "", ALL_RULES);
        assertEquals(0, result.findings().size(), "findings: " + result.findings());
    }

    @Test
    void telemetryMistakesHasExactlyTheExpectedFindings() {
        AnalysisResult result = analyze("telemetry-mistakes");
        ExpectationHarness.assertMatches(result, SAMPLES.resolve("telemetry-mistakes/src/main/java"), "", ALL_RULES);
    }

    /**
     * The mistakes sample rewritten with headroom-collections (issue 13): the same behaviour, and Headroom passes
     * it as its Maven profile checks it, with budgets and throw-only paths ignored (their only findings are loops
     * in the JDK's out-of-bounds messages, which index checks that pass never build): no finding, every root bounded within its deadline
     * from the capacities fixed in static state, the footprint within the RAM budget.
     */
    @Test
    void telemetryFixedPassesWithBudgetsAndDeadlines() {
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(classes("telemetry-fixed"))
                .addClasspath(COLLECTIONS).ramBudget(16 * 1024L).stackBudget(2048L).coldPaths(ColdPathPolicy.IGNORE).build(),
                AnalysisListener.SILENT);
        ExpectationHarness.assertMatches(result, SAMPLES.resolve("telemetry-fixed/src/main/java"), "", ALL_RULES);
        assertAll(
                () -> assertEquals(5, result.roots().size(), "roots"),
                () -> assertEquals(List.of(), result.findings(), "findings"),
                () -> assertTrue(result.timing().roots().stream().allMatch(t -> t.bounded() && t.deadline() != null),
                        "every root bounded and with a deadline: " + result.timing().roots()),
                () -> assertTrue(result.memory().bounded() && result.memory().verdict() == Verdict.PASS,
                        "the footprint is known, within the budget: " + result.memory()),
                () -> assertTrue(result.timing().roots().stream().allMatch(t -> t.verdict() == Verdict.PASS), "deadlines met"));
    }

    @Test
    void twoRunsGiveByteIdenticalReports() {
        String sample = classes("telemetry-mistakes").toString();
        for (String grouping : List.of("root", "location")) {
            for (String format : List.of("json", "text")) {
                CliRun first = CliRun.of("check", "--group-by", grouping, "--format", format, sample);
                CliRun second = CliRun.of("check", "--group-by", grouping, "--format", format, sample);
                assertEquals(first.out(), second.out(), format + " report by " + grouping + " differs between two runs");
                assertTrue(first.out().length() > 1000, format + " report is suspiciously short");
            }
        }
    }

    /** With a second thread the path analysis runs beside the memory and timing analyses: the reports are the same bytes. */
    @Test
    void reportsAreByteIdenticalWithOneOrTwoThreads() {
        String sample = classes("telemetry-mistakes").toString();
        for (String grouping : List.of("root", "location")) {
            for (String format : List.of("json", "text")) {
                CliRun one = CliRun.of("check", "--threads", "1", "--group-by", grouping, "--format", format, sample);
                CliRun two = CliRun.of("check", "--threads", "2", "--group-by", grouping, "--format", format, sample);
                assertAll(
                        () -> assertEquals(ExitCodes.FAIL, one.exitCode(), one.err()),
                        () -> assertEquals(one.out(), two.out(), format + " report by " + grouping + " with 1 and 2 threads"),
                        () -> assertEquals(one.err(), two.err(), "what the runs say on standard error"));
            }
        }
    }

    /**
     * The integer programs the worst-case bounds solve, and the JDK's methods scanned, are kept in the cache directory;
     * the next run reads them instead of solving and scanning, and its reports are the same bytes as with no cache at all.
     */
    @Test
    void reportsAreByteIdenticalWithTheCacheColdWarmOrOff(@TempDir Path cache) throws IOException {
        String sample = classes("telemetry-mistakes").toString();
        List<String> formats = List.of("json", "text");
        for (String format : formats) {
            CliRun none = CliRun.of("check", "--no-cache", "--format", format, sample);
            CliRun cold = CliRun.of("check", "--cache-dir", cache.toString(), "--format", format, sample);
            assertTrue(Files.size(cache.resolve("ipet-solutions.txt")) > 100, "the solved programs are kept");
            CliRun warm = CliRun.of("check", "--cache-dir", cache.toString(), "--format", format, sample);
            assertAll(
                    () -> assertEquals(ExitCodes.FAIL, none.exitCode(), none.err()),
                    () -> assertEquals(none.out(), cold.out(), format + " report with a cold cache"),
                    () -> assertEquals(none.out(), warm.out(), format + " report with a warm cache"),
                    () -> assertEquals(none.err(), warm.err(), "what a warm run says on standard error"));
        }
        try (Stream<Path> files = Files.list(cache)) { // from the second run on (the first only marks the directory)
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("jdk-scans-.*\\.bin")), "the JDK's scans are kept");
        }
    }

    @Test
    void cliPassesTheCleanSamplesAndFailsTheOther() {
        CliRun clean = CliRun.of("check", classes("motor-controller").toString());
        CliRun fixed = CliRun.of("check", "--ram-budget", "16KiB", "--stack-budget", "2KiB", "--cold-paths", "ignore",
                "--classpath", COLLECTIONS.toString(), classes("telemetry-fixed").toString());
        CliRun failing = CliRun.of("check", "--format", "json", classes("telemetry-mistakes").toString());
        JsonObject report = JsonParser.parseString(failing.out()).getAsJsonObject();
        assertAll(
                () -> assertEquals(ExitCodes.PASS, clean.exitCode(), clean.err()),
                () -> assertTrue(clean.out().contains("PASS"), clean.out()),
                () -> assertEquals(ExitCodes.PASS, fixed.exitCode(), fixed.err()),
                () -> assertTrue(fixed.out().startsWith("Headroom 0.1.0  PASS  0 errors, 0 warnings, 0 suppressed  (5 roots,"),
                        fixed.out()),
                () -> assertEquals(ExitCodes.FAIL, failing.exitCode(), failing.err()),
                () -> assertEquals("fail", report.get("verdict").getAsString()),
                () -> assertTrue(report.getAsJsonObject("summary").get("errors").getAsInt() > 0));
    }
}
