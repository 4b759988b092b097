package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real reports for the browser tests: {@code headroom check} run in-process on the sample projects. */
final class SampleReports {
    static final Path SAMPLES = Path.of("../../sample-projects");
    static final String MOTOR_CONTROLLER = "motor-controller";
    static final String TELEMETRY_MISTAKES = "telemetry-mistakes";

    /** The JSON and HTML reports of one run, and the JSON parsed. */
    record Report(Path json, Path html, JsonObject parsed) {
    }

    private SampleReports() {
    }

    /**
     * Runs {@code headroom check --format json,html --report-dir <dir> <options> <samples' classes>} and
     * checks its exit code.
     */
    static Report check(Path dir, int expectedExitCode, List<String> options, String... samples) {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json,html", "--report-dir", dir.toString()));
        args.addAll(options);
        for (String sample : samples) {
            args.add(SAMPLES.resolve(sample).resolve("target/classes").toString());
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(expectedExitCode, run.exitCode(), () -> "headroom " + args + "\n" + run);
        Path json = dir.resolve("headroom.json");
        try {
            return new Report(json, dir.resolve("headroom.html"),
                    JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
