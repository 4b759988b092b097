package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report ({@code --format html}) of real runs on the sample projects, opened from {@code file://}
 * in headless Chromium: it runs without console errors, shows the verdict and the numbers of the JSON
 * report written by the same run, its filter script works, and it draws a real page.
 */
class HtmlReportInBrowserTest {
    @TempDir
    static Path reports;
    private static Optional<HeadlessChromium> chromium = Optional.empty();

    @BeforeAll
    static void startChromium() {
        chromium = HeadlessChromium.startIfInstalled();
    }

    @AfterAll
    static void stopChromium() {
        chromium.ifPresent(HeadlessChromium::close);
    }

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeStarted(chromium);
    }

    @Test
    void failingReportShowsWhatItsJsonReportSays() {
        // Both samples: a budget, deadlines, bounded and unbounded roots, findings and a suppressed one.
        SampleReports.Report report = SampleReports.check(reports.resolve("both"), ExitCodes.FAIL,
                List.of("--ram-budget", "1KiB"), SampleReports.MOTOR_CONTROLLER, SampleReports.TELEMETRY_MISTAKES);
        assertPageShows(report, "html-report", 1700); // the README's picture: verdict, memory, timing, findings
    }

    @Test
    void passingReportShowsWhatItsJsonReportSays() {
        SampleReports.Report report = SampleReports.check(reports.resolve("motor"), ExitCodes.PASS,
                List.of("--ram-budget", "4KiB"), SampleReports.MOTOR_CONTROLLER);
        assertPageShows(report, "html-report-pass", 900);
    }

    private static void assertPageShows(SampleReports.Report report, String name, int viewportHeight) {
        JsonObject json = report.parsed();
        try (BrowserPage page = chromium.orElseThrow().newPage()) {
            page.viewport(1280, viewportHeight).open(report.html().toUri().toString());
            JsonObject shown = page.evaluate(READ_PAGE).getAsJsonObject();
            byte[] screenshot = page.screenshot();

            List<JsonObject> findings = ReportJson.objects(json, "findings");
            String firstRule = findings.isEmpty() ? null : findings.get(0).get("rule").getAsString();
            long visibleWithoutFirstRule = firstRule == null ? 0 : page.evaluate(hideRule(firstRule)).getAsLong();

            JsonObject summary = json.getAsJsonObject("summary");
            JsonObject memory = json.getAsJsonObject("memory");
            long total = memory.get("totalBytes").getAsLong();
            long budget = memory.get("budgetBytes").getAsLong();
            assertAll(name,
                    () -> assertEquals(List.of(), page.consoleErrors(), "console errors"),
                    () -> assertEquals(json.get("verdict").getAsString(), string(shown, "verdict")),
                    () -> assertEquals(json.get("verdict").getAsString().toUpperCase(Locale.ROOT),
                            string(shown, "verdictWord")),
                    () -> assertEquals(json.has("failReason") ? json.get("failReason").getAsString() : null,
                            string(shown, "failReason")),
                    () -> assertTrue(string(shown, "summary").startsWith(
                            count(summary, "errors", "error") + ", " + count(summary, "warnings", "warning") + ", "
                                    + summary.get("suppressed").getAsInt() + " suppressed; "
                                    + count(summary, "roots", "root") + ", "), string(shown, "summary")),
                    () -> assertEquals(Long.toString(total), string(shown, "memoryTotal")),
                    () -> assertEquals(Long.toString(budget), string(shown, "memoryBudget")),
                    // Laid out by a real browser: the used part of the bar is total/budget of its width.
                    () -> assertEquals((double) Math.min(total, budget) / Math.max(total, budget),
                            shown.get("usedShare").getAsDouble(), 0.01, "used share of the memory bar"),
                    () -> assertEquals(expectedTimingRows(json), shown.getAsJsonArray("timing").asList().stream()
                            .map(JsonElement::getAsString).toList(), "timing rows: root, bound, deadline"),
                    () -> assertEquals(ReportJson.rootIds(json), shown.getAsJsonArray("roots").asList().stream()
                            .map(JsonElement::getAsString).toList(), "root sections"),
                    () -> assertEquals(findings.size(), shown.get("findings").getAsInt(), "findings"),
                    () -> assertEquals(!findings.isEmpty(), shown.get("filtersShown").getAsBoolean(),
                            "the filters are shown once the page's script runs"),
                    () -> assertEquals(firstRule == null ? 0 : findings.stream()
                                    .filter(f -> !f.get("rule").getAsString().equals(firstRule)).count(),
                            visibleWithoutFirstRule, "findings left visible after unchecking rule " + firstRule),
                    () -> Screenshots.keepAndAssertNotBlank(screenshot, name));
        }
    }

    @Test
    void namesWrapOnlyBetweenTheirPartsOnANarrowPage() {
        SampleReports.Report report = SampleReports.check(reports.resolve("narrow"), ExitCodes.FAIL,
                List.of("--ram-budget", "1KiB"), SampleReports.MOTOR_CONTROLLER, SampleReports.TELEMETRY_MISTAKES);
        try (BrowserPage page = chromium.orElseThrow().newPage()) {
            page.viewport(360, 800).open(report.html().toUri().toString());
            List<Executable> checks = new ArrayList<>(LineBreaks.wrapOnlyBetweenParts(page, "the memory table",
                    "#memory-items td code"));
            checks.addAll(LineBreaks.wrapOnlyBetweenParts(page, "root and chain names",
                    "#stack td.name code, #timing-roots td.name > code, #findings .root-name, ol.chain li code"));
            byte[] screenshot = page.fullPageScreenshot();
            checks.add(() -> assertEquals(List.of(), page.consoleErrors(), "console errors"));
            checks.add(() -> Screenshots.keepAndAssertNotBlank(screenshot, "html-report-narrow"));
            assertAll(checks);
        }
    }

    @Test
    void timingBarsWithoutADeadlineAreDrawnRelativeToTheLargestBound() {
        // The motor sample's roots have deadlines, the telemetry sample's have none.
        SampleReports.Report report = SampleReports.check(reports.resolve("bars"), ExitCodes.FAIL, List.of(),
                SampleReports.MOTOR_CONTROLLER, SampleReports.TELEMETRY_MISTAKES);
        List<JsonObject> roots = ReportJson.timingRoots(report.parsed());
        long largestBound = roots.stream().filter(t -> t.get("bounded").getAsBoolean())
                .mapToLong(t -> t.get("wcet").getAsLong()).max().orElseThrow();
        long deadlineScale = roots.stream().filter(t -> t.has("deadline")).mapToLong(t -> Math.max(
                t.get("deadline").getAsLong(), t.get("bounded").getAsBoolean() ? t.get("wcet").getAsLong() : 0))
                .max().orElseThrow();
        try (BrowserPage page = chromium.orElseThrow().newPage()) {
            page.viewport(1280, 900).open(report.html().toUri().toString());
            JsonObject shown = page.evaluate("""
                    (() => ({
                      heading: document.querySelector('#timing-roots th.bar-heading').textContent,
                      note: document.querySelector('#timing .relative-note').textContent,
                      rows: [...document.querySelectorAll('#timing-roots tr.timing-row')].map(row => {
                        const bar = row.querySelector('.bar');
                        const bound = bar.querySelector('.bound');
                        return {scale: bar.dataset.scale, deadlineMark: !!bar.querySelector('.deadline'),
                                share: bound ? bound.getBoundingClientRect().width / bar.clientWidth : -1};
                      })
                    }))()
                    """).getAsJsonObject();
            List<JsonElement> rows = shown.getAsJsonArray("rows").asList();
            List<Executable> checks = new ArrayList<>(List.of(
                    () -> assertEquals("bound against deadline, or relative to the largest bound",
                            shown.get("heading").getAsString()),
                    () -> assertEquals("no deadline: relative to the largest bound (" + largestBound + " cycles)",
                            shown.get("note").getAsString()),
                    () -> assertEquals(roots.size(), rows.size(), "timing rows")));
            for (int i = 0; i < roots.size(); i++) {
                JsonObject t = roots.get(i);
                JsonObject row = rows.get(i).getAsJsonObject();
                String root = ReportJson.javaSignature(t.getAsJsonObject("root"));
                boolean withDeadline = t.has("deadline");
                checks.add(() -> assertEquals(withDeadline ? "deadline" : "largest-bound", row.get("scale").getAsString(), root));
                checks.add(() -> assertEquals(withDeadline, row.get("deadlineMark").getAsBoolean(), root + ": deadline mark"));
                if (t.get("bounded").getAsBoolean()) {
                    double expected = (double) t.get("wcet").getAsLong() / (withDeadline ? deadlineScale : largestBound);
                    checks.add(() -> assertEquals(expected, row.get("share").getAsDouble(), 0.01, root + ": share of the bar"));
                }
            }
            checks.add(() -> assertTrue(roots.stream().anyMatch(t -> !t.has("deadline") && t.get("bounded").getAsBoolean()),
                    "a bounded root without a deadline is drawn"));
            checks.add(() -> assertEquals(List.of(), page.consoleErrors(), "console errors"));
            assertAll(checks);
        }
    }

    /** {@code root | bound | deadline} per timing row, from the JSON: "unbounded" and "-" where the report has none. */
    private static List<String> expectedTimingRows(JsonObject json) {
        List<String> rows = new ArrayList<>();
        for (JsonObject root : ReportJson.timingRoots(json)) {
            rows.add(ReportJson.javaSignature(root.getAsJsonObject("root")) + " | "
                    + (root.get("bounded").getAsBoolean() ? root.get("wcet").getAsString() : "unbounded") + " | "
                    + (root.has("deadline") ? root.get("deadline").getAsString() : "-"));
        }
        return rows;
    }

    private static String count(JsonObject summary, String member, String singular) {
        int n = summary.get(member).getAsInt();
        return n + " " + (n == 1 ? singular : member);
    }

    private static String string(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static final String READ_PAGE = """
            (() => {
              const text = selector => {
                const e = document.querySelector(selector);
                return e ? e.textContent.trim() : null;
              };
              const bar = document.getElementById('memory-bar');
              const filters = document.getElementById('filters');
              return {
                verdict: document.getElementById('verdict').dataset.verdict,
                verdictWord: text('#verdict .verdict-word'),
                failReason: text('#verdict .fail-reason'),
                summary: text('#verdict .summary'),
                memoryTotal: bar.dataset.total,
                memoryBudget: bar.dataset.budget,
                usedShare: bar.querySelector('.used').getBoundingClientRect().width / bar.clientWidth,
                timing: [...document.querySelectorAll('#timing-roots tr.timing-row')].map(row =>
                    row.querySelector('td.name code').textContent + ' | ' + row.querySelector('td.bound').textContent
                    + ' | ' + row.querySelector('td.deadline').textContent),
                roots: [...document.querySelectorAll('#findings > section.root[data-root]')].map(s => s.dataset.root),
                findings: document.querySelectorAll('li.finding').length,
                filtersShown: !!filters && !filters.hidden
              };
            })()
            """;

    /** Unchecks the rule's filter box as a user would, and counts the findings still shown. */
    private static String hideRule(String rule) {
        return "(() => { document.querySelector('#filters input[name=rule][value=\"" + rule + "\"]').click();"
                + " return [...document.querySelectorAll('li.finding')].filter(li => !li.hidden).length; })()";
    }
}
