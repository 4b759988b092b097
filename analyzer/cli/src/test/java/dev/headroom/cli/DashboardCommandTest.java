package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code headroom dashboard}: the page written into a folder, and a clear error for a bad argument. */
class DashboardCommandTest {
    /** The least the dashboard reads: a report of a run with no roots. */
    static final String EMPTY_REPORT = """
            {"schemaVersion": 1, "tool": {"name": "headroom", "version": "0.1.0"}, "verdict": "pass",
             "summary": {"errors": 0, "warnings": 0, "suppressed": 0, "classes": 0, "methods": 0, "roots": 0},
             "roots": [], "findings": [], "skipped": []}
            """;

    @TempDir
    Path work;

    @Test
    void writesThePageWithTheReportsInIt() throws IOException {
        Path report = Files.writeString(work.resolve("0001-headroom.json"), EMPTY_REPORT);
        Path folder = work.resolve("trend");
        CliRun run = CliRun.of("dashboard", "-o", folder.toString(), report.toString());
        String page = Files.readString(folder.resolve("index.html"));
        assertAll(
                () -> assertEquals(ExitCodes.PASS, run.exitCode(), run.err()),
                () -> assertEquals("wrote " + folder.resolve("index.html") + " with 1 report\n", run.out()),
                () -> assertTrue(Files.isRegularFile(folder.resolve("dashboard.js")), "dashboard.js"),
                () -> assertTrue(Files.isRegularFile(folder.resolve("comparability.js")), "comparability.js"),
                () -> assertTrue(Files.isRegularFile(folder.resolve("java-names.js")), "java-names.js"),
                () -> assertTrue(Files.isRegularFile(folder.resolve("dashboard.css")), "dashboard.css"),
                () -> assertTrue(page.contains("\"name\":\"0001-headroom.json\""), page));
    }

    @Test
    void aMissingReportIsAnInputError() {
        Path missing = work.resolve("nope.json");
        CliRun run = CliRun.of("dashboard", "-o", work.resolve("trend").toString(), missing.toString());
        assertAll(
                () -> assertEquals(ExitCodes.INPUT, run.exitCode()),
                () -> assertEquals("headroom: error: " + missing + ": no such file\n", run.err()),
                () -> assertTrue(Files.notExists(work.resolve("trend")), "nothing written"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON              | {"schemaVersion": 1, "tool":                  | not a Headroom report: not JSON (
            JSON of another shape | {"name": "my-app", "version": "1.0.0"}        | not a Headroom report: it has no "schemaVersion" and "tool": {"name": "headroom"}
            a list                | [1, 2]                                        | not a Headroom report: the JSON is not an object
            schemaVersion 2       | {"schemaVersion": 2, "tool": {"name": "headroom"}} | schemaVersion 2 is not supported: this dashboard reads schemaVersion 1
            no findings           | {"schemaVersion": 1, "tool": {"name": "headroom"}, "verdict": "pass"} | not a Headroom report: "summary", "findings" or "roots" is missing
            """)
    void aFileThatIsNotAReportIsAnInputErrorNamingIt(String what, String text, String reason) throws IOException {
        Path good = Files.writeString(work.resolve("0001-headroom.json"), EMPTY_REPORT);
        Path bad = Files.writeString(work.resolve("0002-other.json"), text);
        CliRun.of("dashboard", "-o", work.resolve("trend").toString(), good.toString(), bad.toString())
                .assertOneLineError(ExitCodes.INPUT, bad + ": " + reason);
        assertTrue(Files.notExists(work.resolve("trend")), "nothing written");
    }

    @Test
    void textThatIsNotUtf8IsNotAReport() throws IOException {
        Path bad = Files.write(work.resolve("report.json"), new byte[] {'{', (byte) 0xff, '}'});
        CliRun.of("dashboard", "-o", work.resolve("trend").toString(), bad.toString())
                .assertOneLineError(ExitCodes.INPUT, bad + ": not a Headroom report: not UTF-8 text");
    }

    @Test
    void theFolderIsRequiredAndMustBeAFolder() throws IOException {
        CliRun noFolder = CliRun.of("dashboard");
        Path file = Files.writeString(work.resolve("a-file"), "");
        CliRun notAFolder = CliRun.of("dashboard", "-o", file.toString());
        assertAll(
                () -> assertEquals(ExitCodes.USAGE, noFolder.exitCode()),
                () -> assertTrue(noFolder.err().startsWith("headroom: error: Missing required option: '--output=<dir>'"),
                        noFolder.err()),
                () -> assertEquals(ExitCodes.USAGE, notAFolder.exitCode(), "as check's --report-dir"),
                () -> assertEquals("headroom: error: " + file + ": not a folder\n", notAFolder.err()));
    }

    /** A folder that cannot be made is a configuration error, as a report check cannot write. */
    @Test
    void aFolderThatCannotBeWrittenIsExit2() throws IOException {
        Path file = Files.writeString(work.resolve("a-file"), "");
        Path under = file.resolve("trend");
        CliRun cannot = CliRun.of("dashboard", "-o", under.toString());
        assertAll(
                () -> assertEquals(ExitCodes.USAGE, cannot.exitCode(), cannot.err()),
                () -> assertTrue(cannot.err().startsWith("headroom: error: " + under + ": cannot write the dashboard ("),
                        cannot.err()));
    }
}
