package dev.headroom.reports;

import static dev.headroom.reports.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final String output = render(new SarifReportWriter(), ReportFixtures.fixture());
    private final JsonObject sarif = JsonParser.parseString(output).getAsJsonObject();
    private final JsonObject run = sarif.getAsJsonArray("runs").get(0).getAsJsonObject();

    @Test
    void everyFixtureIsValidSarif210() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            String json = render(new SarifReportWriter(), fixture.getValue());
            assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.SARIF, json), fixture.getKey() + ":\n" + json);
        }
        String withCategory = render(new SarifReportWriter("headroom/app"), ReportFixtures.fixture());
        assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.SARIF, withCategory));
    }

    @Test
    void schemaValidationIsNotVacuous() {
        JsonObject broken = sarif.deepCopy();
        JsonObject result = broken.getAsJsonArray("runs").get(0).getAsJsonObject()
                .getAsJsonArray("results").get(0).getAsJsonObject();
        result.addProperty("level", "fatal");
        result.add("unknownProperty", new JsonObject());
        List<String> violations = JsonSchemas.violations(JsonSchemas.SARIF, broken.toString());
        assertTrue(violations.size() >= 2, violations.toString());
    }

    @Test
    void writesOneRunWithVersionAndSchema() {
        assertEquals("2.1.0", sarif.get("version").getAsString());
        assertEquals(SarifReportWriter.SCHEMA_URI, sarif.get("$schema").getAsString());
        assertEquals(1, sarif.getAsJsonArray("runs").size());
        assertEquals("fail", run.getAsJsonObject("properties").get("verdict").getAsString());
        assertEquals(ReportFixtures.FAIL_REASON, run.getAsJsonObject("properties").get("failReason").getAsString());
        assertTrue(run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").has("description"));
    }

    @Test
    void driverHasNameVersionAndInformationUri() {
        JsonObject driver = driver(run);
        assertEquals("headroom", driver.get("name").getAsString());
        assertEquals("0.1.0", driver.get("version").getAsString());
        assertEquals("https://headroom.dev/", driver.get("informationUri").getAsString());
    }

    @Test
    void theRunHasTheCategoryItIsGiven() {
        assertFalse(run.has("automationDetails"), "no category given");
        for (String category : List.of("headroom/app", "headroom/app/")) {
            JsonObject other = JsonParser.parseString(render(new SarifReportWriter(category), ReportFixtures.fixture()))
                    .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
            assertEquals("headroom/app/", other.getAsJsonObject("automationDetails").get("id").getAsString(),
                    "GitHub reads the category up to the last slash");
        }
        JsonObject viaSettings = JsonParser.parseString(render(ReportFormat.SARIF.newWriter(
                        new ReportSettings("headroom/lib", java.time.Instant.EPOCH)), ReportFixtures.fixture()))
                .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("headroom/lib/", viaSettings.getAsJsonObject("automationDetails").get("id").getAsString());
    }

    @Test
    void describesEveryRule() {
        JsonArray rules = driver(run).getAsJsonArray("rules");
        assertEquals(Rule.values().length, rules.size());
        List<String> ids = new ArrayList<>();
        for (JsonElement element : rules) {
            JsonObject descriptor = element.getAsJsonObject();
            String id = descriptor.get("id").getAsString();
            ids.add(id);
            Rule rule = Rule.byId(id).orElseThrow(() -> new AssertionError("unknown rule id " + id));
            assertEquals(rule.summary(), text(descriptor, "shortDescription"), id);
            assertEquals(rule.explanation(), text(descriptor, "fullDescription"), id);
            assertEquals(rule.remedy(), text(descriptor, "help"), id);
            assertEquals("https://headroom.dev/rules/" + id, descriptor.get("helpUri").getAsString(), id);
            assertFalse(descriptor.get("name").getAsString().equalsIgnoreCase(id), "SARIF1001: the name is not the id: " + id);
            assertEquals(rule.defaultSeverity().id(),
                    descriptor.getAsJsonObject("defaultConfiguration").get("level").getAsString(), id);
            assertTrue(descriptor.get("name").getAsString().matches("[A-Z][A-Za-z]+"), id);
        }
        assertEquals(Arrays.stream(Rule.values()).map(Rule::id).sorted().toList(), ids, "every id, sorted");
        assertEquals("GrowableCollection", rules.get(ids.indexOf("growable-collection")).getAsJsonObject()
                .get("name").getAsString());
        assertEquals("RecursiveCall", rules.get(ids.indexOf("recursion")).getAsJsonObject().get("name").getAsString());
        assertEquals("warning", rules.get(ids.indexOf("unresolved-call")).getAsJsonObject()
                .getAsJsonObject("defaultConfiguration").get("level").getAsString());
    }

    @Test
    void writesOneResultPerFindingInModelOrderWithMatchingRuleIndex() {
        JsonArray results = results(run);
        List<Finding> findings = ReportFixtures.fixture().findings();
        assertEquals(findings.size(), results.size());
        JsonArray rules = driver(run).getAsJsonArray("rules");
        for (int i = 0; i < findings.size(); i++) {
            JsonObject result = results.get(i).getAsJsonObject();
            assertEquals(findings.get(i).rule().id(), result.get("ruleId").getAsString());
            int index = result.get("ruleIndex").getAsInt();
            assertEquals(result.get("ruleId").getAsString(), rules.get(index).getAsJsonObject().get("id").getAsString());
            assertEquals(findings.get(i).severity().id(), result.get("level").getAsString());
        }
    }

    @Test
    void resultHasMessageLocationRegionAndLogicalLocation() {
        JsonObject growth = result(2);
        assertEquals("growable-collection", growth.get("ruleId").getAsString());
        assertEquals("error", growth.get("level").getAsString());
        String message = growth.getAsJsonObject("message").get("text").getAsString();
        assertTrue(message.startsWith("call to java.util.ArrayList#add"), message);
        assertTrue(message.contains("Reached from root com.example.telemetry.TelemetryHandler#onSample(J)V (and 2 more)."),
                message);
        assertTrue(message.contains("Remedy: preallocate a fixed-size array"), message);

        JsonArray locations = growth.getAsJsonArray("locations");
        assertEquals(1, locations.size());
        JsonObject physical = locations.get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
        JsonObject artifact = physical.getAsJsonObject("artifactLocation");
        assertEquals("com/example/telemetry/TelemetryHandler.java", artifact.get("uri").getAsString());
        assertEquals("%SRCROOT%", artifact.get("uriBaseId").getAsString());
        assertEquals(31, physical.getAsJsonObject("region").get("startLine").getAsInt());

        JsonObject logical = locations.get(0).getAsJsonObject().getAsJsonArray("logicalLocations").get(0)
                .getAsJsonObject();
        assertEquals("onSample", logical.get("name").getAsString());
        assertEquals("com.example.telemetry.TelemetryHandler.onSample", logical.get("fullyQualifiedName").getAsString());
        assertEquals("com.example.telemetry.TelemetryHandler#onSample(J)V", logical.get("decoratedName").getAsString());
        assertEquals("function", logical.get("kind").getAsString());

        JsonObject properties = growth.getAsJsonObject("properties");
        assertEquals("com.example.telemetry.TelemetryHandler#onSample(J)V", properties.get("root").getAsString());
        assertEquals(3, properties.get("rootCount").getAsInt());
        assertEquals("preallocate a fixed-size array or ring buffer at initialisation",
                properties.get("remedy").getAsString(), "the finding's own remedy, next to the rule's general help");
        assertTrue(growth.getAsJsonObject("message").get("text").getAsString()
                .contains("Remedy: preallocate a fixed-size array or ring buffer at initialisation"));
        assertFalse(growth.has("suppressions"));
    }

    @Test
    void placesAFindingWithoutLineAtLineOneAndDerivesPathForClassWithoutSourceFile() {
        JsonObject boxing = result(1);
        JsonObject physical = boxing.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation");
        assertEquals(1, physical.getAsJsonObject("region").get("startLine").getAsInt(),
                "SARIF2017: every result has a region; the file is known, the line is not");
        assertEquals("com/example/motor/Motor.java",
                physical.getAsJsonObject("artifactLocation").get("uri").getAsString(),
                "a nested class without SourceFile: its outermost class's file");
    }

    @Test
    void keepsPathsUnderASourceRootAndPlacesBareNamesUnderThePackage() {
        assertEquals("src/main/java/com/acme/Motor.java",
                SarifLocations.path("com.acme.Motor", "src/main/java/com/acme/Motor.java"));
        assertEquals("src/main/java/com/acme/Motor.java",
                SarifLocations.path("com.acme.Motor", "src\\main\\java\\com\\acme\\Motor.java"));
        assertEquals("com/acme/Motor.java", SarifLocations.path("com.acme.Motor$Inner", "Motor.java"));
        assertEquals("com/acme/Motor.kt", SarifLocations.path("com.acme.MotorKt", "Motor.kt"));
        assertEquals("Main.java", SarifLocations.path("Main", "Main.java"));
        assertEquals("Main.java", SarifLocations.path("Main$1", null));
    }

    @Test
    void anAbsolutePathIsAFileUriWithoutBase() {
        assertEquals("file:///home/me/My%20Project/src/Motor.java",
                SarifLocations.uri("/home/me/My Project/src/Motor.java"));
        assertEquals("file:///C:/work/src/Motor.java", SarifLocations.uri("C:/work/src/Motor.java"));
        assertEquals("app/src/main/java/Motor.java", SarifLocations.uri("app/src/main/java/Motor.java"));

        AnalysisResult base = ReportFixtures.fixture();
        Finding growth = base.findings().get(2);
        Finding absolute = new Finding(growth.rule(), growth.severity(), growth.message(), growth.remedy(), false,
                null, new Location(growth.location().method(), "/srv/ci/src/main/java/com/example/telemetry/"
                + "TelemetryHandler.java", 31), growth.root(), growth.callChain(), false, 1);
        AnalysisResult result = new AnalysisResult(base.toolVersion(), base.verdict(), base.failReason(),
                base.dispatch(), base.summary(), base.roots(), List.of(absolute), List.of(), null, null);
        String json = render(new SarifReportWriter(), result);
        assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.SARIF, json));
        JsonObject artifact = results(JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject()).get(0).getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
        assertEquals("file:///srv/ci/src/main/java/com/example/telemetry/TelemetryHandler.java",
                artifact.get("uri").getAsString());
        assertFalse(artifact.has("uriBaseId"));
    }

    @Test
    void percentEncodesWhatAUriReferenceCannotHold() {
        assertEquals("src/main/java/com/acme/Motor.java", SarifLocations.encodeUri("src/main/java/com/acme/Motor.java"));
        assertEquals("My%20Project/src/%3Cx%3E%22%25/Caf%C3%A9.java",
                SarifLocations.encodeUri("My Project/src/<x>\"%/Caf\u00e9.java"));
        assertEquals("C%3A/work/Motor.java", SarifLocations.encodeUri("C:/work/Motor.java"));
        JsonObject hostile = JsonParser.parseString(render(new SarifReportWriter(), ReportFixtures.hostile()))
                .getAsJsonObject();
        assertEquals("com/example/Evil%3C&%3E%22.java",
                results(hostile.getAsJsonArray("runs").get(0).getAsJsonObject()).get(0).getAsJsonObject()
                        .getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                        .getAsJsonObject("artifactLocation").get("uri").getAsString());
    }

    @Test
    void suppressedFindingCarriesAnInSourceSuppressionWithItsJustification() {
        JsonObject suppressed = result(3);
        JsonArray suppressions = suppressed.getAsJsonArray("suppressions");
        assertEquals(1, suppressions.size());
        JsonObject suppression = suppressions.get(0).getAsJsonObject();
        assertEquals("inSource", suppression.get("kind").getAsString());
        assertEquals("one sample object per second, measured", suppression.get("justification").getAsString());
        assertEquals("error", suppressed.get("level").getAsString());
    }

    @Test
    void findingWithoutRootIsWrittenWithoutCodeFlow() {
        JsonObject unused = result(0);
        assertEquals("unused-suppression", unused.get("ruleId").getAsString());
        assertEquals("warning", unused.get("level").getAsString());
        assertFalse(unused.has("codeFlows"), "an empty chain gives no code flow");
        assertFalse(unused.getAsJsonObject("properties").has("root"));
        assertFalse(unused.getAsJsonObject("message").get("text").getAsString().contains("Reached from"));
        assertEquals(12, unused.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("region").get("startLine").getAsInt());
    }

    @Test
    void callChainIsACodeFlowWithUserFramesLocatedInSource() {
        JsonArray codeFlows = result(2).getAsJsonArray("codeFlows");
        assertEquals(1, codeFlows.size());
        JsonArray threadFlows = codeFlows.get(0).getAsJsonObject().getAsJsonArray("threadFlows");
        assertEquals(1, threadFlows.size());
        JsonArray steps = threadFlows.get(0).getAsJsonObject().getAsJsonArray("locations");
        assertEquals(ReportFixtures.longChain().size(), steps.size());

        JsonObject first = steps.get(0).getAsJsonObject().getAsJsonObject("location");
        JsonObject physical = first.getAsJsonObject("physicalLocation");
        assertEquals("com/example/telemetry/TelemetryHandler.java",
                physical.getAsJsonObject("artifactLocation").get("uri").getAsString());
        assertEquals(31, physical.getAsJsonObject("region").get("startLine").getAsInt());
        assertEquals("com.example.telemetry.TelemetryHandler#onSample(J)V",
                first.getAsJsonArray("logicalLocations").get(0).getAsJsonObject().get("decoratedName").getAsString());

        for (int i = 1; i < steps.size(); i++) {
            JsonObject step = steps.get(i).getAsJsonObject();
            JsonObject location = step.getAsJsonObject("location");
            assertFalse(location.has("physicalLocation"), "frame " + i + " is below the reported one: library code");
            assertEquals(i, step.get("nestingLevel").getAsInt());
            assertEquals(i + 1, step.get("executionOrder").getAsInt());
        }
        JsonObject last = steps.get(steps.size() - 1).getAsJsonObject().getAsJsonObject("location");
        assertEquals("java.lang.reflect.Array#newInstance(Ljava/lang/Class;I)Ljava/lang/Object;",
                last.getAsJsonArray("logicalLocations").get(0).getAsJsonObject().get("decoratedName").getAsString());
        assertEquals("java.lang.reflect.Array.newInstance",
                last.getAsJsonObject("message").get("text").getAsString());
    }

    @Test
    void framesAboveTheReportedOneAreUserCode() {
        // cold path: onSample:35 -> fail:40, reported in fail: both frames are located in source
        JsonArray steps = result(4).getAsJsonArray("codeFlows").get(0).getAsJsonObject()
                .getAsJsonArray("threadFlows").get(0).getAsJsonObject().getAsJsonArray("locations");
        assertEquals(2, steps.size());
        for (int i = 0; i < 2; i++) {
            JsonObject physical = steps.get(i).getAsJsonObject().getAsJsonObject("location")
                    .getAsJsonObject("physicalLocation");
            assertEquals("com/example/telemetry/TelemetryHandler.java",
                    physical.getAsJsonObject("artifactLocation").get("uri").getAsString());
        }
        assertEquals(35, steps.get(0).getAsJsonObject().getAsJsonObject("location")
                .getAsJsonObject("physicalLocation").getAsJsonObject("region").get("startLine").getAsInt());
        assertEquals(40, steps.get(1).getAsJsonObject().getAsJsonObject("location")
                .getAsJsonObject("physicalLocation").getAsJsonObject("region").get("startLine").getAsInt());
    }

    @Test
    void fingerprintsAreSha256AndUniquePerFinding() {
        List<String> prints = fingerprints(ReportFixtures.fixture());
        for (String print : prints) {
            assertTrue(SHA256_HEX.matcher(print).matches(), print);
        }
        assertEquals(prints.size(), prints.stream().distinct().count(), prints.toString());
    }

    /**
     * Two findings alike but for their line (the same call twice in one method) are two alerts to GitHub: the second
     * has the first's fingerprint and {@code :2}, and the first keeps its own, so earlier uploads' alerts stay theirs.
     */
    @Test
    void theSameFindingOnTwoLinesHasTwoFingerprints() {
        AnalysisResult base = ReportFixtures.fixture();
        Finding first = base.findings().get(0);
        List<Finding> findings = new ArrayList<>(base.findings());
        findings.add(1, ReportFixtures.lineMoved(first, 3));
        List<String> prints = fingerprints(ReportFixtures.withFindings(base, findings));
        assertAll(
                () -> assertEquals(SarifReportWriter.fingerprint(first), prints.get(0), "the first keeps its own"),
                () -> assertEquals(prints.get(0) + ":2", prints.get(1)),
                () -> assertEquals(prints.size(), prints.stream().distinct().count(), prints.toString()),
                () -> assertEquals(fingerprints(base), prints.stream().filter(p -> !p.endsWith(":2")).toList(),
                        "the others unchanged"));
    }

    /** Above GitHub's 25,000 results in a run, the front ends warn before an upload fails; at it, not. */
    @Test
    void aReportBeyondGitHubsResultLimitIsToldApart() {
        AnalysisResult base = ReportFixtures.fixture();
        List<Finding> many = new ArrayList<>();
        while (many.size() < SarifReportWriter.GITHUB_MOST_RESULTS) {
            many.add(base.findings().get(many.size() % base.findings().size()));
        }
        AnalysisResult atTheLimit = ReportFixtures.withFindings(base, List.copyOf(many));
        many.add(base.findings().get(0));
        AnalysisResult beyond = ReportFixtures.withFindings(base, many);
        List<ReportFormat> sarif = List.of(ReportFormat.JSON, ReportFormat.SARIF);
        assertAll(
                () -> assertEquals(Optional.empty(), SarifReportWriter.beyondGitHubLimits(sarif, base)),
                () -> assertEquals(Optional.empty(), SarifReportWriter.beyondGitHubLimits(sarif, atTheLimit)),
                () -> assertEquals(Optional.of("the SARIF report holds 25001 results, more than the 25000"
                        + " GitHub code scanning takes in a run (it rejects the file): check fewer roots, or exclude"
                        + " classes or turn rules down, before uploading it"),
                        SarifReportWriter.beyondGitHubLimits(sarif, beyond)),
                () -> assertEquals(Optional.empty(), SarifReportWriter.beyondGitHubLimits(
                        List.of(ReportFormat.TEXT, ReportFormat.JSON), beyond), "no SARIF report written"));
    }

    @Test
    void fingerprintsDoNotChangeWhenLinesMove() {
        for (AnalysisResult result : List.of(ReportFixtures.fixture(), ReportFixtures.budgets())) {
            AnalysisResult moved = ReportFixtures.linesMoved(result, 7);
            assertNotEquals(result.findings().get(2).location(), moved.findings().get(2).location(),
                    "the moved fixture really differs");
            assertEquals(fingerprints(result), fingerprints(moved));
        }
    }

    @Test
    void fingerprintIgnoresALineNumberInTheMessage() {
        // budgets(): the deadline finding's message names "TelemetryHandler.java:36"
        Finding deadline = ReportFixtures.budgets().findings().get(1);
        assertEquals(Rule.DEADLINE_EXCEEDED, deadline.rule());
        Finding movedLoop = withMessage(deadline, deadline.message().replace(".java:36", ".java:41"));
        assertEquals(SarifReportWriter.fingerprint(deadline), SarifReportWriter.fingerprint(movedLoop));
    }

    @Test
    void fingerprintChangesWithMessageRuleMethodOrRoot() {
        Finding growth = ReportFixtures.fixture().findings().get(2);
        String print = SarifReportWriter.fingerprint(growth);
        assertNotEquals(print, SarifReportWriter.fingerprint(withMessage(growth, growth.message() + " (twice)")));
        assertNotEquals(print, SarifReportWriter.fingerprint(new Finding(Rule.HEAP_ALLOCATION, growth.severity(),
                growth.message(), growth.remedy(), false, null, growth.location(), growth.root(),
                growth.callChain(), false, 1)));
        assertNotEquals(print, SarifReportWriter.fingerprint(new Finding(growth.rule(), growth.severity(),
                growth.message(), growth.remedy(), false, null,
                new Location(ReportFixtures.FAIL, "TelemetryHandler.java", 31), growth.root(),
                growth.callChain(), false, 1)));
        assertNotEquals(print, SarifReportWriter.fingerprint(new Finding(growth.rule(), growth.severity(),
                growth.message(), growth.remedy(), false, null, growth.location(), ReportFixtures.MOTOR_ON_TICK,
                growth.callChain(), false, 1)));
        // the same finding, other severity and remedy, is the same alert
        assertEquals(print, SarifReportWriter.fingerprint(new Finding(growth.rule(),
                dev.headroom.core.model.Severity.WARNING, growth.message(), null, true, "ok",
                growth.location(), growth.root(), List.of(), true, 1)));
    }

    @Test
    void differentMessagesInTheFixtureGiveDifferentFingerprintsAtTheSameLine() {
        // budgets(): deadline-exceeded and stack-budget-exceeded share method and line 28
        List<String> prints = fingerprints(ReportFixtures.budgets());
        assertNotEquals(prints.get(1), prints.get(2));
    }

    @Test
    void skippedInputsAreToolNotifications() {
        JsonObject invocation = run.getAsJsonArray("invocations").get(0).getAsJsonObject();
        assertTrue(invocation.get("executionSuccessful").getAsBoolean());
        JsonArray notifications = invocation.getAsJsonArray("toolExecutionNotifications");
        assertEquals(1, notifications.size());
        assertEquals("skipped lib/broken.jar!/com/x/Y.class: truncated class file",
                notifications.get(0).getAsJsonObject().getAsJsonObject("message").get("text").getAsString());
    }

    @Test
    void roundTripsHostileCharacters() {
        String message = result(1).getAsJsonObject("message").get("text").getAsString();
        assertTrue(message.startsWith(ReportFixtures.HOSTILE_MESSAGE), message);
        JsonObject hostile = JsonParser.parseString(render(new SarifReportWriter(), ReportFixtures.hostile()))
                .getAsJsonObject();
        JsonObject result = results(hostile.getAsJsonArray("runs").get(0).getAsJsonObject()).get(0).getAsJsonObject();
        assertTrue(result.getAsJsonObject("message").get("text").getAsString().startsWith(ReportFixtures.HOSTILE_TEXT));
    }

    @Test
    void twoWritesAreByteIdentical() {
        for (AnalysisResult result : ReportFixtures.all().values()) {
            assertEquals(render(new SarifReportWriter(), result), render(new SarifReportWriter(), result));
        }
        assertTrue(output.endsWith("}\n"));
        assertFalse(output.contains("\r"));
    }

    @Test
    void emptyResultHasRulesAndNoResults() {
        JsonObject empty = JsonParser.parseString(render(new SarifReportWriter(), ReportFixtures.empty()))
                .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(0, results(empty).size());
        assertEquals(Rule.values().length, driver(empty).getAsJsonArray("rules").size());
        assertFalse(empty.getAsJsonArray("invocations").get(0).getAsJsonObject().has("toolExecutionNotifications"));
    }

    private JsonObject result(int index) {
        return results(run).get(index).getAsJsonObject();
    }

    private static JsonArray results(JsonObject run) {
        return run.getAsJsonArray("results");
    }

    private static JsonObject driver(JsonObject run) {
        return run.getAsJsonObject("tool").getAsJsonObject("driver");
    }

    private static String text(JsonObject object, String key) {
        return object.getAsJsonObject(key).get("text").getAsString();
    }

    private static List<String> fingerprints(AnalysisResult result) {
        JsonObject parsed = JsonParser.parseString(render(new SarifReportWriter(), result)).getAsJsonObject();
        List<String> prints = new ArrayList<>();
        for (JsonElement element : results(parsed.getAsJsonArray("runs").get(0).getAsJsonObject())) {
            prints.add(element.getAsJsonObject().getAsJsonObject("partialFingerprints")
                    .get(SarifReportWriter.FINGERPRINT_KEY).getAsString());
        }
        assertEquals(result.findings().size(), prints.size());
        return prints;
    }

    private static Finding withMessage(Finding f, String message) {
        return new Finding(f.rule(), f.severity(), message, f.remedy(), f.suppressed(), f.suppressionReason(),
                f.location(), f.root(), f.callChain(), f.coldPath(), f.rootCount());
    }
}
