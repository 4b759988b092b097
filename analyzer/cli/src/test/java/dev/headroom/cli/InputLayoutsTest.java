package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes are named by their class file, never by their path: a folder above the classes, a project folder,
 * a Spring Boot jar and a war give the findings that the class directory itself gives, with their nested
 * {@code lib/} jars as libraries.
 */
class InputLayoutsTest {
    private static final Path TELEMETRY = Path.of("../../sample-projects/telemetry-mistakes");

    /** Two roots: one grows a list inside the library, one allocates under a suppression. */
    private static final String SERVICE = """
            package demo;

            import dev.headroom.annotations.RealTime;
            import dev.headroom.annotations.Suppress;

            public class Service {
                private final Recorder recorder = new Recorder();

                @RealTime
                public void onRequest(int value) {
                    recorder.record(value);
                }

                @RealTime
                @Suppress(value = "heap-allocation", reason = "once per session")
                public Object session() {
                    return new Object();
                }
            }
            """;

    /** The library: its growth is found through the call, and its own annotation makes no root. */
    private static final String RECORDER = """
            package demo;

            import dev.headroom.annotations.RealTime;

            public class Recorder {
                private final int[] values = new int[4];
                private final java.util.ArrayList<int[]> full = new java.util.ArrayList<>();
                private int next;

                @RealTime
                public void record(int value) {
                    if (next == values.length) {
                        full.add(values);
                        next = 0;
                    }
                    values[next++] = value;
                }
            }
            """;

    @TempDir
    static Path shared;

    private static Path classes;
    private static Path library;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileProgramAndLibrary() throws IOException {
        Path compiled = Files.createDirectory(shared.resolve("compiled"));
        TestClasses.compile(compiled, Map.of("Service", SERVICE, "Recorder", RECORDER));
        classes = Files.createDirectory(shared.resolve("classes"));
        TestClasses.copyClass(compiled, "Service", classes);
        library = jar(shared.resolve("recorder.jar"), Map.of(
                "demo/Recorder.class", Files.readAllBytes(compiled.resolve("demo/Recorder.class"))));
    }

    private static Path jar(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    private static JsonObject jsonReport(CliRun run) {
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    /** The report without what names the inputs: what was found, and where. */
    private static String findings(CliRun run) {
        JsonObject report = jsonReport(run);
        return report.get("verdict") + " " + report.get("summary") + " " + report.get("roots") + " "
                + report.get("findings");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"target", "project folder"})
    void aFolderAboveTheClassesFindsWhatTheClassesFolderFinds(String layout) {
        Path above = layout.equals("target") ? TELEMETRY.resolve("target") : TELEMETRY;
        CliRun expected = CliRun.of("check", "--format", "json", TELEMETRY.resolve("target/classes").toString());
        CliRun actual = CliRun.of("check", "--format", "json", above.toString());
        JsonObject report = jsonReport(actual);
        assertAll(actual.err(),
                () -> assertEquals(ExitCodes.FAIL, actual.exitCode()),
                () -> assertEquals(findings(expected), findings(actual)),
                () -> assertTrue(report.getAsJsonObject("summary").get("suppressed").getAsInt() > 0, "@Suppress applies"),
                () -> assertTrue(ReportJson.rootIds(report).stream().allMatch(r -> r.startsWith("com.example.telemetry.")),
                        ReportJson.rootIds(report).toString()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"boot.jar, BOOT-INF/classes/, BOOT-INF/lib/", "app.war, WEB-INF/classes/, WEB-INF/lib/"})
    void anArchiveWithItsLibrariesInsideFindsWhatClassesAndClasspathFind(String name, String classesPrefix,
                                                                         String libPrefix) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(classesPrefix + "demo/Service.class", Files.readAllBytes(classes.resolve("demo/Service.class")));
        entries.put(libPrefix + "recorder.jar", Files.readAllBytes(library));
        Path archive = jar(dir.resolve(name), entries);

        CliRun expected = CliRun.of("check", "--format", "json", "-cp", library.toString(), classes.toString());
        CliRun actual = CliRun.of("check", "--format", "json", archive.toString());
        JsonObject report = jsonReport(actual);
        List<String> rules = ReportJson.unsuppressedFindings(report).stream().map(f -> f.get("rule").getAsString()).toList();
        assertAll(actual.err(),
                () -> assertEquals(ExitCodes.FAIL, actual.exitCode()),
                () -> assertEquals(findings(expected), findings(actual)),
                () -> assertEquals(List.of("demo.Service#onRequest(I)V", "demo.Service#session()Ljava/lang/Object;"),
                        ReportJson.rootIds(report), "the library's @RealTime makes no root"),
                () -> assertTrue(rules.contains("growable-collection"), "the growth inside the library: " + rules),
                () -> assertFalse(rules.contains("unresolved-call"), "the library is on the classpath: " + rules),
                () -> assertFalse(rules.contains("unused-suppression"), rules.toString()),
                () -> assertEquals(1, report.getAsJsonObject("summary").get("suppressed").getAsInt()));
    }

    @Test
    void aClassFoundTwiceIsAnalysedOnceAndBothFilesAreNamed() throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        Path first = TestClasses.copyClass(classes, "Service", input.resolve("a"));
        Path second = TestClasses.copyClass(classes, "Service", input.resolve("b"));
        CliRun run = CliRun.of("check", "--format", "json", "-cp", library.toString(), input.toString());
        assertAll(run.toString(),
                () -> assertEquals(ExitCodes.FAIL, run.exitCode()),
                () -> assertEquals(2, jsonReport(run).getAsJsonArray("roots").size()),
                () -> assertTrue(run.errLines().contains("headroom: warning: demo.Service is declared by two class files: "
                        + first + " (analysed) and " + second + " (ignored, as a class path would)"), run.err()));
    }
}
