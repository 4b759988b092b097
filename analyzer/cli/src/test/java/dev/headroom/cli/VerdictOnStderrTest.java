package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing check always says so on standard error when its report is not in the log (written to files, or
 * to standard output in a format for machines): the verdict and counts, the first findings, where the reports
 * are. Standard output stays the report.
 */
class VerdictOnStderrTest {
    private static final String FAIL_LINE = "headroom: FAIL, 2 errors, 1 warning, 0 suppressed (1 root, ";
    private static final String REASON = "): 2 findings at or above --fail-on error";
    private static final List<String> FINDINGS = List.of(
            "  Allocating.java:11 in onTick  growable-collection  call to java.util.ArrayList.add(Object) may grow the collection",
            "  Allocating.java:11 in onTick  heap-allocation  call to java.lang.Integer.valueOf(int) allocates");

    @TempDir
    static Path shared;

    private static Path allocating;
    private static Path clean;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileAll() throws IOException {
        Path compiled = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(compiled, Map.of("Clean", TestClasses.CLEAN, "Allocating", TestClasses.ALLOCATING));
        allocating = TestClasses.copyClass(compiled, "Allocating", shared.resolve("allocating")).getParent().getParent();
        clean = TestClasses.copyClass(compiled, "Clean", shared.resolve("clean")).getParent().getParent();
    }

    /** The summary's lines; warnings about the inputs (no sources found for SARIF paths) come before it. */
    private static void assertFailureSummary(CliRun run, String whereLine) {
        List<String> lines = run.errLines().stream().filter(l -> !l.startsWith("headroom: warning:")).toList();
        assertAll(run.toString(),
                () -> assertEquals(ExitCodes.FAIL, run.exitCode()),
                () -> assertEquals(whereLine == null ? 3 : 4, lines.size()),
                () -> assertTrue(lines.get(0).startsWith(FAIL_LINE) && lines.get(0).endsWith(REASON), lines.get(0)),
                () -> assertEquals(FINDINGS, lines.subList(1, 3)),
                () -> {
                    if (whereLine != null) {
                        assertEquals(whereLine, lines.get(3));
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit", "html"})
    void aFailingCheckWithAnOutputFileSaysWhyAndWhere(String format) {
        Path report = dir.resolve("report." + format);
        CliRun run = CliRun.of("check", "--format", format, "-o", report.toString(), allocating.toString());
        assertEquals("", run.out());
        assertFailureSummary(run, "headroom: report: " + report);
    }

    @Test
    void aFailingCheckWithAReportDirectoryNamesEveryReport() {
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.of("check", "--format", "text,json", "--report-dir", reports.toString(), allocating.toString());
        assertFailureSummary(run, "headroom: reports: " + reports.resolve("headroom.txt") + ", "
                + reports.resolve("headroom.json"));
    }

    @Test
    void aPassingCheckWithAnOutputFileSaysSoInOneLine() {
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("check", "--format", "json", "-o", report.toString(), clean.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("headroom: PASS, 0 errors, 0 warnings, 0 suppressed (1 root, ")
                && line.endsWith("; report: " + report), line);
    }

    @Test
    void aMachineReportOnStandardOutputStaysValidAndTheSummaryGoesToStandardError() {
        CliRun run = CliRun.of("check", "--format", "json", allocating.toString());
        assertEquals("fail", JsonParser.parseString(run.out()).getAsJsonObject().get("verdict").getAsString());
        assertFailureSummary(run, null);
    }

    @Test
    void aTextReportOnStandardOutputIsTheSummary() {
        CliRun run = CliRun.of("check", allocating.toString());
        assertEquals(ExitCodes.FAIL, run.exitCode());
        assertTrue(run.out().contains("FAIL: 2 findings at or above --fail-on error"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void findingsThatDoNotFailAreNotListedOnAPass() {
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("check", "--fail-on", "never", "-o", report.toString(), allocating.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertEquals(List.of("headroom: PASS, 2 errors, 1 warning, 0 suppressed (1 root, "),
                run.errLines().stream().map(l -> l.substring(0, l.indexOf("root, ") + 6)).toList());
    }
}
