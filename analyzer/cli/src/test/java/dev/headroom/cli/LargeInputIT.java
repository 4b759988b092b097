package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large input in the heap a CI runner gives: the benchmarks' generated jar of 50,000 classes, every
 * method a root (250,000 roots), analysed by {@code java -Xmx1g -jar headroom.jar} to the end. Class
 * trees are held softly (read again when memory runs short); the run runs out of memory in 640 MB and
 * completes in 768 MB, so 1 GiB leaves a quarter of the heap to spare (issue 17).
 */
class LargeInputIT {
    private static final Path GENERATOR = SampleReports.SAMPLES.resolve("../benchmarks/GeneratedJar.java").normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final int CLASSES = 50_000;

    @TempDir
    Path work;

    @Test
    void fiftyThousandClassesWithEveryMethodARootRunInOneGibibyte() throws IOException {
        Path jar = work.resolve("generated.jar");
        LauncherRun generated = LauncherRun.command(JAVA, "-cp", Distribution.JAR.toString(), GENERATOR.toString(),
                jar.toString(), String.valueOf(CLASSES)).run(work.resolve("generate"));
        assertEquals(0, generated.exitCode(), generated.toString());

        Path report = work.resolve("report.json");
        Process check = LauncherRun.command(JAVA, "-Xmx1g", "-jar", Distribution.JAR.toString(), "check",
                "--format", "json", "-o", report.toString(), "--root", "gen.**#*", "--group-by", "location",
                jar.toString()).start(work.resolve("check"));
        LauncherRun run = LauncherRun.finish(check, work.resolve("check"), 900);
        long reportBytes = Files.exists(report) ? Files.size(report) : 0;
        Files.deleteIfExists(report); // some 650 MB of JSON
        assertAll(run.toString(),
                () -> assertEquals(ExitCodes.FAIL, run.exitCode(), "exit code: the generated code allocates"),
                () -> assertFalse(run.err().contains("internal error"), "no out-of-memory (exit 4)"),
                () -> assertTrue(run.err().contains("headroom: FAIL, 300000 errors, 0 warnings, 0 suppressed (250000 roots,"
                        + " 300045 methods in 55021 classes, dispatch vta)"), "the whole program analysed"),
                () -> assertTrue(reportBytes > 0, "a report written"));
    }
}
