package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.reports.JUnitSchemas;
import dev.headroom.reports.JsonSchemas;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class, method, field and file names full of control characters, terminal escapes, a lone surrogate,
 * markup and quotes, through the whole command line to every report, the baseline and standard error:
 * every file is written, is valid UTF-8 and passes its validator, and no raw control character reaches a
 * terminal.
 */
class HostileNamesTest {
    @TempDir
    Path dir;

    @Test
    void everyReportAndTheBaselineAreWrittenValidAndEscaped() throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        HostileClass.write(input, "Hostile" + HostileClass.NAME + ".java");
        Files.writeString(input.resolve("Broken\u001b[2J\u0007.class"), "not a class file");
        Path reports = dir.resolve("reports");
        Path baseline = dir.resolve("baseline.json");

        CliRun run = CliRun.of("check", "--format", "text,json,sarif,junit,html", "--report-dir", reports.toString(),
                "--write-baseline", baseline.toString(), "--ram-budget", "1MiB", input.toString());

        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        String json = utf8(reports.resolve("headroom.json"));
        String sarif = utf8(reports.resolve("headroom.sarif"));
        String junit = utf8(reports.resolve("headroom-junit.xml"));
        String html = utf8(reports.resolve("headroom.html"));
        String text = utf8(reports.resolve("headroom.txt"));
        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        JsonObject location = report.getAsJsonArray("findings").get(0).getAsJsonObject().getAsJsonObject("location");
        assertAll(
                () -> assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.REPORT, json), "JSON schema"),
                () -> assertEquals(HostileClass.CLASS_NAME, location.get("class").getAsString(), "names round-trip"),
                () -> assertEquals("grow" + HostileClass.METHOD_NAME, location.get("method").getAsString()),
                () -> assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.SARIF, sarif), "SARIF schema"),
                () -> assertEquals(List.of(), JUnitSchemas.violations(JUnitSchemas.ANT, junit), "JUnit XSD"),
                () -> assertEquals(List.of(), rawCharacters(junit, HostileNamesTest::notXml), "JUnit XML characters"),
                () -> assertEquals(List.of(), rawCharacters(html, HostileNamesTest::notHtml), "HTML characters"),
                () -> assertTrue(html.contains("\\u001bc"), "escaped in HTML"),
                () -> assertEquals(List.of(), rawCharacters(text, HostileNamesTest::unsafeOnTerminal), "text"),
                () -> assertTrue(text.contains("\\u001bc"), "escaped in text"),
                () -> assertEquals(List.of(), rawCharacters(run.err(), HostileNamesTest::unsafeOnTerminal), "stderr"),
                () -> assertTrue(run.err().contains("grow\\u0000\\u0001"), "escaped on stderr: " + run.err()));

        String written = utf8(baseline);
        assertTrue(written.contains("\\ud800"), "the lone surrogate as a JSON escape: " + written);
        CliRun again = CliRun.of("check", "--baseline", baseline.toString(), "--ram-budget", "1MiB", input.toString());
        assertEquals(ExitCodes.PASS, again.exitCode(), "the baseline reads back and accepts every finding: " + again);
    }

    @Test
    void aSourceFileNoFileSystemCanNameIsNotFoundUnderASourceRoot() throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        String sourceFile = "Hostile\u0000\u001b[2J.java";
        HostileClass.write(input, sourceFile);
        Path sources = Files.createDirectory(dir.resolve("src"));

        CliRun run = CliRun.of("check", "--source-root", sources.toString(), "--format", "json", input.toString());

        assertEquals(ExitCodes.FAIL, run.exitCode(), run.toString());
        JsonObject location = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("findings").get(0)
                .getAsJsonObject().getAsJsonObject("location");
        assertEquals(sourceFile, location.get("file").getAsString(), "the name the class file gives");
    }

    @Test
    void anErrorNamingAHostileFileIsOneEscapedLine() throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        HostileClass.write(input, "Hostile.java");
        Path facts = Files.writeString(dir.resolve("facts\u001b[2J\u009b\u0007.json"), "[]");

        CliRun run = CliRun.of("check", "--flow-facts", facts.toString(), input.toString());

        run.assertOneLineError(ExitCodes.USAGE, "facts\\u001b[2J\\u009b\\u0007.json");
        assertEquals(List.of(), rawCharacters(run.err(), HostileNamesTest::unsafeOnTerminal), "stderr");
    }

    /** The file as strict UTF-8: a lone surrogate written raw would have failed the writer or been mangled. */
    private static String utf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
    }

    /** Each code point of the text that the predicate rejects, as U+XXXX. */
    private static List<String> rawCharacters(String text, IntPredicate bad) {
        List<String> found = new ArrayList<>();
        text.codePoints().filter(bad).distinct().forEach(c -> found.add(String.format("U+%04X", c)));
        return found;
    }

    /** What may not reach a terminal raw: controls but the line feed, C1 controls, bidi overrides, surrogates. */
    private static boolean unsafeOnTerminal(int c) {
        return (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || Character.isSurrogate((char) c) && c <= 0xffff;
    }

    /** What XML 1.0 cannot hold, even as a character reference. */
    private static boolean notXml(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0xd800 && c <= 0xdfff)
                || c == 0xfffe || c == 0xffff;
    }

    /** What HTML calls a parse error in text: controls but whitespace, noncharacters, surrogates. */
    private static boolean notHtml(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
    }
}
