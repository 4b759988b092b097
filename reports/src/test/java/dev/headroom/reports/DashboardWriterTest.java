package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard written into a folder: the page of reports/dashboard, with reports written into it. */
class DashboardWriterTest {
    private static final Path PAGE = Path.of("dashboard");

    @TempDir
    Path out;

    @Test
    void withoutReportsThePageIsWrittenAsItIs() throws IOException {
        DashboardWriter.write(out.resolve("new/folder"), List.of());
        List<String> differing = new ArrayList<>();
        for (String file : DashboardWriter.FILES) {
            if (!Files.readString(PAGE.resolve(file)).equals(Files.readString(out.resolve("new/folder").resolve(file)))) {
                differing.add(file);
            }
        }
        assertEquals(List.of(), differing, "files that differ from reports/dashboard");
    }

    @Test
    void reportsAreWrittenIntoThePageInOrderAndAsText() throws IOException {
        String hostile = "{\"schemaVersion\": 1, \"x\": \"</script><script>window.bad = 1</script><!-- &amp;\"}";
        List<DashboardWriter.Report> reports = List.of(new DashboardWriter.Report("0042-headroom.json", hostile),
                new DashboardWriter.Report("0041 <b>old</b>.json", "not json at all"));
        DashboardWriter.write(out, reports);
        Document page = Jsoup.parse(Files.readString(out.resolve("index.html")));
        Element block = page.getElementById(DashboardWriter.EMBEDDED_ID);
        JsonArray entries = JsonParser.parseString(block.data()).getAsJsonArray();
        List<String> scripts = page.select("script").stream()
                .map(s -> s.hasAttr("src") ? s.attr("src") : s.attr("type")).toList();
        assertAll(
                () -> assertEquals(List.of("comparability.js", "java-names.js", "application/json", "dashboard.js"),
                        scripts, "the page's helpers, the data block, then the page's script, and nothing a report"
                        + " could open"),
                () -> assertEquals(2, entries.size()),
                () -> assertEquals(entry(reports.get(0)), entries.get(0)),
                () -> assertEquals(entry(reports.get(1)), entries.get(1)),
                () -> assertFalse(block.data().contains("<"), "no markup inside the data block: " + block.data()),
                () -> assertEquals(Files.readString(PAGE.resolve("dashboard.js")), Files.readString(out.resolve("dashboard.js"))));
    }

    @Test
    void everyReportTheJsonWriterWritesIsOneTheDashboardReads() {
        List<String> refused = new ArrayList<>();
        ReportFixtures.all().forEach((name, result) -> ReportShape.problem(ReportFixtures.render(new JsonReportWriter(),
                result)).ifPresent(problem -> refused.add(name + ": " + problem)));
        assertEquals(List.of(), refused);
    }

    private static JsonObject entry(DashboardWriter.Report report) {
        JsonObject entry = new JsonObject();
        entry.addProperty("name", report.name());
        entry.addProperty("text", report.text());
        return entry;
    }
}
