package dev.headroom.reports;

import static dev.headroom.reports.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.core.model.AnalysisResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's SARIF Multitool ({@code validate}) finds no error and no warning in the SARIF of any fixture,
 * nor in an aggregate of two, and of its notes only the ones listed here, each with the reason it does not
 * apply. Skipped when the Multitool is not installed: {@code npm install -g @microsoft/sarif-multitool@5.7.0}
 * puts {@code sarif-multitool} on the {@code PATH} (CI's {@code .ci/run} does); {@value #ENVIRONMENT_VARIABLE}
 * names another executable.
 */
class SarifMultitoolTest {
    static final String ENVIRONMENT_VARIABLE = "HEADROOM_SARIF_MULTITOOL";
    static final String NOT_FOUND = "SARIF Multitool not found (npm install -g @microsoft/sarif-multitool@5.7.0, or set "
            + ENVIRONMENT_VARIABLE + "): SARIF checked against the JSON schema only";

    /** Notes (the Multitool's lowest level) that do not apply, by rule, with the reason. */
    static final Map<String, String> NOTES_THAT_DO_NOT_APPLY = Map.of(
            "SARIF2002", "message ids and arguments instead of text: each message is written once, in English",
            "SARIF2003", "versionControlProvenance: the checker reads class files and knows no repository;"
                    + " GitHub's upload adds the commit",
            "SARIF2006", "URIs reachable over HTTP: depends on the network the test runs on",
            "SARIF2009", "rule ids in the form CS2001: Headroom's rule ids are a user contract (DESIGN.md)",
            "SARIF2010", "code snippets: the checker reads class files, not sources",
            "SARIF2011", "context regions around a result: the same");

    @TempDir
    Path dir;

    @Test
    void multitoolFindsNoProblemInAnyFixture() throws Exception {
        Optional<String> multitool = multitool();
        Assumptions.assumeTrue(multitool.isPresent(), NOT_FOUND);

        List<String> command = new ArrayList<>(List.of(multitool.get(), "validate", "--level", "Error", "Warning",
                "Note", "--output", dir.resolve("validation.sarif").toString()));
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            for (String category : new String[] {null, "headroom/app"}) {
                Path file = dir.resolve(fixture.getKey() + (category == null ? "" : "-categorised") + ".sarif");
                // getBytes, not writeString: the hostile fixture's lone surrogate becomes '?' instead of failing.
                Files.write(file, render(new SarifReportWriter(category), fixture.getValue())
                        .getBytes(StandardCharsets.UTF_8));
                command.add(file.toString());
            }
        }
        Path aggregate = dir.resolve("aggregate.sarif");
        Files.write(aggregate, SarifAggregateTest.aggregate(SarifAggregateTest.twoModules()).getBytes(StandardCharsets.UTF_8));
        command.add(aggregate.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("multitool.log").toFile());
        // A .NET program: without this it needs the ICU libraries, which a slim CI image may lack.
        builder.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the Multitool did not finish in 5 minutes");
        String log = Files.readString(dir.resolve("multitool.log"));
        assertEquals(0, process.exitValue(), log);

        JsonObject validation = JsonParser.parseString(Files.readString(dir.resolve("validation.sarif")))
                .getAsJsonObject();
        List<String> problems = new ArrayList<>();
        TreeSet<String> notes = new TreeSet<>();
        for (JsonElement run : validation.getAsJsonArray("runs")) {
            for (JsonElement element : run.getAsJsonObject().getAsJsonArray("results")) {
                JsonObject result = element.getAsJsonObject();
                String rule = result.get("ruleId").getAsString();
                String level = result.has("level") ? result.get("level").getAsString() : "warning";
                if (level.equals("note") && NOTES_THAT_DO_NOT_APPLY.containsKey(rule)) {
                    notes.add(rule);
                } else {
                    problems.add(level + " " + rule + " " + result.getAsJsonObject("message"));
                }
            }
        }
        assertEquals(List.of(), problems, log);
        assertTrue(notes.contains("SARIF2009"), "the Multitool really ran over the rules: " + notes);
    }

    /** {@value #ENVIRONMENT_VARIABLE} if set, else {@code sarif-multitool} on the {@code PATH}. */
    static Optional<String> multitool() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            // A variable that names nothing is a mistake to report, not a reason to skip.
            if (!Files.isExecutable(Path.of(configured))) {
                throw new IllegalStateException(ENVIRONMENT_VARIABLE + "=" + configured + " is not an executable file");
            }
            return Optional.of(configured);
        }
        String path = System.getenv("PATH");
        for (String entry : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = entry.isEmpty() ? null : Path.of(entry, "sarif-multitool");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
