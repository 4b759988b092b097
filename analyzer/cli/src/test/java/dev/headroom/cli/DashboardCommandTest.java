package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom dashboard}: the page written into a folder, and a clear error for a bad argument. */
class DashboardCommandTest {
    @TempDir
    Path work;

    @Test
    void writesThePageWithTheReportsInIt() throws IOException {
        Path report = Files.writeString(work.resolve("0001-headroom.json"), "{\"schemaVersion\": 1}");
        Path folder = work.resolve("trend");
        CliRun run = CliRun.of("dashboard", "-o", folder.toString(), report.toString());
        String page = Files.readString(folder.resolve("index.html"));
        assertAll(
                () -> assertEquals(ExitCodes.PASS, run.exitCode(), run.err()),
                () -> assertEquals("wrote " + folder.resolve("index.html") + " with 1 report\n", run.out()),
                () -> assertTrue(Files.isRegularFile(folder.resolve("dashboard.js")), "dashboard.js"),
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

    @Test
    void theFolderIsRequiredAndMustBeAFolder() throws IOException {
        CliRun noFolder = CliRun.of("dashboard");
        Path file = Files.writeString(work.resolve("a-file"), "");
        CliRun notAFolder = CliRun.of("dashboard", "-o", file.toString());
        assertAll(
                () -> assertEquals(ExitCodes.USAGE, noFolder.exitCode()),
                () -> assertTrue(noFolder.err().startsWith("headroom: error: Missing required option: '--output=<dir>'"),
                        noFolder.err()),
                () -> assertEquals(ExitCodes.INPUT, notAFolder.exitCode()),
                () -> assertEquals("headroom: error: " + file + ": not a folder\n", notAFolder.err()));
    }
}
