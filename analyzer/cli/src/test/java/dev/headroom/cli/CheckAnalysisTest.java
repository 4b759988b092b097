package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.core.model.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headroom check} end to end on classes compiled on the fly: verdicts, exit codes, reports, and
 * damaged class files that are warned about and skipped. (These need the core's analysis and the report
 * writers.)
 */
class CheckAnalysisTest {
    @TempDir
    static Path shared;

    private static Path compiled;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileAll() throws IOException {
        compiled = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(compiled, Map.of(
                "Clean", TestClasses.CLEAN,
                "Allocating", TestClasses.ALLOCATING,
                "Other", TestClasses.OTHER));
    }

    /** A fresh input directory holding copies of the named compiled classes. */
    private Path input(String... simpleNames) throws IOException {
        return TestClasses.input(compiled, dir, simpleNames);
    }

    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static List<String> warnings(CliRun run) {
        return run.errLines().stream().filter(line -> line.startsWith("headroom: warning: ")).toList();
    }

    @Test
    void cleanRootPasses() throws IOException {
        CliRun run = CliRun.of("check", input("Clean").toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertFalse(run.out().isBlank(), run.toString());
        assertFalse(run.err().contains("error"), run.toString());
    }

    @Test
    void allocatingRootFails() throws IOException {
        CliRun run = CliRun.of("check", input("Allocating").toString());
        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Allocating"), run.toString());
    }

    @Test
    void failOnNeverPassesTheAllocatingRoot() throws IOException {
        CliRun run = CliRun.of("check", "--fail-on", "never", input("Allocating").toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
    }

    @Test
    void maxFindingsAboveTheCountPasses() throws IOException {
        CliRun run = CliRun.of("check", "--max-findings", "100", input("Allocating").toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
    }

    @Test
    void jsonReportOnStandardOutputParses() throws IOException {
        CliRun run = CliRun.of("check", "--format", "json", input("Allocating", "Clean").toString());
        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        assertEquals(List.of(), warnings(run), run.toString());
        assertTrue(run.errLines().get(0).startsWith("headroom: FAIL, "), "the verdict on standard error: " + run);

        JsonObject report = parse(run.out());
        assertEquals(1, report.get("schemaVersion").getAsInt());
        assertEquals("headroom", report.getAsJsonObject("tool").get("name").getAsString());
        assertEquals("0.1.0", report.getAsJsonObject("tool").get("version").getAsString());
        assertEquals("fail", report.get("verdict").getAsString());
        assertEquals(2, report.getAsJsonObject("summary").get("roots").getAsInt());

        Set<String> ruleIds = Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.toSet());
        List<JsonObject> findings = StreamSupport.stream(report.getAsJsonArray("findings").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .toList();
        assertFalse(findings.isEmpty(), run.out());
        for (JsonObject finding : findings) {
            assertTrue(ruleIds.contains(finding.get("rule").getAsString()), finding.toString());
            assertEquals("demo.Allocating", finding.getAsJsonObject("location").get("class").getAsString());
        }
        assertTrue(findings.stream().anyMatch(f -> f.get("rule").getAsString().equals("growable-collection")),
                run.out());
    }

    @Test
    void outputFileGetsTheReportAndStandardOutputNothing() throws IOException {
        Path report = dir.resolve("out").resolve("nested").resolve("headroom.json");
        CliRun run = CliRun.of("check", "--format", "json", "-o", report.toString(), input("Clean").toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals("pass", parse(Files.readString(report)).get("verdict").getAsString());
    }

    @Test
    void reportDirGetsOneFilePerFormat() throws IOException {
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.of("check", "--format", "text", "--format", "json", "--report-dir", reports.toString(),
                input("Allocating").toString());
        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(Files.readString(reports.resolve("headroom.txt")).contains("Allocating"));
        assertEquals("fail", parse(Files.readString(reports.resolve("headroom.json"))).get("verdict").getAsString());
    }

    @Test
    void corruptClassFileIsWarnedAboutAndTheAnalysisGoesOn() throws IOException {
        Path input = input("Clean");
        byte[] garbage = new byte[512];
        new Random(42).nextBytes(garbage);
        garbage[0] = 0x12;
        Files.write(input.resolve("demo").resolve("Foo.class"), garbage);

        CliRun run = CliRun.of("check", "--format", "json", input.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertTrue(warnings(run).stream().anyMatch(line -> line.contains("Foo.class")), run.toString());
        assertEquals(1, parse(run.out()).getAsJsonObject("summary").get("roots").getAsInt(), run.toString());
    }

    @Test
    void truncatedClassFileIsWarnedAboutAndTheAnalysisGoesOn() throws IOException {
        Path input = input("Clean", "Other");
        Path other = input.resolve("demo").resolve("Other.class");
        byte[] bytes = Files.readAllBytes(other);
        Files.write(other, Arrays.copyOf(bytes, bytes.length / 2));

        CliRun run = CliRun.of("check", "--format", "json", input.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertTrue(warnings(run).stream().anyMatch(line -> line.contains("Other.class")), run.toString());
        assertEquals(1, parse(run.out()).getAsJsonObject("summary").get("roots").getAsInt(), run.toString());
    }

    @Test
    void classFileFromTheFutureIsWarnedAboutWithTheSupportedRange() throws IOException {
        Path input = input("Clean", "Other");
        Path other = input.resolve("demo").resolve("Other.class");
        byte[] bytes = Files.readAllBytes(other);
        bytes[6] = 0;
        bytes[7] = 99;
        Files.write(other, bytes);

        CliRun run = CliRun.of("check", input.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        List<String> about = warnings(run).stream().filter(line -> line.contains("Other.class")).toList();
        assertEquals(1, about.size(), run.toString());
        String warning = about.get(0);
        assertTrue(warning.contains("unsupported class-file version"), warning);
        assertTrue(warning.contains("99"), warning);
        assertTrue(warning.matches(".*\\d+\\s*(-|to|\\.\\.)\\s*\\d+.*"), "no supported range in: " + warning);
    }

    @Test
    void aJarWithAnEncryptedEntryIsAnalysedWithoutIt() throws IOException {
        Path classes = input("Clean", "Other").resolve("demo");
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("Clean", "Other")) {
                out.putNextEntry(new JarEntry("demo/" + name + ".class"));
                out.write(Files.readAllBytes(classes.resolve(name + ".class")));
            }
        }
        byte[] bytes = Files.readAllBytes(jar);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int other = text.indexOf("PK\u0001\u0002", text.lastIndexOf("demo/Clean.class")); // Other's central header
        bytes[other + 8] |= 1; // its "encrypted" flag: java.util.zip refuses the whole jar for it
        Files.write(jar, bytes);

        CliRun run = CliRun.of("check", "--format", "json", jar.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertEquals(List.of("headroom: warning: " + jar + "!/demo/Other.class: cannot read: an encrypted entry (not"
                + " supported); the jar's other entries are read; not analysed"), warnings(run), run.toString());
        assertEquals(1, parse(run.out()).getAsJsonObject("summary").get("roots").getAsInt(), run.toString());
    }
}
