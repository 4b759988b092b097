package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.RootKind;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static String html(AnalysisResult result) {
        return ReportFixtures.render(new HtmlReportWriter(), result);
    }

    private static Document parse(AnalysisResult result) {
        return Jsoup.parse(html(result));
    }

    @Test
    void verdictAtTheTopWithTheFailReason() {
        Document doc = parse(ReportFixtures.fixture());
        Element first = doc.body().child(0);
        assertEquals("verdict", first.id());
        assertEquals("fail", first.attr("data-verdict"));
        assertEquals("FAIL", first.selectFirst(".verdict-word").text());
        assertEquals(ReportFixtures.FAIL_REASON, first.selectFirst(".fail-reason").text());
        assertTrue(first.selectFirst(".summary").text().startsWith("2 errors, 2 warnings, 1 suppressed"));
        assertEquals("FAIL: " + ReportFixtures.FAIL_REASON, doc.selectFirst("#final-verdict").text());

        Document pass = parse(ReportFixtures.empty());
        assertEquals("pass", pass.selectFirst("#verdict").attr("data-verdict"));
        assertNull(pass.selectFirst(".fail-reason"));
        assertNull(pass.selectFirst("#memory"));
        assertNull(pass.selectFirst("#timing"));
        assertTrue(pass.selectFirst("#findings").text().contains("No roots"));
    }

    @Test
    void oneSectionPerRootWithItsFindingsChainsAndLocations() {
        AnalysisResult result = ReportFixtures.fixture();
        Document doc = parse(result);
        Elements roots = doc.select("#findings > section.root");
        // two roots, then the findings tied to no root
        assertEquals(3, roots.size());
        assertEquals(ReportFixtures.MOTOR_ON_TICK.toString(), roots.get(0).attr("data-root"));
        assertEquals(ReportFixtures.ON_SAMPLE.toString(), roots.get(1).attr("data-root"));
        assertTrue(roots.get(2).hasClass("untied"));
        assertEquals(List.of("com.example.motor.Motor.onTick()", "com.example.telemetry.TelemetryHandler.onSample(long)"),
                doc.select("#findings .root-name").eachText());
        assertEquals(List.of("interrupt (@InterruptHandler)", "real-time (@RealTime)"),
                doc.select("#findings .root-meta").eachText().subList(0, 2));

        assertEquals(0, roots.get(0).select("li.finding").size());
        assertNotNull(roots.get(0).selectFirst(".no-findings"));

        Elements sample = roots.get(1).select("li.finding");
        assertEquals(4, sample.size());
        // unsuppressed first in model order, then suppressed
        assertEquals(List.of("heap-allocation", "growable-collection", "heap-allocation", "heap-allocation"),
                sample.eachAttr("data-rule"));
        assertEquals(List.of("Motor.Filter", "TelemetryHandler.java:31", "TelemetryHandler.java:40",
                "TelemetryHandler.java:33"), sample.select(".file-line").eachText());
        assertEquals(List.of("apply(double)", "onSample(long)", "fail(String)", "onSample(long)"),
                sample.select("code.method").eachText());
        assertEquals(ReportFixtures.HOSTILE_MESSAGE, sample.get(0).selectFirst(".message").text());
        assertEquals("remedy: keep the value a primitive double", sample.get(0).selectFirst(".remedy").text());
        assertEquals(List.of("com.example.telemetry.TelemetryHandler.onSample(long):31",
                "com.example.motor.Motor.Filter.apply(double)"), sample.get(0).select(".chain li.frame").eachText());

        Elements chain = sample.get(1).select(".chain li.frame");
        assertEquals(ReportFixtures.longChain().size(), chain.size());
        assertEquals("com.example.telemetry.Buffer.push(Object):14", chain.get(1).text());
        assertEquals("java.lang.reflect.Array.newInstance(Class, int)", chain.get(9).text());
        assertEquals("reached from 3 roots", sample.get(1).selectFirst(".marker.roots").text());

        assertTrue(sample.get(2).hasClass("cold"));
        assertEquals("cold path", sample.get(2).selectFirst(".marker.cold").text());
        assertEquals("warning", sample.get(2).attr("data-severity"));
        assertTrue(sample.get(3).hasClass("suppressed"));
        assertEquals("suppressed: one sample object per second, measured",
                sample.get(3).selectFirst(".marker.suppressed").text());

        Elements untied = roots.get(2).select("li.finding");
        assertEquals(List.of("unused-suppression"), untied.eachAttr("data-rule"));
        assertEquals("Motor.java:12", untied.get(0).selectFirst(".file-line").text());

        assertEquals("lib/broken.jar!/com/x/Y.class: truncated class file", doc.selectFirst("#inputs li").text());
    }

    @Test
    void filtersByRuleAndSeverityHiddenWithoutScript() {
        Document doc = parse(ReportFixtures.fixture());
        Element form = doc.selectFirst("form#filters");
        assertTrue(form.hasAttr("hidden"));
        assertEquals(List.of("growable-collection", "heap-allocation", "unused-suppression"),
                form.select("input[name=rule]").eachAttr("value"));
        assertEquals(List.of("error", "warning"), form.select("input[name=severity]").eachAttr("value"));
        for (Element box : form.select("input")) {
            assertEquals("checkbox", box.attr("type"));
            assertTrue(box.hasAttr("checked"));
        }
        // Nothing is hidden in the markup itself.
        assertTrue(doc.select("li.finding[hidden]").isEmpty());
    }

    @Test
    void memoryBarShowsUsedHeadroomAndItemsLargestFirst() {
        Document doc = parse(ReportFixtures.budgets());
        Element bar = doc.selectFirst("#memory-bar");
        assertEquals("12504", bar.attr("data-total"));
        assertEquals("65536", bar.attr("data-budget"));
        assertEquals("12504", bar.selectFirst(".used").attr("data-bytes"));
        assertEquals("53032", bar.selectFirst(".headroom").attr("data-bytes"));
        assertNull(bar.selectFirst(".over"));
        assertEquals("width:19.08%", bar.selectFirst(".used").attr("style"));
        assertEquals("12504", doc.selectFirst("#memory .used-bytes").text());
        assertEquals("65536", doc.selectFirst("#memory .budget-bytes").text());
        assertTrue(doc.selectFirst("#memory .legend").text().contains("headroom 53032 bytes (80.9% of the budget)"));

        Elements items = doc.select("#memory-items tr.memory-item");
        assertEquals(List.of("8208", "4112", "160", "24"), items.eachAttr("data-bytes"));
        assertEquals("com.example.motor.Motor.history", items.get(0).selectFirst("td").text());
        assertEquals(3, doc.select("#stack tr.stack-row").size());

        Document over = parse(ReportFixtures.overBudget());
        Element overBar = over.selectFirst("#memory-bar");
        assertEquals("12000", overBar.selectFirst(".used").attr("data-bytes"));
        assertEquals("504", overBar.selectFirst(".over").attr("data-bytes"));
        assertNull(overBar.selectFirst(".headroom"));
        assertTrue(over.selectFirst("#memory .legend").text().contains("over by 504 bytes"));
        assertNull(over.selectFirst("#timing"));

        Document unbudgeted = parse(ReportFixtures.unbudgeted());
        Element noBudget = unbudgeted.selectFirst("#memory-bar");
        assertFalse(noBudget.hasAttr("data-budget"));
        assertEquals("width:100.00%", noBudget.selectFirst(".used").attr("style"));
        assertTrue(unbudgeted.selectFirst("#memory .no-budget").text().contains("no budget given"));
        assertTrue(unbudgeted.selectFirst("#memory .legend").text().contains("lower bound"));
    }

    @Test
    void memoryItemsOfAnInitialisationRootAreMarkedWithIt() {
        Elements items = parse(ReportFixtures.initRoots()).select("#memory-items tr.memory-item");
        assertEquals(List.of("8208", "4112", "1040", "160", "96", "24"), items.eachAttr("data-bytes"));
        assertEquals(List.of("1040", "96"), items.select("[data-origin=init-root]").eachAttr("data-bytes"));
        Element allocated = items.get(2).selectFirst("td.name");
        assertEquals("com.example.telemetry.TelemetryApp.start line 12", allocated.selectFirst("code").text());
        Element marker = allocated.selectFirst(".marker.origin");
        assertEquals("start-up: TelemetryApp.start()", marker.text());
        assertEquals("com.example.telemetry.TelemetryApp.start()", marker.attr("title"));
        assertEquals("start-up: TelemetryApp.start()", items.get(4).selectFirst("td.name .marker.origin").text());
        for (int i : new int[] {0, 1, 3, 5}) {
            assertFalse(items.get(i).hasAttr("data-origin"), items.get(i).outerHtml());
            assertNull(items.get(i).selectFirst(".origin"), items.get(i).outerHtml());
        }
        assertNull(parse(ReportFixtures.budgets()).selectFirst("#memory-items .origin"), "static state is not marked");
    }

    @Test
    void timingRowsShowBoundAgainstDeadlineOrRelativeToTheLargestBound() {
        Document doc = parse(ReportFixtures.budgets());
        Elements rows = doc.select("#timing-roots tr.timing-row");
        assertEquals(3, rows.size());
        assertEquals(List.of("com.example.motor.Motor.calibrate()", "com.example.motor.Motor.onTick()",
                "com.example.telemetry.TelemetryHandler.onSample(long)"), rows.select("td.name > code").eachText());
        assertEquals(List.of("80", "1234", "unbounded"), rows.select("td.bound").eachText());
        assertEquals(List.of("-", "5000", "2000"), rows.select("td.deadline").eachText());
        assertEquals(List.of("-", "3766", "-"), rows.select("td.slack").eachText());
        assertEquals("1234", rows.get(1).attr("data-bound"));
        assertEquals("5000", rows.get(1).attr("data-deadline"));
        assertEquals("bound against deadline, or relative to the largest bound",
                doc.selectFirst("#timing-roots th.bar-heading").text());
        assertEquals(List.of("bound", "deadline", "late or unbounded", "no deadline: relative to the largest bound (1234 cycles)"),
                doc.select("#timing .legend > span").eachText());
        // with a deadline: on the scale of the largest deadline, 5000
        assertEquals("deadline", rows.get(1).selectFirst(".bar").attr("data-scale"));
        assertEquals("width:24.68%", rows.get(1).selectFirst(".bar .bound").attr("style"));
        assertEquals("left:calc(100.00% - 1px)", rows.get(1).selectFirst(".bar .deadline").attr("style"));
        assertEquals("bound 1234 against the deadline of 5000 cycles", rows.get(1).selectFirst(".bar").attr("title"));
        // without one: relative to the largest bound, 1234, and drawn apart
        Element calibrate = rows.get(0).selectFirst(".bar");
        assertEquals("bar relative", calibrate.className());
        assertEquals("largest-bound", calibrate.attr("data-scale"));
        assertEquals("width:6.48%", calibrate.selectFirst(".bound").attr("style"));
        assertNull(calibrate.selectFirst(".deadline"));
        assertEquals("no deadline: bound 80 of the largest bound, 1234 cycles", calibrate.attr("title"));
        assertEquals("false", rows.get(2).attr("data-bounded"));
        assertFalse(rows.get(2).hasAttr("data-bound"));
        assertNotNull(rows.get(2).selectFirst(".bar .unbounded"));
        assertEquals("left:calc(40.00% - 1px)", rows.get(2).selectFirst(".bar .deadline").attr("style"));
        assertEquals(List.of("FAIL"), rows.get(2).select(".badge").eachText());
        assertTrue(rows.get(2).selectFirst("details").hasAttr("open"));
        assertEquals(List.of("com.example.telemetry.TelemetryHandler.onSample(long)", "unbounded loop at TelemetryHandler.java:36"),
                rows.get(2).select("ol.worst-path li").eachText());
    }

    @Test
    void withoutAnyDeadlineNothingIsDrawnAgainstADeadline() {
        Document doc = parse(ReportFixtures.unbudgeted());
        assertEquals("bound, relative to the largest bound", doc.selectFirst("#timing-roots th.bar-heading").text());
        assertEquals(List.of("bound", "unbounded", "no deadline: relative to the largest bound (1234 cycles)"),
                doc.select("#timing .legend > span").eachText());
        assertTrue(doc.select("#timing .bar .deadline").isEmpty());
        Elements bars = doc.select("#timing-roots .bar");
        assertEquals(List.of("largest-bound", "largest-bound"), bars.eachAttr("data-scale"));
        assertEquals("width:100.00%", bars.get(0).selectFirst(".bound").attr("style"));
        assertEquals("unbounded: no bound could be proved", bars.get(1).attr("title"));

        Document all = parse(ReportFixtures.hostile());
        assertEquals("bound against deadline", all.selectFirst("#timing-roots th.bar-heading").text());
        assertNull(all.selectFirst("#timing .relative-note"));
    }

    @Test
    void namesWrapBetweenTheirPartsOnly() {
        String html = html(ReportFixtures.budgets());
        Document doc = Jsoup.parse(html);
        assertEquals("com.<wbr>example.<wbr>motor.<wbr>Motor.<wbr>history", doc.selectFirst("#memory-items td.name code").html());
        assertEquals("com.<wbr>example.<wbr>telemetry.<wbr>TelemetryHandler.<wbr>onSample(long)",
                doc.select("#stack td.name code").get(2).html());
        assertEquals("com.<wbr>example.<wbr>motor.<wbr>Motor.<wbr>calibrate()", doc.selectFirst("#findings .root-name").html());
        String css = doc.selectFirst("style").data();
        assertFalse(css.contains("break-all"), "no rule breaks names inside a word");
        assertFalse(css.contains("anywhere"), "no rule breaks names inside a word");
        assertEquals(List.of("memory-items", "stack", "timing-roots"), doc.select(".scroll > table").eachAttr("id"),
                "a name too long for the page scrolls its table");
        assertEquals("a.<wbr>b$<wbr>C.<wbr>d &lt;.<wbr>&gt;", HtmlReportWriter.escName("a.b$C.d <.>"));
        assertEquals("end.", HtmlReportWriter.escName("end."));
    }

    @Test
    void ruleSetsAreListedOnceForTheRootsThatShareThem() {
        Document doc = parse(ReportFixtures.fixture());
        assertEquals(List.of("Rules for interrupt roots: " + String.join(", ", RootKind.INTERRUPT.rules()),
                "Rules for real-time roots: " + String.join(", ", RootKind.REAL_TIME.rules())),
                doc.select("#findings p.rule-set").eachText());
        assertTrue(doc.select("#findings .root-meta").eachText().stream().noneMatch(t -> t.contains("rules:")));
    }

    @Test
    void baselineAcceptedFindingsAreMarked() {
        Document doc = parse(ReportFixtures.baselined());
        Elements marked = doc.select("li.finding.baseline");
        assertEquals(1, marked.size());
        assertEquals("in the baseline", marked.get(0).selectFirst(".marker.baseline").text());
        assertEquals(ReportFixtures.HOSTILE_MESSAGE, marked.get(0).selectFirst(".message").text());
        Element section = doc.selectFirst("#baseline");
        assertTrue(section.text().contains("no longer present: 2 findings"));
        assertTrue(section.text().contains("regressions against the baseline: 1"));
        assertEquals(1, section.select("#baseline-gone tbody tr").size());
    }

    @Test
    void hostileNamesAppearAsTextAndCreateNoMarkup() {
        AnalysisResult result = ReportFixtures.hostile();
        String html = html(result);
        Document doc = Jsoup.parse(html);
        assertEquals(1, doc.select("script").size());
        assertTrue(doc.select("b:not([class])").isEmpty()); // the writer's own <b> elements all have a class
        assertFalse(doc.selectFirst("script").html().contains("alert"));

        Element root = doc.selectFirst("#findings > section.root");
        assertEquals(ReportFixtures.HOSTILE_ROOT.toString(), root.attr("data-root"));
        assertEquals("com.example.<script>alert(1)</script>.on\"Tick\"&'x'()", root.selectFirst(".root-name").text());
        Element finding = root.selectFirst("li.finding");
        assertEquals("Evil<&>\".java:5", finding.selectFirst(".file-line").text());
        assertEquals("remedy: don't <b>", finding.selectFirst(".remedy").text());
        String message = finding.selectFirst(".message").text();
        assertTrue(message.startsWith(ReportFixtures.HOSTILE_MESSAGE + " ]]> \\u0001 \\ud800 end"), message);
        assertEquals("1 error <&>", doc.selectFirst(".fail-reason").text());
        assertEquals("com.example.<script>.x", doc.selectFirst("#memory-items td").text());
        assertTrue(doc.selectFirst("#timing h2").text().contains("<unit>"));

        // Every attribute name is one the writer writes; no attribute value holds markup from the model
        // except where it is the model's own text (data-root).
        List<String> names = List.of("lang", "charset", "name", "content", "id", "class", "data-verdict", "data-total",
                "data-budget", "data-bytes", "style", "data-bounded", "data-bound", "data-deadline", "data-scale", "open", "title",
                "hidden", "type", "value", "checked", "data-root", "data-rule", "data-severity");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertTrue(names.contains(a.getKey()), "unexpected attribute " + a.getKey() + " on " + e.tagName());
                if (a.getKey().startsWith("on")) {
                    throw new AssertionError("event handler attribute " + a);
                }
            }
        }
        // The raw output is ASCII and holds no raw markup from the model.
        assertTrue(html.chars().allMatch(c -> c < 0x80), "non-ASCII in output");
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("Evil<"));
    }

    @Test
    void noExternalResources() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            String html = html(fixture.getValue());
            Document doc = Jsoup.parse(html);
            String name = fixture.getKey();
            assertTrue(doc.select("link, img, iframe, object, embed, base").isEmpty(), name);
            assertTrue(doc.select("[src], [href], [srcset], [action], [poster]").isEmpty(), name);
            assertEquals(1, doc.select("script").size(), name);
            assertFalse(html.contains("http://") || html.contains("https://"), name);
            assertFalse(html.contains("url("), name);
            assertFalse(html.contains("@import"), name);
            assertEquals("utf-8", doc.selectFirst("meta[charset]").attr("charset"), name);
            assertNotNull(doc.selectFirst("style"), name);
            assertTrue(doc.selectFirst("style").data().contains("@media print"), name);
        }
    }

    @Test
    void everyFindingOfEveryFixtureIsShown() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            AnalysisResult result = fixture.getValue();
            Document doc = parse(result);
            int expected = result.findings().size()
                    + (result.baseline() == null ? 0 : result.baseline().accepted().size());
            assertEquals(expected, doc.select("li.finding").size(), fixture.getKey());
            long suppressed = result.findings().stream().filter(Finding::suppressed).count();
            assertEquals(suppressed, doc.select("li.finding.suppressed").size(), fixture.getKey());
        }
    }

    @Test
    void sameModelSameBytes() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            assertEquals(html(fixture.getValue()), html(fixture.getValue()), fixture.getKey());
        }
        assertEquals(html(ReportFixtures.budgets()), html(ReportFixtures.budgets()));
    }

    @Test
    void escaperCoversTextAndAttributeContexts() {
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;", HtmlReportWriter.esc("a<b>&\"'"));
        assertEquals("temp&#xe9;rature &#x2014; &#x1f600;", HtmlReportWriter.esc("temp\u00e9rature \u2014 \ud83d\ude00"));
        assertEquals("\\u0001\\ud800x", HtmlReportWriter.esc("\u0001\ud800x"));
        assertEquals("", HtmlReportWriter.esc(null));
    }
}
