package dev.headroom.reports;

import static dev.headroom.reports.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifAggregateTest {

    static String aggregate(List<SarifAggregate.Part> parts) {
        StringWriter out = new StringWriter();
        try {
            SarifAggregate.write(parts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The SARIF of the fixture and of the budgets fixture, as two modules' reports. */
    static List<SarifAggregate.Part> twoModules() {
        return List.of(
                new SarifAggregate.Part("lib/target/headroom/headroom.sarif",
                        render(new SarifReportWriter("headroom/lib"), ReportFixtures.fixture())),
                new SarifAggregate.Part("app/target/headroom/headroom.sarif",
                        render(new SarifReportWriter("headroom/app"), ReportFixtures.budgets())));
    }

    @Test
    void oneRunPerModuleInTheOrderGivenUnchanged() {
        String json = aggregate(twoModules());
        assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.SARIF, json));
        JsonObject sarif = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("2.1.0", sarif.get("version").getAsString());
        assertEquals(SarifReportWriter.SCHEMA_URI, sarif.get("$schema").getAsString());
        JsonArray runs = sarif.getAsJsonArray("runs");
        assertEquals(2, runs.size());
        for (int i = 0; i < 2; i++) {
            JsonObject own = JsonParser.parseString(twoModules().get(i).json()).getAsJsonObject();
            assertEquals(own.getAsJsonArray("runs").get(0), runs.get(i), "run " + i + " as the module wrote it");
        }
        assertEquals(json, aggregate(twoModules()), "the same bytes twice");
        assertTrue(json.endsWith("}\n"));
    }

    @Test
    void aLoneSurrogateInAModulesReportStaysAnEscapeSoTheFileCanBeWritten() throws IOException {
        // The hostile fixture's class name holds U+D800; its SARIF has it as the JSON escape.
        String hostile = render(new SarifReportWriter("headroom/app"), ReportFixtures.hostile());
        assertTrue(hostile.contains("\\ud800"), hostile);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // A strict UTF-8 encoder, as Files.newBufferedWriter has: a raw lone surrogate fails it.
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder())) {
            SarifAggregate.write(List.of(new SarifAggregate.Part("app/headroom.sarif", hostile)), out);
        }
        String json = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), JsonSchemas.violations(JsonSchemas.SARIF, json));
        assertEquals(JsonParser.parseString(hostile).getAsJsonObject().getAsJsonArray("runs").get(0),
                JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("runs").get(0));
    }

    @Test
    void twoRunsOfOneCategoryAreRefusedNamingBothFiles() {
        List<SarifAggregate.Part> parts = List.of(
                new SarifAggregate.Part("a.sarif", render(new SarifReportWriter("headroom/x"), ReportFixtures.fixture())),
                new SarifAggregate.Part("b.sarif", render(new SarifReportWriter("headroom/x/"), ReportFixtures.empty())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aggregate(parts));
        assertEquals("b.sarif and a.sarif have runs of the same category 'headroom/x', which GitHub refuses in one"
                + " upload: give each module its own category", e.getMessage());

        List<SarifAggregate.Part> uncategorised = List.of(
                new SarifAggregate.Part("a.sarif", render(new SarifReportWriter(), ReportFixtures.fixture())),
                new SarifAggregate.Part("b.sarif", render(new SarifReportWriter(), ReportFixtures.empty())));
        assertThrows(IllegalArgumentException.class, () -> aggregate(uncategorised), "no category is one category");
    }

    /** GitHub rejects a file of more than 20 runs ("more runs than allowed (21 > 20)"): refused here, 20 taken. */
    @Test
    void moreRunsThanGitHubTakesAreRefused() {
        List<SarifAggregate.Part> parts = new ArrayList<>();
        for (int i = 1; i <= SarifAggregate.MOST_RUNS + 1; i++) {
            parts.add(new SarifAggregate.Part("m" + i + ".sarif",
                    render(new SarifReportWriter("headroom/m" + i), ReportFixtures.empty())));
        }
        assertEquals(20, JsonParser.parseString(aggregate(parts.subList(0, 20))).getAsJsonObject()
                .getAsJsonArray("runs").size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aggregate(parts));
        assertEquals("21 runs (a run per module), more than the 20 GitHub code scanning takes in one file: upload the"
                + " modules' own reports in several steps, each with its category", e.getMessage());
    }

    @Test
    void aPartThatIsNotSarifIsNamed() {
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> aggregate(List.of(new SarifAggregate.Part("x.sarif", "{oops"))));
        assertTrue(notJson.getMessage().startsWith("x.sarif is not JSON: "), notJson.getMessage());
        IllegalArgumentException notSarif = assertThrows(IllegalArgumentException.class,
                () -> aggregate(List.of(new SarifAggregate.Part("y.sarif", "{\"version\": \"1.0\", \"runs\": []}"))));
        assertEquals("y.sarif is not a SARIF 2.1.0 report (no version 2.1.0 and runs)", notSarif.getMessage());
    }
}
