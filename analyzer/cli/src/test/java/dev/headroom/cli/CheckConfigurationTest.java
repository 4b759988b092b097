package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rule <id>=<level>} and {@code --exclude <pattern>}: rule levels applied to every kind of finding
 * and shown in each root's rule list, classes kept out of the inputs and methods out of the roots, from the
 * command line and from an {@code @argfile}.
 */
class CheckConfigurationTest {
    /** One root per rule under test; the generated package has a root of its own and a helper. */
    static final String CONFIGURED = """
            package demo;

            import dev.headroom.annotations.Deadline;
            import dev.headroom.annotations.RealTime;
            import dev.headroom.annotations.Suppress;

            public class Configured {
                static final int[] TABLE = new int[64];
                private final int[] window = new int[8];

                @RealTime
                @Suppress(value = "recursion", reason = "depth is at most 3")
                public int depth(int n) {
                    return n <= 0 ? 0 : 1 + depth(n - 1);
                }

                @RealTime
                public int sum(int[] values) {
                    int s = 0;
                    for (int i = 0; i < values.length; i++) {
                        s += values[i];
                    }
                    return s;
                }

                @RealTime
                @Deadline(cycles = 3)
                public void fill() {
                    for (int i = 0; i < window.length; i++) {
                        window[i] = i;
                    }
                }

                @RealTime
                public int[] decode(int n) {
                    return demo.generated.Frames.frame(n);
                }

                @RealTime
                public Object debugDump() {
                    return new Object();
                }
            }
            """;

    static final String FRAMES = """
            package demo.generated;

            import dev.headroom.annotations.RealTime;

            public final class Frames {
                @RealTime
                public static int[] frame(int n) {
                    return new int[n];
                }
            }
            """;

    @TempDir
    static Path shared;

    private static Path classes;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() throws IOException {
        classes = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(classes, Map.of("Configured", CONFIGURED, "generated/Frames", FRAMES));
    }

    private static CliRun check(String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json"));
        args.addAll(List.of(options));
        args.add(classes.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonObject report(CliRun run) {
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static List<JsonObject> findings(JsonObject report, String rule) {
        return ReportJson.objects(report, "findings").stream()
                .filter(f -> f.get("rule").getAsString().equals(rule)).toList();
    }

    private static List<String> severities(JsonObject report, String rule) {
        return findings(report, rule).stream().map(f -> f.get("severity").getAsString()).distinct().toList();
    }

    private static List<String> rules(JsonObject report, String rootMethod) {
        JsonObject root = ReportJson.objects(report, "roots").stream()
                .filter(r -> r.get("method").getAsString().equals(rootMethod)).findFirst().orElseThrow();
        return root.getAsJsonArray("rules").asList().stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void withoutRuleLevelsEveryRuleHasItsOwnSeverity() {
        JsonObject report = report(check());
        assertAll(
                () -> assertEquals(1, findings(report, "recursion").size(), "recursion, suppressed"),
                () -> assertEquals(List.of("error"), severities(report, "unbounded-loop")),
                () -> assertEquals(List.of("error"), severities(report, "deadline-exceeded")),
                () -> assertEquals(List.of("error"), severities(report, "heap-allocation")),
                () -> assertEquals(List.of("growable-collection:error", "heap-allocation:error", "blocking-call:warning",
                        "recursion:error", "unresolved-call:warning", "ignored-capacity-result:warning",
                        "unbounded-loop:error"), rules(report, "sum")));
    }

    @Test
    void ruleLevelsChangeSeveritiesTurnRulesOffAndShowInEveryRootsRules() {
        CliRun run = check("--rule", "recursion=off", "--rule", "unbounded-loop=warning,deadline-exceeded=warning",
                "--rule", "heap-allocation=off");
        JsonObject report = report(run);
        List<String> expectedRules = List.of("growable-collection:error", "heap-allocation:off",
                "blocking-call:warning", "recursion:off", "unresolved-call:warning", "ignored-capacity-result:warning",
                "unbounded-loop:warning", "deadline-exceeded:warning");
        assertAll(run.toString(),
                () -> assertEquals(ExitCodes.PASS, run.exitCode(), "only warnings are left"),
                () -> assertEquals(List.of(), findings(report, "recursion"), "recursion is off"),
                () -> assertEquals(List.of(), findings(report, "unused-suppression"),
                        "a @Suppress of a rule that is off is not unused"),
                () -> assertEquals(List.of(), findings(report, "heap-allocation"), "heap-allocation is off"),
                () -> assertFalse(findings(report, "unbounded-loop").isEmpty()),
                () -> assertEquals(List.of("warning"), severities(report, "unbounded-loop")),
                () -> assertEquals(List.of("warning"), severities(report, "deadline-exceeded")),
                () -> {
                    for (JsonObject root : ReportJson.objects(report, "roots")) {
                        assertEquals(expectedRules, rules(report, root.get("method").getAsString()));
                    }
                });
    }

    @Test
    void textReportListsTheEffectiveLevelsOfEachRoot() {
        CliRun run = CliRun.of("check", "--rule", "recursion=off", "--rule", "blocking-call=error", classes.toString());
        assertTrue(run.out().contains("Rules for every root: growable-collection:error, heap-allocation:error,"
                + " blocking-call:error, recursion:off, "), run.out());
    }

    @Test
    void aLimitWhoseRuleIsOffIsShownButNotJudged() {
        JsonObject judged = report(check("--ram-budget", "16", "--stack-budget", "8"));
        JsonObject off = report(check("--ram-budget", "16", "--stack-budget", "8", "--rule",
                "ram-budget-exceeded=off,stack-budget-exceeded=off,deadline-exceeded=off"));
        List<JsonObject> judgedTiming = ReportJson.objects(judged.getAsJsonObject("timing"), "roots");
        List<JsonObject> offTiming = ReportJson.objects(off.getAsJsonObject("timing"), "roots");
        assertAll(
                () -> assertEquals("fail", judged.getAsJsonObject("memory").get("verdict").getAsString()),
                () -> assertFalse(off.getAsJsonObject("memory").has("verdict"), "no verdict against the RAM budget"),
                () -> assertEquals(16, off.getAsJsonObject("memory").get("budgetBytes").getAsLong(), "the budget shown"),
                () -> assertTrue(ReportJson.objects(judged.getAsJsonObject("memory"), "stack").stream()
                        .anyMatch(s -> s.has("verdict")), "stack verdicts when judged"),
                () -> assertTrue(ReportJson.objects(off.getAsJsonObject("memory"), "stack").stream()
                        .noneMatch(s -> s.has("verdict")), "no stack verdict when the rule is off"),
                () -> assertTrue(judgedTiming.stream().anyMatch(t -> t.has("verdict")), "deadlines judged"),
                () -> assertTrue(offTiming.stream().noneMatch(t -> t.has("verdict")), "no deadline verdict when off"),
                () -> assertTrue(offTiming.stream().anyMatch(t -> t.has("deadline")), "the deadline shown"),
                () -> assertEquals(List.of(), findings(off, "deadline-exceeded")),
                () -> assertEquals(List.of(), findings(off, "ram-budget-exceeded")),
                () -> assertEquals(List.of(), findings(off, "stack-budget-exceeded")));
    }

    @Test
    void budgetRulesHaveLevelsToo() {
        JsonObject report = report(check("--ram-budget", "16", "--stack-budget", "8",
                "--rule", "ram-budget-exceeded=warning", "--rule", "stack-budget-exceeded=off"));
        JsonObject plain = report(check("--ram-budget", "16", "--stack-budget", "8"));
        assertAll(
                () -> assertEquals(List.of("error"), severities(plain, "ram-budget-exceeded")),
                () -> assertFalse(findings(plain, "stack-budget-exceeded").isEmpty()),
                () -> assertEquals(List.of("warning"), severities(report, "ram-budget-exceeded")),
                () -> assertEquals(List.of(), findings(report, "stack-budget-exceeded")),
                () -> assertTrue(rules(report, "sum").containsAll(
                        List.of("ram-budget-exceeded:warning", "stack-budget-exceeded:off"))));
    }

    @Test
    void excludedClassesAreNeitherRootsNorInputs() {
        JsonObject plain = report(check());
        JsonObject report = report(check("--exclude", "demo.generated.**"));
        List<JsonObject> decode = findings(report, "heap-allocation").stream()
                .filter(f -> f.getAsJsonObject("root").get("method").getAsString().equals("decode")).toList();
        assertAll(
                () -> assertTrue(ReportJson.rootIds(plain).contains("demo.generated.Frames#frame(I)[I")),
                () -> assertFalse(ReportJson.rootIds(report).contains("demo.generated.Frames#frame(I)[I")),
                () -> assertEquals(5, ReportJson.rootIds(report).size(), ReportJson.rootIds(report).toString()),
                () -> assertEquals(1, decode.size(), decode.toString()),
                // Read as a library: its allocation is reported at the call in the inputs, with the chain into it.
                () -> assertEquals("demo.Configured", decode.get(0).getAsJsonObject("location").get("class").getAsString()),
                () -> assertEquals("decode", decode.get(0).getAsJsonObject("location").get("method").getAsString()),
                () -> assertEquals("demo.generated.Frames", decode.get(0).getAsJsonArray("callChain").get(1)
                        .getAsJsonObject().get("class").getAsString()));
    }

    @Test
    void excludedMethodsAreNoRoots() {
        JsonObject report = report(check("--exclude", "demo.Configured#debugDump", "--exclude", "demo.Configured#d*(I)I"));
        assertEquals(List.of("demo.Configured#decode(I)[I", "demo.Configured#fill()V", "demo.Configured#sum([I)I",
                "demo.generated.Frames#frame(I)[I"), ReportJson.rootIds(report));
    }

    @Test
    void anArgFileGivesTheSameReportAsTheCommandLine() throws IOException {
        Path args = Files.writeString(dir.resolve("headroom.args"), """
                # what CI checks, kept with the project
                --format json
                --rule recursion=off
                --rule unbounded-loop=warning
                --exclude 'demo.generated.**'
                """);
        CliRun fromFile = CliRun.of("check", "@" + args, classes.toString());
        CliRun fromLine = check("--rule", "recursion=off", "--rule", "unbounded-loop=warning",
                "--exclude", "demo.generated.**");
        assertAll(
                () -> assertEquals(fromLine.exitCode(), fromFile.exitCode(), fromFile.toString()),
                () -> assertEquals(fromLine.out(), fromFile.out()),
                () -> assertTrue(rules(report(fromFile), "sum").contains("recursion:off"), fromFile.out()),
                () -> assertFalse(ReportJson.rootIds(report(fromFile)).contains("demo.generated.Frames#frame(I)[I")));
    }

    @Test
    void aWrongRuleIdOrLevelIsAUsageErrorNamingIt() {
        assertAll(
                () -> check("--rule", "recursio=off").assertOneLineError(ExitCodes.USAGE, "--rule",
                        "unknown rule 'recursio'", "unbounded-loop", "unused-suppression"),
                () -> check("--rule", "recursion=fatal").assertOneLineError(ExitCodes.USAGE, "--rule recursion",
                        "'fatal'", "error, warning or off"),
                () -> check("--rule", "recursion").assertOneLineError(ExitCodes.USAGE, "--rule", "'recursion'",
                        "<rule-id>=<level>"));
    }

    @Test
    void aMalformedExcludeIsAUsageErrorNamingIt() {
        assertAll(
                () -> check("--exclude", "demo..generated").assertOneLineError(ExitCodes.USAGE, "--exclude",
                        "'demo..generated'", "not a class pattern"),
                () -> check("--exclude", "demo.Configured#").assertOneLineError(ExitCodes.USAGE, "--exclude",
                        "'demo.Configured#'"),
                () -> check("--exclude", "demo.Configured#sum(int)").assertOneLineError(ExitCodes.USAGE,
                        "--exclude", "'(int)' is not a JVM method descriptor"));
    }

    @Test
    void ruleLevelsApplyToEveryRootKind() {
        // blocking-call depends on the root's kind; a level replaces it for both.
        JsonObject report = report(check("--interrupt-root", "demo.Configured#sum", "--rule", "blocking-call=warning"));
        assertTrue(Stream.of("sum", "fill").allMatch(m -> rules(report, m).contains("blocking-call:warning")));
    }
}
