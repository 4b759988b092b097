package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --baseline} and {@code --write-baseline} end to end: exit codes, reports, the file. */
class CheckBaselineTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path compiled;

    @BeforeAll
    static void compileAll() throws IOException {
        compiled = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(compiled, Map.of(
                "Clean", TestClasses.CLEAN,
                "Allocating", TestClasses.ALLOCATING,
                "Other", TestClasses.ALLOCATING.replace("class Allocating", "class Other")));
    }

    private Path input(String name, String... simpleNames) throws IOException {
        Path input = Files.createDirectory(dir.resolve(name));
        for (String simpleName : simpleNames) {
            TestClasses.copyClass(compiled, simpleName, input);
        }
        return input;
    }

    private static CliRun check(String... args) {
        return CliRun.of(Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void roundTripPassesAndListsTheAcceptedFindings() throws IOException {
        Path input = input("v1", "Clean", "Allocating");
        Path baseline = dir.resolve("headroom-baseline.json");
        CliRun written = check("--write-baseline", baseline.toString(), input.toString());
        assertEquals(ExitCodes.FAIL, written.exitCode(), "writing alone keeps the verdict: " + written);
        assertTrue(Files.readString(baseline).contains("\"rule\": \"growable-collection\""));

        CliRun checked = check("--baseline", baseline.toString(), input.toString());
        assertEquals(ExitCodes.PASS, checked.exitCode(), checked.toString());
        // ArrayList.add(Integer.valueOf(v)): growth, boxing, and the unbounded loop inside ArrayList.grow
        assertTrue(checked.out().contains("in the baseline: 3 findings accepted"), checked.out());
        assertTrue(checked.out().contains("no longer present: 0 findings"), checked.out());

        CliRun json = check("--format", "json", "--baseline", baseline.toString(), input.toString());
        JsonObject report = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("pass", report.get("verdict").getAsString());
        assertEquals(0, report.getAsJsonArray("findings").size());
        assertEquals(3, report.getAsJsonObject("baseline").getAsJsonArray("accepted").size());
    }

    @Test
    void aNewFindingFailsAndAFixedOneIsNoLongerPresent() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        check("--write-baseline", baseline.toString(), input("v1", "Clean", "Allocating").toString());

        CliRun added = check("--baseline", baseline.toString(), input("v2", "Clean", "Allocating", "Other").toString());
        assertEquals(ExitCodes.FAIL, added.exitCode(), added.toString());
        assertTrue(added.out().contains("demo.Other"), added.out());
        assertTrue(added.out().contains("not in the baseline"), added.out());

        CliRun fixed = check("--baseline", baseline.toString(), input("v3", "Clean").toString());
        assertEquals(ExitCodes.PASS, fixed.exitCode(), fixed.toString());
        assertTrue(fixed.out().contains("no longer present: 3 findings"), fixed.out());
    }

    @Test
    void theSameFileForBothRefreshesItAndPasses() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        Path input = input("v1", "Allocating", "Other");
        CliRun run = check("--baseline", baseline.toString(), "--write-baseline", baseline.toString(), input.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertEquals(ExitCodes.PASS, check("--baseline", baseline.toString(), input.toString()).exitCode());
    }

    @Test
    void missingAndMalformedBaselinesAreOneLineUsageErrors() throws IOException {
        Path input = input("v1", "Allocating");
        String missing = dir.resolve("no-such-baseline.json").toString();
        check("--baseline", missing, input.toString()).assertOneLineError(ExitCodes.USAGE, "--baseline", missing);
        Path malformed = Files.writeString(dir.resolve("malformed.json"), "{\"baselineVersion\": 1, \"findings\": [");
        check("--baseline", malformed.toString(), input.toString())
                .assertOneLineError(ExitCodes.USAGE, "malformed baseline", malformed.toString());
    }
}
