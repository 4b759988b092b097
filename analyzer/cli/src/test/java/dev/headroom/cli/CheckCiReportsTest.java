package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports CI servers read, from the command line. SARIF: without {@code --source-root} the sources are
 * found beside Maven's and Gradle's class folders, paths are relative to the working directory (the
 * repository's root in CI, what GitHub matches SARIF paths against), and each module's run has its own
 * category. JUnit XML: each error counts once. The projects are made under {@code target/} of this module,
 * inside the working directory of the test.
 */
class CheckCiReportsTest {
    @TempDir
    static Path shared;

    private static Path compiled;

    private Path workspace;

    @BeforeAll
    static void compileAll() throws IOException {
        compiled = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(compiled, Map.of("Allocating", TestClasses.ALLOCATING));
    }

    @AfterEach
    void deleteWorkspace() throws IOException {
        if (workspace != null) {
            try (Stream<Path> files = Files.walk(workspace)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** {@code <workspace>/<module>}: the class in {@code classes}, and its source under {@code sources} if given. */
    private Path module(String module, String classes, String sources) throws IOException {
        if (workspace == null) {
            Files.createDirectories(Path.of("target"));
            workspace = Files.createTempDirectory(Path.of("target"), "layout");
        }
        Path dir = workspace.resolve(module);
        TestClasses.copyClass(compiled, "Allocating", dir.resolve(classes));
        if (sources != null) {
            Path source = dir.resolve(sources).resolve("demo/Allocating.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, TestClasses.ALLOCATING);
        }
        return dir;
    }

    private static JsonObject run(CliRun run) {
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    private static String firstUri(JsonObject run) {
        return run.getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations").get(0)
                .getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation")
                .get("uri").getAsString();
    }

    @Test
    void findsMavenSourcesBesideTargetClassesRelativeToTheWorkingDirectory() throws IOException {
        Path app = module("app", "target/classes", "src/main/java");
        CliRun run = CliRun.of("check", "--format", "sarif", app.resolve("target/classes").toString());
        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        assertEquals(List.of(), warnings(run), "sources found: nothing to warn about");
        JsonObject sarif = run(run);
        assertEquals(app + "/src/main/java/demo/Allocating.java", firstUri(sarif));
        assertFalse(firstUri(sarif).startsWith("/"), "relative to the working directory");
        assertEquals("headroom/" + app + "/", sarif.getAsJsonObject("automationDetails").get("id").getAsString(),
                "the category is the module's directory");

        CliRun json = CliRun.of("check", "--format", "json", app.resolve("target/classes").toString());
        String file = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("findings").get(0)
                .getAsJsonObject().getAsJsonObject("location").get("file").getAsString();
        assertEquals(app + "/src/main/java/demo/Allocating.java", file, "every report names the same file");
    }

    @Test
    void findsGradleSourcesBesideBuildClasses() throws IOException {
        Path lib = module("lib", "build/classes/java/main", "src/main/java");
        CliRun run = CliRun.of("check", "--format", "sarif", lib.resolve("build/classes/java/main").toString());
        assertEquals(List.of(), warnings(run), run.toString());
        assertEquals(lib + "/src/main/java/demo/Allocating.java", firstUri(run(run)));
        assertEquals("headroom/" + lib + "/", run(run).getAsJsonObject("automationDetails").get("id").getAsString());
    }

    @Test
    void findsKotlinSourcesOfTheTestSet() throws IOException {
        Path app = module("app", "target/test-classes", "src/test/kotlin");
        CliRun run = CliRun.of("check", "--format", "sarif", app.resolve("target/test-classes").toString());
        assertEquals(app + "/src/test/kotlin/demo/Allocating.java", firstUri(run(run)));
    }

    @Test
    void saysOnOneLineWhenNoSourcesAreFoundForSarif() throws IOException {
        Path bare = module("bare", "target/classes", null);
        String input = bare.resolve("target/classes").toString();
        CliRun run = CliRun.of("check", "--format", "sarif", input);
        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        assertEquals(List.of("headroom: warning: no sources found next to " + input + " (src/main/java and the like,"
                + " beside Maven's target/classes or Gradle's build/classes/java/main): SARIF paths start at the"
                + " package (com/acme/Motor.java), which GitHub cannot match to the repository; give --source-root"
                + " <dir>"), warnings(run));
        assertEquals("demo/Allocating.java", firstUri(run(run)));

        assertEquals(List.of(), warnings(CliRun.of("check", "--format", "json", input)), "only SARIF needs repository paths");
        Path sources = Files.createDirectories(bare.resolve("java"));
        assertEquals(List.of(), warnings(CliRun.of("check", "--format", "sarif", "--source-root", sources.toString(), input)),
                "given a source root, nothing to find");
    }

    @Test
    void aSourceRootGivenUnderTheWorkingDirectoryIsShownRelative() throws IOException {
        Path app = module("app", "out", "sources");
        CliRun run = CliRun.of("check", "--format", "sarif", "--source-root",
                app.resolve("sources").toAbsolutePath().toString(), app.resolve("out").toString());
        assertEquals(app + "/sources/demo/Allocating.java", firstUri(run(run)));
        assertEquals("headroom/" + app + "/out/", run(run).getAsJsonObject("automationDetails").get("id").getAsString(),
                "no known layout: the input itself names the run");
    }

    @Test
    void theCategoryCanBeGiven() throws IOException {
        Path app = module("app", "target/classes", "src/main/java");
        CliRun run = CliRun.of("check", "--format", "sarif", "--sarif-category", "billing/service",
                app.resolve("target/classes").toString());
        assertEquals("billing/service/", run(run).getAsJsonObject("automationDetails").get("id").getAsString());

        CliRun.of("check", "--format", "sarif", "--sarif-category", " ", app.resolve("target/classes").toString())
                .assertOneLineError(ExitCodes.USAGE, "--sarif-category is empty");
    }

    @Test
    void junitCountsEachBudgetViolationOfTheMotorSampleOnce() {
        CliRun run = CliRun.of("check", "--ram-budget", "512", "--stack-budget", "300", "--format", "junit",
                SampleReports.SAMPLES.resolve(SampleReports.MOTOR_CONTROLLER).resolve("target/classes").toString());
        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        String xml = run.out();
        assertTrue(xml.contains("<testsuite name=\"headroom\" package=\"headroom\" id=\"0\" tests=\"10\" failures=\"3\""),
                "3 violations, 3 failures (it was 6: each again under its root): " + xml);
        assertEquals(List.of("ram-budget-exceeded", "stack-budget-exceeded", "stack-budget-exceeded"),
                List.of(xml.split("<failure type=\"", -1)).subList(1, 4).stream().map(s -> s.substring(0, s.indexOf('"')))
                        .toList());
        assertTrue(xml.contains("<testcase classname=\"com.example.motor.MotorController\" name=\"onEncoderTick(int)\""),
                "Java signatures, not JVM descriptors: " + xml);
        assertTrue(xml.contains("name=\"memory.stack.com.example.motor.EventLoop.runOnce()\""), xml);
        assertFalse(xml.contains("()I\""), xml);
    }

    @Test
    void sourceDateEpochIsTheTimestampAndAMalformedOneIsAUsageError() {
        ReportContext context = new ReportContext(Path.of(""));
        assertEquals(Instant.ofEpochSecond(1700000000),
                context.settings(null, Path.of("target/classes"), "1700000000").timestamp());
        ExitException bad = assertThrows(ExitException.class,
                () -> context.settings(null, Path.of("target/classes"), "soon"));
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.getMessage().startsWith("SOURCE_DATE_EPOCH: 'soon' is neither seconds since the epoch"),
                bad.getMessage());
    }

    @Test
    void junitTimestampIsTheEpochWithoutSourceDateEpoch() throws IOException {
        Path app = module("app", "target/classes", "src/main/java");
        CliRun run = CliRun.of("check", "--format", "junit", app.resolve("target/classes").toString());
        assertTrue(System.getenv("SOURCE_DATE_EPOCH") != null
                        || run.out().contains(" timestamp=\"1970-01-01T00:00:00\" hostname=\"localhost\""),
                run.toString());
        assertEquals(run.out(), CliRun.of("check", "--format", "junit", app.resolve("target/classes").toString()).out(),
                "the same bytes twice");
    }

    /** The warnings on standard error (a report not on standard output as text is followed by its verdict there). */
    private static List<String> warnings(CliRun run) {
        return run.errLines().stream().filter(l -> l.startsWith("headroom: warning:")).toList();
    }
}
