package dev.headroom.reports;

import static dev.headroom.reports.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.RootKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private final String output = render(new JsonReportWriter(), ReportFixtures.fixture());
    private final JsonObject report = JsonParser.parseString(output).getAsJsonObject();

    @Test
    void fixtureIsInModelOrder() {
        List<Finding> findings = ReportFixtures.fixture().findings();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(null);
        assertEquals(sorted, findings, "the fixture must be ordered as the analyzer orders findings");
    }

    @Test
    void writesTopLevelKeysInContractOrder() {
        assertEquals(List.of("schemaVersion", "tool", "verdict", "failReason", "summary", "roots", "findings",
                "skipped"), keys(report));
    }

    @Test
    void writesHeaderValues() {
        assertEquals(1, report.get("schemaVersion").getAsInt());
        JsonObject tool = report.getAsJsonObject("tool");
        assertEquals(List.of("name", "version"), keys(tool));
        assertEquals("headroom", tool.get("name").getAsString());
        assertEquals("0.1.0", tool.get("version").getAsString());
        assertEquals("fail", report.get("verdict").getAsString());
        assertEquals(ReportFixtures.FAIL_REASON, report.get("failReason").getAsString());
    }

    @Test
    void writesSummaryCounts() {
        JsonObject summary = report.getAsJsonObject("summary");
        assertEquals(List.of("errors", "warnings", "suppressed", "classes", "methods", "roots"), keys(summary));
        assertEquals(2, summary.get("errors").getAsInt());
        assertEquals(2, summary.get("warnings").getAsInt());
        assertEquals(1, summary.get("suppressed").getAsInt());
        assertEquals(14, summary.get("classes").getAsInt());
        assertEquals(57, summary.get("methods").getAsInt());
        assertEquals(2, summary.get("roots").getAsInt());
    }

    @Test
    void writesRootsInModelOrder() {
        JsonArray roots = report.getAsJsonArray("roots");
        assertEquals(2, roots.size());
        JsonObject motor = roots.get(0).getAsJsonObject();
        assertEquals(List.of("class", "method", "descriptor", "kind", "origin", "rules"), keys(motor));
        assertEquals("com.example.motor.Motor", motor.get("class").getAsString());
        assertEquals("onTick", motor.get("method").getAsString());
        assertEquals("()V", motor.get("descriptor").getAsString());
        assertEquals("interrupt", motor.get("kind").getAsString());
        assertEquals("@InterruptHandler", motor.get("origin").getAsString());
        JsonObject telemetry = roots.get(1).getAsJsonObject();
        assertEquals("com.example.telemetry.TelemetryHandler", telemetry.get("class").getAsString());
        assertEquals("(J)V", telemetry.get("descriptor").getAsString());
        assertEquals("real-time", telemetry.get("kind").getAsString());
        assertEquals("@RealTime", telemetry.get("origin").getAsString());
    }

    @Test
    void writesEachRootsEffectiveRuleSet() {
        JsonArray roots = report.getAsJsonArray("roots");
        List<String> motor = new ArrayList<>();
        roots.get(0).getAsJsonObject().getAsJsonArray("rules").forEach(r -> motor.add(r.getAsString()));
        List<String> telemetry = new ArrayList<>();
        roots.get(1).getAsJsonObject().getAsJsonArray("rules").forEach(r -> telemetry.add(r.getAsString()));
        assertEquals(RootKind.INTERRUPT.rules(), motor);
        assertEquals(RootKind.REAL_TIME.rules(), telemetry);
        assertTrue(motor.contains("blocking-call:error"), motor.toString());
        assertTrue(telemetry.contains("blocking-call:warning"), telemetry.toString());
        assertTrue(telemetry.containsAll(List.of("growable-collection:error", "heap-allocation:error")), telemetry.toString());
    }

    @Test
    void writesTheRuleLevelsOfTheConfigurationInEachRootsRuleSet() {
        JsonObject configured = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.ruleLevels()))
                .getAsJsonObject();
        List<String> motor = new ArrayList<>();
        configured.getAsJsonArray("roots").get(0).getAsJsonObject().getAsJsonArray("rules")
                .forEach(r -> motor.add(r.getAsString()));
        assertEquals(List.of("growable-collection:error", "heap-allocation:error", "blocking-call:error", "recursion:off",
                "unresolved-call:warning", "ignored-capacity-result:warning", "unbounded-loop:error",
                "deadline-exceeded:warning"), motor);
        assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.REPORT, configured.toString()));
        assertRejected(configured, r -> r.getAsJsonArray("roots").get(0).getAsJsonObject().getAsJsonArray("rules")
                .add("recursion:fatal"));
    }

    @Test
    void writesFindingsInModelOrder() {
        List<String> rules = new ArrayList<>();
        for (JsonElement finding : report.getAsJsonArray("findings")) {
            rules.add(finding.getAsJsonObject().get("rule").getAsString());
        }
        assertEquals(List.of("unused-suppression", "heap-allocation", "growable-collection", "heap-allocation",
                "heap-allocation"), rules);
    }

    @Test
    void writesFullFindingWithKeysInContractOrder() {
        JsonObject growth = finding(2);
        assertEquals(List.of("rule", "severity", "message", "remedy", "suppressed", "coldPath", "rootCount", "location",
                "root", "callChain"), keys(growth));
        assertFalse(growth.get("coldPath").getAsBoolean());
        assertEquals(3, growth.get("rootCount").getAsInt());
        assertEquals("growable-collection", growth.get("rule").getAsString());
        assertEquals("error", growth.get("severity").getAsString());
        assertTrue(growth.get("message").getAsString().startsWith("call to java.util.ArrayList#add"));
        assertEquals("preallocate a fixed-size array or ring buffer at initialisation",
                growth.get("remedy").getAsString());
        assertFalse(growth.get("suppressed").getAsBoolean());

        JsonObject location = growth.getAsJsonObject("location");
        assertEquals(List.of("class", "method", "descriptor", "file", "line"), keys(location));
        assertEquals("com.example.telemetry.TelemetryHandler", location.get("class").getAsString());
        assertEquals("onSample", location.get("method").getAsString());
        assertEquals("(J)V", location.get("descriptor").getAsString());
        assertEquals("TelemetryHandler.java", location.get("file").getAsString());
        assertEquals(31, location.get("line").getAsInt());

        JsonObject root = growth.getAsJsonObject("root");
        assertEquals(List.of("class", "method", "descriptor"), keys(root));
        assertEquals("com.example.telemetry.TelemetryHandler", root.get("class").getAsString());
        assertEquals("onSample", root.get("method").getAsString());
        assertEquals("(J)V", root.get("descriptor").getAsString());
    }

    @Test
    void writesWholeCallChainWithoutElision() {
        JsonArray chain = finding(2).getAsJsonArray("callChain");
        assertEquals(ReportFixtures.longChain().size(), chain.size());
        JsonObject first = chain.get(0).getAsJsonObject();
        assertEquals(List.of("class", "method", "descriptor", "line"), keys(first));
        assertEquals("onSample", first.get("method").getAsString());
        assertEquals(31, first.get("line").getAsInt());
        JsonObject last = chain.get(chain.size() - 1).getAsJsonObject();
        assertEquals("java.lang.reflect.Array", last.get("class").getAsString());
        assertEquals("newInstance", last.get("method").getAsString());
        assertEquals("(Ljava/lang/Class;I)Ljava/lang/Object;", last.get("descriptor").getAsString());
        assertEquals(0, last.get("line").getAsInt());
    }

    @Test
    void omitsRootRemedyAndReasonWhenAbsent() {
        JsonObject unused = finding(0);
        assertEquals("unused-suppression", unused.get("rule").getAsString());
        assertEquals("warning", unused.get("severity").getAsString());
        assertFalse(unused.has("root"));
        assertFalse(unused.has("remedy"));
        assertFalse(unused.has("suppressionReason"));
        assertEquals(0, unused.getAsJsonArray("callChain").size());
        assertEquals(List.of("rule", "severity", "message", "suppressed", "coldPath", "location", "callChain"),
                keys(unused));
    }

    @Test
    void marksColdPathFindings() {
        JsonObject cold = finding(4);
        assertEquals("heap-allocation", cold.get("rule").getAsString());
        assertTrue(cold.get("coldPath").getAsBoolean());
    }

    @Test
    void omitsFileWhenClassHasNoSourceFile() {
        JsonObject location = finding(1).getAsJsonObject("location");
        assertEquals(List.of("class", "method", "descriptor", "line"), keys(location));
        assertEquals("com.example.motor.Motor$Filter", location.get("class").getAsString());
        assertEquals(0, location.get("line").getAsInt());
    }

    @Test
    void writesSuppressedFindingWithReason() {
        JsonObject suppressed = finding(3);
        assertTrue(suppressed.get("suppressed").getAsBoolean());
        assertEquals("one sample object per second, measured", suppressed.get("suppressionReason").getAsString());
        assertEquals(List.of("rule", "severity", "message", "suppressed", "suppressionReason", "coldPath", "location",
                "root", "callChain"), keys(suppressed));
    }

    @Test
    void roundTripsHostileCharactersAndDoesNotEscapeHtml() {
        assertEquals(ReportFixtures.HOSTILE_MESSAGE, finding(1).get("message").getAsString());
        assertTrue(output.contains("<script>alert('x')</script> & temp\u00e9rature \u2014 \u6e29"),
                "HTML and non-ASCII are written as themselves");
        assertTrue(output.contains("\\\"double\\\" in apply \\\\ "), "quotes and backslash are escaped");
    }

    @Test
    void writesSkippedInputs() {
        JsonArray skipped = report.getAsJsonArray("skipped");
        assertEquals(1, skipped.size());
        JsonObject problem = skipped.get(0).getAsJsonObject();
        assertEquals(List.of("source", "reason"), keys(problem));
        assertEquals("lib/broken.jar!/com/x/Y.class", problem.get("source").getAsString());
        assertEquals("truncated class file", problem.get("reason").getAsString());
    }

    @Test
    void writesNoPlaceholderSections() {
        assertFalse(report.has("memory"));
        assertFalse(report.has("timing"));
    }

    @Test
    void prettyPrintsWithTwoSpacesAndFinalNewline() {
        assertTrue(output.startsWith("{\n  \"schemaVersion\": 1,\n  \"tool\": {\n    \"name\": \"headroom\""),
                output);
        assertTrue(output.endsWith("}\n"));
        assertFalse(output.endsWith("\n\n"));
        assertFalse(output.contains("\r"));
    }

    @Test
    void twoWritesAreByteIdentical() {
        AnalysisResult result = ReportFixtures.fixture();
        assertEquals(render(new JsonReportWriter(), result), render(new JsonReportWriter(), result));
        JsonReportWriter writer = new JsonReportWriter();
        assertEquals(render(writer, result), render(writer, result));
    }

    @Test
    void writesEmptyResult() {
        String empty = render(new JsonReportWriter(), ReportFixtures.empty());
        JsonObject parsed = JsonParser.parseString(empty).getAsJsonObject();
        assertEquals(List.of("schemaVersion", "tool", "verdict", "summary", "roots", "findings", "skipped"),
                keys(parsed));
        assertEquals("pass", parsed.get("verdict").getAsString());
        assertEquals(0, parsed.getAsJsonObject("summary").get("roots").getAsInt());
        assertEquals(0, parsed.getAsJsonArray("roots").size());
        assertEquals(0, parsed.getAsJsonArray("findings").size());
        assertEquals(0, parsed.getAsJsonArray("skipped").size());
        assertTrue(empty.endsWith("}\n"));
    }

    @Test
    void everyFixtureIsValidAgainstTheReportSchema() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            String json = render(new JsonReportWriter(), fixture.getValue());
            assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.REPORT, json), fixture.getKey() + ":\n" + json);
        }
    }

    @Test
    void reportSchemaRejectsWhatTheWriterNeverWrites() {
        JsonObject budgets = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.budgets()))
                .getAsJsonObject();
        assertRejected(budgets, r -> r.getAsJsonObject("memory").remove("totalBytes"));
        assertRejected(budgets, r -> r.getAsJsonObject("memory").addProperty("budgetBytes", -1));
        assertRejected(budgets, r -> r.getAsJsonObject("timing").getAsJsonArray("roots").get(2).getAsJsonObject()
                .addProperty("wcet", 0));
        assertRejected(budgets, r -> r.getAsJsonArray("findings").get(0).getAsJsonObject()
                .addProperty("rule", "no-such-rule"));
        assertRejected(budgets, r -> r.addProperty("verdict", "pass"));
        assertRejected(budgets, r -> r.add("memory", com.google.gson.JsonNull.INSTANCE));
        assertRejected(budgets, r -> r.addProperty("extra", 1));
        JsonObject earlier = budgets.deepCopy(); // reports written before origin was added still validate
        earlier.getAsJsonObject("memory").getAsJsonArray("items").forEach(i -> i.getAsJsonObject().remove("origin"));
        assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.REPORT, earlier.toString()));
        assertRejected(budgets, r -> item(r, 0).addProperty("origin", "heap"));
        assertRejected(budgets, r -> item(r, 0).add("initRoot", budgets.getAsJsonObject("timing")
                .getAsJsonArray("roots").get(0).getAsJsonObject().get("root")));

        JsonObject initRoots = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.initRoots()))
                .getAsJsonObject();
        assertRejected(initRoots, r -> item(r, 2).remove("initRoot"));
        assertRejected(initRoots, r -> item(r, 2).getAsJsonObject("initRoot").remove("descriptor"));
    }

    private static JsonObject item(JsonObject report, int index) {
        return report.getAsJsonObject("memory").getAsJsonArray("items").get(index).getAsJsonObject();
    }

    @Test
    void writesTheBaselineSectionOnlyWhenABaselineWasUsed() {
        JsonObject plain = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.fixture()))
                .getAsJsonObject();
        assertFalse(plain.has("baseline"));
        JsonObject report = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.baselined()))
                .getAsJsonObject();
        JsonObject baseline = report.getAsJsonObject("baseline");
        assertEquals(List.of("file", "written", "accepted", "noLongerPresent", "regressions"),
                List.copyOf(baseline.keySet()));
        assertEquals("headroom-baseline.json", baseline.get("file").getAsString());
        assertEquals(1, baseline.getAsJsonArray("accepted").size());
        JsonObject accepted = baseline.getAsJsonArray("accepted").get(0).getAsJsonObject();
        assertEquals("heap-allocation", accepted.get("rule").getAsString());
        assertEquals("com.example.motor.Motor$Filter", accepted.getAsJsonObject("location").get("class").getAsString());
        JsonObject gone = baseline.getAsJsonArray("noLongerPresent").get(0).getAsJsonObject();
        assertEquals("growable-collection", gone.get("rule").getAsString());
        assertEquals("com.example.motor.Motor#calibrate()V", gone.get("location").getAsString());
        assertEquals(2, gone.get("count").getAsInt());
        assertEquals(1, baseline.get("regressions").getAsInt());
        assertTrue(report.getAsJsonArray("findings").asList().stream()
                .anyMatch(f -> f.getAsJsonObject().get("rule").getAsString().equals("stack-budget-exceeded")));
        List<String> keys = List.copyOf(report.keySet());
        assertEquals(keys.indexOf("skipped") - 1, keys.indexOf("baseline"), keys.toString());
    }

    @Test
    void reportSchemaKeepsTheBaselineSectionStrict() {
        JsonObject report = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.baselined()))
                .getAsJsonObject();
        assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.REPORT, report.toString()));
        assertRejected(report, r -> r.getAsJsonObject("baseline").getAsJsonArray("noLongerPresent").get(0)
                .getAsJsonObject().addProperty("count", 0));
        assertRejected(report, r -> r.getAsJsonObject("baseline").getAsJsonArray("noLongerPresent").get(0)
                .getAsJsonObject().addProperty("rule", "no-such-rule"));
        assertRejected(report, r -> r.getAsJsonObject("baseline").remove("accepted"));
        assertRejected(report, r -> r.getAsJsonObject("baseline").addProperty("extra", 1));
    }

    private static void assertRejected(JsonObject report, java.util.function.Consumer<JsonObject> change) {
        JsonObject changed = report.deepCopy();
        change.accept(changed);
        assertFalse(JsonSchemas.violations(JsonSchemas.REPORT, changed.toString()).isEmpty(), changed.toString());
    }

    @Test
    void schemaFileIsTheOneInTheJar() throws IOException {
        Path file = Path.of("schema", "headroom-report.schema.json");
        assertTrue(Files.isRegularFile(file), "run from the reports module: " + file.toAbsolutePath());
        try (InputStream in = JsonReportWriter.class.getResourceAsStream(JsonReportWriter.SCHEMA_RESOURCE)) {
            assertEquals(Files.readString(file), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesMemoryAndTimingAfterFindings() {
        JsonObject budgets = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.budgets()))
                .getAsJsonObject();
        assertEquals(List.of("schemaVersion", "tool", "verdict", "failReason", "summary", "roots", "findings",
                "memory", "timing", "skipped"), keys(budgets));
    }

    @Test
    void writesMemorySectionFieldByField() {
        JsonObject memory = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.budgets()))
                .getAsJsonObject().getAsJsonObject("memory");
        assertEquals(List.of("layout", "budgetBytes", "totalBytes", "bounded", "verdict", "items", "stack"), keys(memory));
        assertEquals("hotspot-coops", memory.get("layout").getAsString());
        assertEquals(65536, memory.get("budgetBytes").getAsLong());
        assertEquals(12504, memory.get("totalBytes").getAsLong());
        assertTrue(memory.get("bounded").getAsBoolean());
        assertEquals("pass", memory.get("verdict").getAsString());

        JsonArray items = memory.getAsJsonArray("items");
        assertEquals(4, items.size());
        JsonObject history = items.get(0).getAsJsonObject();
        assertEquals(List.of("field", "type", "bytes", "detail", "origin"), keys(history));
        assertEquals("com.example.motor.Motor.history", history.get("field").getAsString());
        assertEquals("long[]", history.get("type").getAsString());
        assertEquals(8208, history.get("bytes").getAsLong());
        assertEquals("long[1024]", history.get("detail").getAsString());
        assertEquals("static", history.get("origin").getAsString());
        JsonObject instance = items.get(3).getAsJsonObject();
        assertEquals(List.of("field", "type", "bytes", "origin"), keys(instance), "no detail, no key");
        assertEquals(24, instance.get("bytes").getAsLong());

        JsonArray stack = memory.getAsJsonArray("stack");
        assertEquals(3, stack.size());
        JsonObject onSample = stack.get(2).getAsJsonObject();
        assertEquals(List.of("root", "bytes", "bounded", "verdict"), keys(onSample));
        JsonObject root = onSample.getAsJsonObject("root");
        assertEquals(List.of("class", "method", "descriptor"), keys(root));
        assertEquals("com.example.telemetry.TelemetryHandler", root.get("class").getAsString());
        assertEquals("onSample", root.get("method").getAsString());
        assertEquals("(J)V", root.get("descriptor").getAsString());
        assertEquals(4096, onSample.get("bytes").getAsLong());
        assertTrue(onSample.get("bounded").getAsBoolean());
        assertEquals("fail", onSample.get("verdict").getAsString());
        assertEquals("calibrate", stack.get(0).getAsJsonObject().getAsJsonObject("root").get("method").getAsString());
    }

    @Test
    void writesTheOriginOfEveryMemoryItemAndTheInitialisationRootLikeARootKey() {
        JsonObject report = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.initRoots()))
                .getAsJsonObject();
        JsonArray items = report.getAsJsonObject("memory").getAsJsonArray("items");
        assertEquals(List.of("static", "static", "init-root", "static", "init-root", "static"),
                items.asList().stream().map(i -> i.getAsJsonObject().get("origin").getAsString()).toList());

        JsonObject allocated = items.get(2).getAsJsonObject();
        assertEquals(List.of("field", "type", "bytes", "detail", "origin", "initRoot"), keys(allocated));
        assertEquals("com.example.telemetry.TelemetryApp.start line 12", allocated.get("field").getAsString());
        assertEquals("byte[]", allocated.get("type").getAsString());
        assertEquals(1040, allocated.get("bytes").getAsLong());
        assertEquals("byte[1024]", allocated.get("detail").getAsString());
        JsonObject initRoot = allocated.getAsJsonObject("initRoot");
        assertEquals(List.of("class", "method", "descriptor"), keys(initRoot));
        assertEquals("com.example.telemetry.TelemetryApp", initRoot.get("class").getAsString());
        assertEquals("start", initRoot.get("method").getAsString());
        assertEquals("()V", initRoot.get("descriptor").getAsString());
        JsonObject timingRoot = report.getAsJsonObject("timing").getAsJsonArray("roots").get(0).getAsJsonObject()
                .getAsJsonObject("root");
        assertEquals(keys(timingRoot), keys(initRoot), "written as timing.roots[].root is");

        JsonObject stored = items.get(4).getAsJsonObject();
        assertEquals(List.of("field", "type", "bytes", "origin", "initRoot"), keys(stored), "no detail, no key");
        assertEquals(initRoot, stored.getAsJsonObject("initRoot"));
        assertFalse(items.get(3).getAsJsonObject().has("initRoot"), "static state has no initialisation root");
    }

    @Test
    void writesTimingSectionFieldByField() {
        JsonObject timing = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.budgets()))
                .getAsJsonObject().getAsJsonObject("timing");
        assertEquals(List.of("costModel", "roots"), keys(timing));
        assertEquals("unit", timing.get("costModel").getAsString());
        JsonArray roots = timing.getAsJsonArray("roots");
        assertEquals(3, roots.size());

        JsonObject calibrate = roots.get(0).getAsJsonObject();
        assertEquals(List.of("root", "bounded", "wcet", "worstPath"), keys(calibrate), "no deadline, no verdict");
        assertEquals(80, calibrate.get("wcet").getAsLong());

        JsonObject onTick = roots.get(1).getAsJsonObject();
        assertEquals(List.of("root", "bounded", "wcet", "deadline", "verdict", "worstPath", "exceptionalExits",
                "worstCase"), keys(onTick));
        JsonObject worst = onTick.getAsJsonObject("worstCase");
        JsonObject loop = worst.getAsJsonArray("loops").get(0).getAsJsonObject();
        assertEquals(List.of("method", "file", "line", "bound", "entries", "iterations"), keys(loop));
        assertEquals("onTick", loop.getAsJsonObject("method").get("method").getAsString());
        assertEquals(List.of(24L, 16L, 1L, 16L), List.of(loop.get("line").getAsLong(), loop.get("bound").getAsLong(),
                loop.get("entries").getAsLong(), loop.get("iterations").getAsLong()));
        assertEquals("[{\"line\":23,\"count\":1},{\"line\":24,\"count\":17},{\"line\":25,\"count\":16}]",
                worst.getAsJsonArray("lines").toString(), "each line of the root's method that runs, and how often");
        assertEquals(List.of("Motor.java:30 in com.example.motor.Motor.check()"),
                strings(onTick.getAsJsonArray("exceptionalExits")), "the throw sites the bound leaves out");
        assertEquals("onTick", onTick.getAsJsonObject("root").get("method").getAsString());
        assertEquals("com.example.motor.Motor", onTick.getAsJsonObject("root").get("class").getAsString());
        assertEquals("()V", onTick.getAsJsonObject("root").get("descriptor").getAsString());
        assertTrue(onTick.get("bounded").getAsBoolean());
        assertEquals(1234, onTick.get("wcet").getAsLong());
        assertEquals(5000, onTick.get("deadline").getAsLong());
        assertEquals("pass", onTick.get("verdict").getAsString());
        JsonArray path = onTick.getAsJsonArray("worstPath");
        assertEquals(List.of("com.example.motor.Motor.onTick()", "loop at Motor.java:24 x 16",
                "com.example.motor.Motor.Filter.apply(double)"), strings(path));

        JsonObject onSample = roots.get(2).getAsJsonObject();
        assertEquals(List.of("root", "bounded", "deadline", "verdict", "worstPath"), keys(onSample),
                "an unbounded root has no wcet number");
        assertFalse(onSample.get("bounded").getAsBoolean());
        assertEquals(2000, onSample.get("deadline").getAsLong());
        assertEquals("fail", onSample.get("verdict").getAsString());
    }

    @Test
    void omitsBudgetVerdictsAndDeadlinesThatDoNotExist() {
        JsonObject report = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.unbudgeted()))
                .getAsJsonObject();
        JsonObject memory = report.getAsJsonObject("memory");
        assertEquals(List.of("layout", "totalBytes", "bounded", "items", "stack"), keys(memory));
        assertFalse(memory.get("bounded").getAsBoolean());
        assertEquals("hotspot-nocoops", memory.get("layout").getAsString());
        JsonObject stack = memory.getAsJsonArray("stack").get(1).getAsJsonObject();
        assertEquals(List.of("root", "bytes", "bounded"), keys(stack));
        assertFalse(stack.get("bounded").getAsBoolean());
        JsonArray roots = report.getAsJsonObject("timing").getAsJsonArray("roots");
        assertEquals(List.of("root", "bounded", "wcet", "worstPath"), keys(roots.get(0).getAsJsonObject()));
        assertEquals(List.of("root", "bounded", "worstPath"), keys(roots.get(1).getAsJsonObject()));
        JsonArray unboundedPath = roots.get(1).getAsJsonObject().getAsJsonArray("worstPath");
        assertTrue(unboundedPath.get(unboundedPath.size() - 1).getAsString().startsWith("unbounded: "),
                "an unbounded root's path ends with the reason: " + unboundedPath);
    }

    @Test
    void writesMemoryWithoutTiming() {
        JsonObject report = JsonParser.parseString(render(new JsonReportWriter(), ReportFixtures.overBudget()))
                .getAsJsonObject();
        assertTrue(report.has("memory"));
        assertFalse(report.has("timing"));
        assertEquals("fail", report.getAsJsonObject("memory").get("verdict").getAsString());
        assertEquals(12000, report.getAsJsonObject("memory").get("budgetBytes").getAsLong());
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    private JsonObject finding(int index) {
        return report.getAsJsonArray("findings").get(index).getAsJsonObject();
    }

    private static List<String> keys(JsonObject object) {
        return new ArrayList<>(object.keySet());
    }
}
