package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.MethodId;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard ({@code reports/dashboard/}) in headless Chromium, fed real reports of the sample projects
 * that form a small history: the motor controller alone (passes); the same under another layout and the
 * interpreter cost model (bigger, late: three deadlines exceeded); both samples together (the deadlines
 * met again, thirteen new findings, five new roots). Over http with {@code ?reports=}, from
 * {@code file://} with the file picker and drag-and-drop, with files that are not reports, and with a
 * report full of markup.
 */
class DashboardInBrowserTest {
    private static final Path DASHBOARD = Path.of("../../reports/dashboard");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** A report of the trend: its file name in the reports folder and its JSON. */
    private record Named(String name, Path file, JsonObject json) {
    }

    @TempDir
    static Path work;
    private static Path reportsDir;
    private static Optional<HeadlessChromium> chromium = Optional.empty();
    private static StaticFileServer server;
    private static Named motor;
    private static Named interpreter;
    private static Named both;

    @BeforeAll
    static void startChromiumAndWriteTheHistory() throws IOException {
        chromium = HeadlessChromium.startIfInstalled();
        if (chromium.isEmpty()) {
            return; // every test is skipped, with the reason
        }
        reportsDir = Files.createDirectories(work.resolve("reports"));
        motor = keep("01-motor.json", SampleReports.check(work.resolve("run1"), ExitCodes.PASS,
                List.of("--ram-budget", "1KiB"), SampleReports.MOTOR_CONTROLLER));
        interpreter = keep("02-motor-interpreter.json", SampleReports.check(work.resolve("run2"), ExitCodes.FAIL,
                List.of("--ram-budget", "1KiB", "--layout", "hotspot-nocoops", "--cost-model", "interpreter"),
                SampleReports.MOTOR_CONTROLLER));
        both = keep("03-motor-telemetry.json", SampleReports.check(work.resolve("run3"), ExitCodes.FAIL,
                List.of("--ram-budget", "1KiB"), SampleReports.MOTOR_CONTROLLER, SampleReports.TELEMETRY_MISTAKES));
        // The story the assertions rely on.
        assertAll("the history",
                () -> assertTrue(ReportJson.unsuppressedFindings(interpreter.json()).stream()
                        .allMatch(f -> f.get("rule").getAsString().equals("deadline-exceeded")), "only deadlines in #2"),
                () -> assertEquals(3, ReportJson.unsuppressedFindings(interpreter.json()).size()),
                () -> assertTrue(ReportJson.memoryTotal(interpreter.json()) != ReportJson.memoryTotal(both.json())));
        server = StaticFileServer.start(Map.of("/", DASHBOARD, "/reports/", reportsDir));
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            chromium.ifPresent(HeadlessChromium::close);
        }
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeStarted(chromium);
    }

    private static BrowserPage newPage() {
        return chromium.orElseThrow().newPage();
    }

    @Test
    void drawsTheTrendOfTheReportsListedInTheAddress() {
        List<Named> trend = List.of(motor, interpreter, both);
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(server.uri("/index.html?reports=" + trend.stream()
                    .map(r -> "reports/" + r.name()).collect(Collectors.joining(","))).toString());
            DashboardView view = DashboardView.read(page, 1);
            byte[] screenshot = page.fullPageScreenshot();
            byte[] overview = page.viewport(1280, 1840).screenshot(); // the README's picture: the charts

            List<Executable> checks = new ArrayList<>(trendChecks(view, trend));
            // #2 (interpreter, hotspot-nocoops) and #3 (unit, hotspot-coops) are not comparable: only the findings
            // that depend on neither model are, all of #3's here but its RAM budget's.
            List<JsonObject> added = compared(ReportJson.unsuppressedFindings(both.json()));
            checks.addAll(List.of(
                    () -> assertEquals(List.of(), view.messages(), "messages"),
                    () -> assertTrue(added.size() >= 12, "the telemetry sample's findings: " + added.size()),
                    () -> assertEquals(shown(added), view.newFindings(), "new findings, in the order of #3"),
                    () -> assertTrue(view.newFindings().stream().anyMatch(f -> f.rule().equals("growable-collection")
                            && f.where().endsWith("/TelemetryHandler.java:39")), "the ArrayList.add of onSample is new"),
                    () -> assertEquals(List.of(), view.fixedFindings(), "fixed findings: #2's deadlines are not compared"),
                    () -> assertEquals(ReportJson.rootSignatures(both.json()).stream()
                                    .filter(id -> !ReportJson.rootSignatures(interpreter.json()).contains(id)).toList(),
                            view.rootsAdded(), "roots added"),
                    () -> assertEquals(5, view.rootsAdded().size(), "the telemetry sample's roots are added"),
                    () -> assertEquals(List.of(), view.rootsRemoved(), "roots removed"),
                    () -> assertEquals(List.of(), view.boundChanges(), "bound changes: other cost models"),
                    () -> assertEquals("Preallocated memory: not comparable (layout hotspot-nocoops \u2192 hotspot-coops).",
                            view.memoryChange()),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-full"),
                    () -> Screenshots.keepAndAssertNotBlank(overview, "dashboard")));
            assertAll(checks);
        }
    }

    @Test
    void rootNamesWrapOnlyBetweenTheirPartsOnANarrowPage() {
        List<Named> trend = List.of(interpreter, both);
        try (BrowserPage page = newPage()) {
            page.viewport(320, 900).open(server.uri("/index.html?reports=" + trend.stream()
                    .map(r -> "reports/" + r.name()).collect(Collectors.joining(","))).toString());
            DashboardView.read(page, 1);
            List<Executable> checks = new ArrayList<>(LineBreaks.wrapOnlyBetweenParts(page, "the root cards",
                    "#timing-trend .root-card h3, #timing-trend .root-card .root-class"));
            checks.addAll(LineBreaks.wrapOnlyBetweenParts(page, "root names in tables and changes",
                    "#timing-table td.name code, #changes .root-name, #changes .root code, #bound-changes td.name code"));
            byte[] screenshot = page.fullPageScreenshot();
            checks.add(() -> assertEquals(List.of(), page.consoleErrors(), "console errors"));
            checks.add(() -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-narrow"));
            assertAll(checks);
        }
    }

    @Test
    void thePageNamesMethodsAsTheReportsJavaSignaturesDo() {
        List<MethodId> methods = List.of(
                new MethodId("com.example.telemetry.TelemetryHandler", "onSample", "(Ljava/lang/String;J)V"),
                new MethodId("java.lang.String", "format", "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;"),
                new MethodId("com.acme.Motor$Filter", "apply", "(Ljava/util/Map$Entry;[[I[Lcom/acme/Motor$Filter;)D"),
                new MethodId("com.acme.Outer$Inner", "<init>", "(Lcom/acme/Outer;BCDFSZ)V"),
                new MethodId("com.acme.Motor", "<clinit>", "()V"),
                new MethodId("com.acme.Motor$1", "run", "()V"),
                new MethodId("Foo$$Lambda$12", "lambda$run$0", "()V"));
        String cases = GSON.toJson(methods.stream().map(m -> Map.of("class", m.className(), "method", m.name(),
                "descriptor", m.descriptor())).toList());
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(server.uri("/index.html").toString());
            JsonElement shown = page.evaluate(cases + ".map(m => [JavaNames.signature(m), JavaNames.signature(m, true),"
                    + " JavaNames.method(m)])");
            List<List<String>> expected = methods.stream().map(m -> List.of(JavaSignatures.qualified(m),
                    JavaSignatures.simple(m), JavaSignatures.method(m))).toList();
            assertEquals(GSON.toJsonTree(expected), shown, "qualified, simple and method-only names");
        }
    }

    @Test
    void loadsChosenAndDroppedFilesFromFileUrlInFileNameOrder() throws IOException {
        Path notes = Files.writeString(reportsDir.resolve("notes.json"), "[\"not\", \"a\", \"report\"]");
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(DASHBOARD.resolve("index.html").toUri().toString());
            page.chooseFiles("#file-input", List.of(both.file(), notes, motor.file(), interpreter.file()));
            DashboardView chosen = DashboardView.read(page, 1);
            byte[] screenshot = page.screenshot();
            page.dropFiles("#loader", List.of(interpreter.file(), motor.file()));
            DashboardView dropped = DashboardView.read(page, 2);

            List<Executable> checks = new ArrayList<>(trendChecks(chosen, List.of(motor, interpreter, both)));
            checks.addAll(List.of(
                    () -> assertEquals(List.of(new DashboardView.Message("notes.json",
                            "notes.json: not a Headroom report: the JSON is not an object")), chosen.messages()),
                    () -> assertEquals(List.of(motor.name(), interpreter.name()), names(dropped), "dropped files"),
                    () -> assertEquals(List.of(), dropped.messages(), "messages after the drop"),
                    () -> assertEquals(List.of(), dropped.newFindings(),
                            "new after the drop: none, the three deadlines of another cost model are not compared"),
                    () -> assertTrue(dropped.notComparedFindings().contains("deadline-exceeded 0 in #1, 3 in #2"),
                            dropped.notComparedFindings()),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-file-picker")));
            assertAll(checks);
        }
    }

    @Test
    void aDashboardWrittenWithItsReportsShowsThemFromFileUrl() {
        Path folder = work.resolve("written");
        CliRun run = CliRun.of("dashboard", "-o", folder.toString(), motor.file().toString(),
                interpreter.file().toString(), both.file().toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.err());
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(folder.resolve("index.html").toUri().toString());
            DashboardView view = DashboardView.read(page, 1);
            byte[] screenshot = page.screenshot();
            List<Executable> checks = new ArrayList<>(trendChecks(view, List.of(motor, interpreter, both)));
            checks.addAll(List.of(
                    () -> assertEquals(List.of(), view.messages(), "messages"),
                    () -> assertEquals(shown(compared(ReportJson.unsuppressedFindings(both.json()))), view.newFindings(),
                            "new findings of #3 (those that depend on a model left out)"),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-written")));
            assertAll(checks);
        }
    }

    @Test
    void addressListUnderFileUrlSaysToUseThePickerOrHttp() {
        String list = List.of(motor, interpreter).stream()
                .map(r -> URLEncoder.encode(r.file().toUri().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(DASHBOARD.resolve("index.html").toUri() + "?reports=" + list);
            DashboardView view = DashboardView.read(page, 1);
            byte[] screenshot = page.screenshot();
            assertAll(
                    () -> assertEquals(1, view.messages().size(), "one line: " + view.messages()),
                    () -> assertTrue(view.messages().get(0).text().contains("file://"), view.messages().toString()),
                    () -> assertTrue(view.messages().get(0).text().contains("choose the reports"), view.messages().toString()),
                    () -> assertTrue(view.messages().get(0).text().contains("python3 -m http.server"),
                            view.messages().toString()),
                    () -> assertTrue(view.messages().get(0).file().contains(motor.name())
                            && view.messages().get(0).file().contains(interpreter.name()), "names both files"),
                    () -> assertEquals(List.of(), view.reports(), "reports"),
                    () -> assertEquals(List.of(), page.consoleErrors().stream().filter(error -> !refusedFetch(error))
                            .toList(), "console errors other than the refused fetches"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-file-address"));
        }
    }

    @Test
    void namesEachFileThatIsNotAReportAndShowsTheOthersInTheOrderGiven() throws IOException {
        Files.writeString(reportsDir.resolve("not-a-report.json"), "{\"name\": \"headroom-dashboard\", \"version\": \"1.0.0\"}");
        JsonObject future = motor.json().deepCopy();
        future.addProperty("schemaVersion", 2);
        Files.writeString(reportsDir.resolve("future-schema.json"), GSON.toJson(future));
        Files.writeString(reportsDir.resolve("truncated.json"), Files.readString(motor.file()).substring(0, 200));
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(server.uri("/index.html?reports=reports/" + both.name()
                    + ",reports/not-a-report.json,reports/" + motor.name() + ",reports/future-schema.json,"
                    + "reports/truncated.json").toString());
            DashboardView view = DashboardView.read(page, 1);
            byte[] screenshot = page.screenshot();
            List<DashboardView.Message> messages = view.messages();
            assertAll(
                    () -> assertEquals(List.of(both.name(), motor.name()), names(view), "the reports, in the order given"),
                    () -> assertEquals(List.of("reports/not-a-report.json", "reports/future-schema.json",
                            "reports/truncated.json"), messages.stream().map(DashboardView.Message::file).toList()),
                    () -> assertTrue(messages.get(0).text().startsWith("reports/not-a-report.json: not a Headroom report"),
                            messages.get(0).text()),
                    () -> assertTrue(messages.get(1).text().startsWith("reports/future-schema.json: schemaVersion 2 is "
                            + "not supported: this dashboard reads schemaVersion 1"), messages.get(1).text()),
                    () -> assertTrue(messages.get(2).text().startsWith("reports/truncated.json: not a Headroom report: "
                            + "not JSON"), messages.get(2).text()),
                    () -> assertEquals(2, view.memoryBars().size(), "memory bars"),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-not-a-report"));
        }
    }

    @Test
    void markupInAReportIsShownAsTextAndNeverRun() throws IOException {
        String hostileClass = "com.example.telemetry.<script>window.__headroomInjected=1</script>LinkMonitor";
        String hostileMessage = "<img src=x onerror=\"window.__headroomInjected=2\"> allocates";
        String text = Files.readString(both.file()).replace("com.example.telemetry.LinkMonitor", hostileClass);
        JsonObject hostile = JsonParser.parseString(text).getAsJsonObject();
        hostile.addProperty("failReason", "</td><script>window.__headroomInjected=3</script>");
        // The finding at the hostile class (the interrupt root's blocking call): a root's finding, listed as new.
        JsonObject first = StreamSupport.stream(hostile.getAsJsonArray("findings").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(f -> f.getAsJsonObject("location").get("class").getAsString().equals(hostileClass))
                .findFirst().orElseThrow();
        first.addProperty("message", hostileMessage);
        Files.writeString(reportsDir.resolve("04-hostile.json"), GSON.toJson(hostile));
        String hostileRoot = hostileClass + ".onLinkStatusIrq(int)";

        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(server.uri("/index.html?reports=reports/" + interpreter.name()
                    + ",reports/04-hostile.json").toString());
            DashboardView view = DashboardView.read(page, 1);
            JsonElement injected = page.evaluate("typeof window.__headroomInjected");
            byte[] screenshot = page.screenshot();
            assertAll(
                    () -> assertEquals("undefined", injected.getAsString(), "a script from the report ran"),
                    () -> assertEquals(3, view.scripts(),
                            "script elements: only comparability.js, java-names.js and dashboard.js"),
                    () -> assertEquals(0, view.images(), "img elements"),
                    () -> assertTrue(view.rootsAdded().contains(hostileRoot), "roots added: " + view.rootsAdded()),
                    () -> assertTrue(view.rootCards().stream().anyMatch(card -> card.title().equals(hostileRoot)),
                            "the root's chart title"),
                    () -> assertTrue(view.newFindings().stream().anyMatch(f -> f.message().equals(hostileMessage)),
                            "the message, as text"),
                    () -> assertTrue(view.text().contains("</td><script>window.__headroomInjected=3</script>"),
                            "the fail reason, as text"),
                    () -> assertEquals(List.of(), view.messages(), "messages"),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-hostile"));
        }
    }

    @Test
    void findingsThatOnlyMovedAreNeitherNewNorFixed() throws IOException {
        // #3 again with every line moved down by 5, and its first finding gone.
        String text = Files.readString(both.file());
        JsonObject moved = JsonParser.parseString(text).getAsJsonObject();
        List<JsonObject> findings = ReportJson.objects(moved, "findings");
        for (JsonObject finding : findings) {
            JsonObject location = finding.getAsJsonObject("location");
            location.addProperty("line", location.get("line").getAsInt() + 5);
            for (JsonElement frame : finding.getAsJsonArray("callChain")) {
                JsonObject f = frame.getAsJsonObject();
                f.addProperty("line", f.get("line").getAsInt() + 5);
            }
        }
        JsonObject removed = ReportJson.unsuppressedFindings(moved).get(0).deepCopy();
        moved.getAsJsonArray("findings").remove(0);
        Files.writeString(reportsDir.resolve("04-moved.json"), GSON.toJson(moved));

        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(server.uri("/index.html?reports=reports/" + both.name()
                    + ",reports/04-moved.json").toString());
            DashboardView view = DashboardView.read(page, 1);
            byte[] screenshot = page.screenshot();
            JsonObject removedBefore = ReportJson.unsuppressedFindings(both.json()).get(0);
            assertAll(
                    () -> assertEquals(removed.get("rule"), removedBefore.get("rule")),
                    () -> assertEquals(List.of(), view.newFindings(), "new findings"),
                    () -> assertEquals(shown(List.of(removedBefore)), view.fixedFindings(), "fixed findings"),
                    () -> assertEquals(List.of(), view.boundChanges(), "bound changes"),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-moved-lines"));
        }
    }

    @Test
    void reportsOfAnotherCostModelOrLayoutAreDrawnApartAndNeverCompared() {
        // The case: EventLoop#runOnce is 633 cycles of unit, 2,550 of interpreter, then 633 again.
        String runOnce = "com.example.motor.EventLoop#runOnce()I";
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(server.uri("/index.html?reports=reports/" + motor.name() + ",reports/"
                    + interpreter.name() + ",reports/" + both.name()).toString());
            DashboardView view = DashboardView.read(page, 1);
            byte[] screenshot = page.fullPageScreenshot();
            DashboardView.RootCard card = view.rootCards().stream().filter(c -> c.root().equals(runOnce)).findFirst()
                    .orElseThrow();
            String interpreterToUnit = "not comparable with #2: cost model interpreter \u2192 unit,"
                    + " layout hotspot-nocoops \u2192 hotspot-coops";
            assertAll(
                    () -> assertEquals(List.of(new DashboardView.Point(0, 633), new DashboardView.Point(1, 2550),
                            new DashboardView.Point(2, 633)), card.bounds(), "the three bounds, drawn"),
                    () -> assertEquals(List.of(1, 2), card.breaks(), "a break before #2 and before #3"),
                    () -> assertEquals(0, card.lines(), "no line joins bounds of different cost models"),
                    () -> assertEquals(List.of("#2", "#3"), view.timingHeadBreaks(), "timing table columns"),
                    () -> assertEquals(List.of(new DashboardView.Break(1, "not comparable with #1: layout hotspot-coops"
                                    + " \u2192 hotspot-nocoops"), new DashboardView.Break(2, "not comparable with #2: layout"
                                    + " hotspot-nocoops \u2192 hotspot-coops")), view.memoryBreaks(), "memory chart"),
                    () -> assertEquals(new DashboardView.Break(2, interpreterToUnit), view.findingBreaks().get(1),
                            "findings chart"),
                    () -> assertEquals(List.of(List.of(), List.of("costModel", "layout"), List.of("costModel", "layout")),
                            view.reports().stream().map(DashboardView.ReportRow::modelChanges).toList(), "report rows"),
                    () -> assertEquals(List.of("unit", "interpreter", "unit"),
                            view.reports().stream().map(DashboardView.ReportRow::costModel).toList()),
                    () -> assertEquals("Not comparable: #2 and #3 were made with a different cost model and layout (cost"
                            + " model interpreter \u2192 unit, layout hotspot-nocoops \u2192 hotspot-coops). Not shown as"
                            + " changes: the bounds, the memory and the findings of deadline-exceeded, ram-budget-exceeded,"
                            + " stack-budget-exceeded.", view.notComparable()),
                    () -> assertFalse(view.boundsCompared(), "bounds"),
                    () -> assertEquals(List.of(), view.boundChanges(), "no 2,550 \u2192 633"),
                    () -> assertFalse(view.text().contains("\u22122,151"), "no improvement of 2,151 anywhere"),
                    () -> assertTrue(view.memoryChange().contains("not comparable"), view.memoryChange()),
                    () -> assertTrue(view.notComparedFindings().startsWith(
                            "Findings not compared: deadline-exceeded 3 in #2, 0 in #3;"), view.notComparedFindings()),
                    () -> assertEquals(List.of(), view.fixedFindings(), "the deadlines are not fixed by a cost model"),
                    () -> assertEquals(List.of(), view.messages(), "messages"),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, "dashboard-not-comparable"));
        }
    }

    @Test
    void reportsOfTheSameModelsAreComparedAndJoined() {
        try (BrowserPage page = newPage()) {
            page.viewport(1280, 900).open(server.uri("/index.html?reports=reports/" + motor.name() + ",reports/"
                    + both.name()).toString());
            DashboardView view = DashboardView.read(page, 1);
            assertAll(
                    () -> assertEquals(null, view.notComparable(), "the not-comparable notice"),
                    () -> assertEquals(null, view.notComparedFindings()),
                    () -> assertTrue(view.boundsCompared(), "bounds"),
                    () -> assertEquals(List.of(), view.memoryBreaks()),
                    () -> assertEquals(List.of(), view.findingBreaks()),
                    () -> assertTrue(view.rootCards().stream().filter(c -> c.bounds().size() == 2)
                            .allMatch(c -> c.lines() == 1 && c.breaks().isEmpty()), "bounds of one model are joined"),
                    () -> assertEquals(expectedBoundChanges(motor.json(), both.json()), view.boundChanges()),
                    () -> assertTrue(view.memoryChange().contains(ReportJson.grouped(ReportJson.memoryTotal(motor.json()))
                            + " \u2192 " + ReportJson.grouped(ReportJson.memoryTotal(both.json())) + " bytes"),
                            view.memoryChange()),
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"));
        }
    }

    /** The findings whose rule depends on neither the cost model nor the layout. */
    private static List<JsonObject> compared(List<JsonObject> findings) {
        List<String> modelRules = List.of("deadline-exceeded", "ram-budget-exceeded", "stack-budget-exceeded");
        return findings.stream().filter(f -> !modelRules.contains(f.get("rule").getAsString())).toList();
    }

    /** What Chromium itself logs when a file:// page fetches a file:// report: expected, and nothing else. */
    private static boolean refusedFetch(String error) {
        return error.matches("log: Access to fetch at 'file:///[^']*\\.json' from origin 'null' has been blocked by CORS "
                + "policy: .*") || error.matches("log: Failed to load resource: net::ERR_FAILED \\(file:///[^)]*\\.json\\)");
    }

    // ---- what the trend charts must show, from the JSON reports

    private static List<Executable> trendChecks(DashboardView view, List<Named> trend) {
        List<JsonObject> reports = trend.stream().map(Named::json).toList();
        List<String> roots = reports.stream().flatMap(r -> ReportJson.timingRoots(r).stream())
                .map(t -> ReportJson.methodId(t.getAsJsonObject("root"))).distinct().sorted().toList();
        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(trend.stream().map(Named::name).toList(), names(view), "reports"),
                () -> assertEquals(reports.stream().map(r -> r.get("verdict").getAsString()).toList(),
                        view.reports().stream().map(DashboardView.ReportRow::verdict).toList(), "verdicts"),
                () -> assertEquals(IntStream.range(0, reports.size())
                                .mapToObj(i -> new DashboardView.Bar(i, ReportJson.memoryTotal(reports.get(i)))).toList(),
                        view.memoryBars(), "memory bars"),
                () -> assertEquals(IntStream.range(0, reports.size()).mapToObj(i -> new DashboardView.Budget(i,
                                reports.get(i).getAsJsonObject("memory").get("budgetBytes").getAsLong())).toList(),
                        view.budgetLines(), "budget lines"),
                () -> assertEquals(roots, view.rootCards().stream().map(DashboardView.RootCard::root).toList(),
                        "one chart per root"),
                () -> assertEquals(roots, view.timingRows().stream().map(DashboardView.TimingRow::root).toList(),
                        "one table row per root"),
                () -> assertEquals(findingsPerRule(reports), segmentsPerRule(view), "findings per rule and report"),
                () -> assertEquals(reports.stream().flatMap(r -> ReportJson.unsuppressedFindings(r).stream())
                                .map(f -> f.get("rule").getAsString()).collect(Collectors.toCollection(TreeSet::new)),
                        new TreeSet<>(view.legendRules()), "rules in the legend")));
        List<Integer> costModelBreaks = breaks(reports, "timing", "costModel");
        List<Integer> layoutBreaks = breaks(reports, "memory", "layout");
        for (DashboardView.RootCard card : view.rootCards()) {
            List<JsonObject> series = reports.stream().map(r -> timing(r, card.root())).toList();
            checks.add(() -> assertEquals(expectedCard(card.root(), series, costModelBreaks), card,
                    "chart of " + card.root()));
        }
        checks.add(() -> assertEquals(layoutBreaks, view.memoryBreaks().stream().map(DashboardView.Break::report)
                .toList(), "memory chart: breaks where the layout changes"));
        checks.add(() -> assertEquals(reports.stream().map(r -> r.getAsJsonObject("timing").get("costModel")
                .getAsString()).toList(), view.reports().stream().map(DashboardView.ReportRow::costModel).toList()));
        checks.add(() -> assertEquals(reports.stream().map(r -> r.getAsJsonObject("memory").get("layout")
                .getAsString()).toList(), view.reports().stream().map(DashboardView.ReportRow::layout).toList()));
        for (DashboardView.TimingRow row : view.timingRows()) {
            checks.add(() -> assertEquals(reports.stream().map(r -> cell(timing(r, row.root()))).toList(), row.cells(),
                    "bound / deadline of " + row.root()));
        }
        return checks;
    }

    /** The reports (by index) whose {@code section.key} differs from the report before's. */
    private static List<Integer> breaks(List<JsonObject> reports, String section, String key) {
        List<Integer> breaks = new ArrayList<>();
        for (int i = 1; i < reports.size(); i++) {
            if (!reports.get(i).getAsJsonObject(section).get(key).equals(reports.get(i - 1).getAsJsonObject(section)
                    .get(key))) {
                breaks.add(i);
            }
        }
        return breaks;
    }

    /**
     * The points of a root's chart: a point per bounded report, a hatched band per unbounded one (never 0);
     * a line through consecutive bounded reports of one cost model.
     */
    private static DashboardView.RootCard expectedCard(String root, List<JsonObject> series, List<Integer> breaks) {
        List<DashboardView.Point> bounds = new ArrayList<>();
        int lines = 0;
        int joined = 0;
        for (int i = 0; i < series.size(); i++) {
            boolean bounded = series.get(i) != null && series.get(i).get("bounded").getAsBoolean();
            joined = bounded ? (breaks.contains(i) ? 1 : joined + 1) : 0;
            lines += joined == 2 ? 1 : 0;
        }
        List<Integer> unbounded = new ArrayList<>();
        List<DashboardView.Deadline> deadlines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            JsonObject t = series.get(i);
            if (t == null) {
                continue;
            }
            if (t.get("bounded").getAsBoolean()) {
                bounds.add(new DashboardView.Point(i, t.get("wcet").getAsLong()));
            } else {
                unbounded.add(i);
            }
            if (t.has("deadline")) {
                deadlines.add(new DashboardView.Deadline(i, t.get("deadline").getAsLong()));
            }
        }
        MethodId method = ReportJson.method(series.stream().filter(t -> t != null).findFirst().orElseThrow()
                .getAsJsonObject("root"));
        JsonObject last = series.get(series.size() - 1);
        String latest = last == null ? "last: not a root in the last report"
                : !last.get("bounded").getAsBoolean() ? "last: unbounded"
                : "last: " + ReportJson.grouped(last.get("wcet").getAsLong()) + (last.has("deadline")
                        ? " of its deadline " + ReportJson.grouped(last.get("deadline").getAsLong())
                                + (last.get("wcet").getAsLong() > last.get("deadline").getAsLong() ? ": over" : "")
                        : ", no deadline");
        return new DashboardView.RootCard(root, JavaSignatures.qualified(method), JavaSignatures.simple(method),
                JavaSignatures.className(method.className()), bounds, unbounded, deadlines, latest,
                breaks.stream().filter(i -> i < series.size()).toList(), lines);
    }

    private static String cell(JsonObject t) {
        if (t == null) {
            return "-";
        }
        String deadline = t.has("deadline") ? " / " + ReportJson.grouped(t.get("deadline").getAsLong()) : "";
        return (t.get("bounded").getAsBoolean() ? ReportJson.grouped(t.get("wcet").getAsLong()) : "unbounded") + deadline;
    }

    private static List<DashboardView.BoundChange> expectedBoundChanges(JsonObject before, JsonObject after) {
        List<DashboardView.BoundChange> changes = new ArrayList<>();
        for (JsonObject t : ReportJson.timingRoots(after)) {
            String root = ReportJson.methodId(t.getAsJsonObject("root"));
            JsonObject old = timing(before, root);
            if (old != null && !cell(old).equals(cell(t))) {
                changes.add(new DashboardView.BoundChange(root, cell(old), cell(t)));
            }
        }
        return changes;
    }

    private static JsonObject timing(JsonObject report, String root) {
        return ReportJson.timingRoots(report).stream()
                .filter(t -> ReportJson.methodId(t.getAsJsonObject("root")).equals(root)).findFirst().orElse(null);
    }

    /** {@code report index -> rule -> count} of the findings that count toward the verdict. */
    private static Map<Integer, Map<String, Integer>> findingsPerRule(List<JsonObject> reports) {
        Map<Integer, Map<String, Integer>> perReport = new TreeMap<>();
        for (int i = 0; i < reports.size(); i++) {
            Map<String, Integer> perRule = new TreeMap<>();
            ReportJson.unsuppressedFindings(reports.get(i))
                    .forEach(f -> perRule.merge(f.get("rule").getAsString(), 1, Integer::sum));
            if (!perRule.isEmpty()) {
                perReport.put(i, perRule);
            }
        }
        return perReport;
    }

    private static Map<Integer, Map<String, Integer>> segmentsPerRule(DashboardView view) {
        Map<Integer, Map<String, Integer>> perReport = new TreeMap<>();
        for (DashboardView.Segment segment : view.findingSegments()) {
            perReport.computeIfAbsent(segment.report(), i -> new TreeMap<>()).merge(segment.rule(), segment.count(),
                    Integer::sum);
        }
        return perReport;
    }

    private static List<DashboardView.ShownFinding> shown(List<JsonObject> findings) {
        return findings.stream().map(f -> new DashboardView.ShownFinding(f.get("rule").getAsString(),
                ReportJson.fileLine(f), f.has("root") ? ReportJson.javaSignature(f.getAsJsonObject("root")) : null,
                f.get("message").getAsString())).toList();
    }

    private static List<String> names(DashboardView view) {
        return view.reports().stream().map(DashboardView.ReportRow::name)
                .map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();
    }

    private static Named keep(String name, SampleReports.Report report) throws IOException {
        Path file = Files.copy(report.json(), reportsDir.resolve(name));
        return new Named(name, file, report.parsed());
    }
}
