package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Initialisation roots through the CLI (issue 14): {@code @Initializer} in the mistakes sample, {@code --init-root}
 * on the clean sample's {@code main}, and a pattern that matches nothing.
 */
class InitRootsTest {
    private static String classes(String sample) {
        return SampleReports.SAMPLES.resolve(sample).resolve("target/classes").toString();
    }

    @Test
    void anAnnotatedStartUpMethodIsCountedAsTheOriginOfTheFieldsItAssigns() {
        CliRun run = CliRun.of("check", "--format", "json", classes("telemetry-mistakes"));
        JsonObject memory = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("memory");
        List<JsonObject> items = new ArrayList<>();
        for (JsonElement e : memory.getAsJsonArray("items")) {
            items.add(e.getAsJsonObject());
        }
        assertAll(
                () -> assertEquals(List.of("com.example.telemetry.TelemetryApp.log", "com.example.telemetry.TelemetryApp.stats",
                        "com.example.telemetry.TelemetryApp.handler", "com.example.telemetry.TelemetryApp.alerts",
                        "com.example.telemetry.TelemetryApp.link"), items.stream().map(i -> i.get("field").getAsString()).toList()),
                () -> assertTrue(items.stream().allMatch(i -> i.get("origin").getAsString().equals("init-root")
                        && i.getAsJsonObject("initRoot").get("method").getAsString().equals("start")), items.toString()),
                () -> assertEquals(752, memory.get("totalBytes").getAsLong()),
                () -> assertEquals(false, memory.get("bounded").getAsBoolean(), "the handler keeps a growable list and map"));
    }

    @Test
    void aMainThatPrintsIsALowerBoundSaidAtTheLineOfItsFirstPrint() {
        CliRun run = CliRun.of("check", "--format", "json", "--init-root", "com.example.motor.Main#main",
                classes("motor-controller"));
        JsonObject report = JsonParser.parseString(run.out()).getAsJsonObject();
        List<String> messages = new ArrayList<>();
        report.getAsJsonArray("findings").forEach(f -> messages.add(f.getAsJsonObject().get("rule").getAsString() + " "
                + f.getAsJsonObject().get("message").getAsString()));
        assertAll(
                () -> assertEquals(ExitCodes.FAIL, run.exitCode(), run.err()),
                () -> assertTrue(messages.stream().anyMatch(m -> m.startsWith("unbounded-static the initialisation root"
                        + " com.example.motor.Main.main makes a call at line 35 ") && m.contains("java.io.PrintStream.printf")),
                        messages.toString()),
                () -> assertEquals(false, report.getAsJsonObject("memory").get("bounded").getAsBoolean()));
    }

    @Test
    void aPatternThatMatchesNothingIsAUsageError() {
        CliRun.of("check", "--init-root", "com.example.motor.Main#boot", classes("motor-controller"))
                .assertOneLineError(ExitCodes.USAGE, "--init-root 'com.example.motor.Main#boot' matches no method of the input classes");
    }
}
