package dev.headroom.reports;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import dev.headroom.core.json.JsonOutput;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SARIF file made of the SARIF reports of several modules: their runs, in the order given, unchanged.
 * GitHub takes several runs in one upload only when each has its own category ({@code
 * automationDetails.id}), and at most {@link #MOST_RUNS} of them, so two runs of one category, or more runs than
 * that, are refused here rather than there.
 */
public final class SarifAggregate {
    /** The most runs GitHub code scanning takes in one file ("Runs per file", its SARIF upload limits). */
    static final int MOST_RUNS = 20;

    /** One module's SARIF report and where it came from (named in errors). */
    public record Part(String source, String json) {
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SarifAggregate() {
    }

    /**
     * Writes the aggregate: {@code $schema}, {@code version} and every part's runs.
     *
     * @throws IllegalArgumentException naming the part that is not a SARIF 2.1.0 report, or the two parts
     *                                  whose runs share a category; or saying there are more than
     *                                  {@link #MOST_RUNS} runs
     */
    public static void write(List<Part> parts, Writer out) throws IOException {
        JsonArray runs = new JsonArray();
        Map<String, String> categories = new HashMap<>(); // lookups only, never iterated
        for (Part part : parts) {
            for (JsonElement run : runs(part)) {
                String category = category(run);
                String earlier = categories.putIfAbsent(category, part.source());
                if (earlier != null) {
                    throw new IllegalArgumentException(part.source() + " and " + earlier + " have runs of the same"
                            + " category '" + category + "', which GitHub refuses in one upload: give each module"
                            + " its own category");
                }
                runs.add(run);
            }
        }
        if (runs.size() > MOST_RUNS) {
            throw new IllegalArgumentException(runs.size() + " runs (a run per module), more than the " + MOST_RUNS
                    + " GitHub code scanning takes in one file: upload the modules' own reports in several steps,"
                    + " each with its category");
        }
        JsonObject aggregate = new JsonObject();
        aggregate.addProperty("$schema", SarifReportWriter.SCHEMA_URI);
        aggregate.addProperty("version", SarifReportWriter.SARIF_VERSION);
        aggregate.add("runs", runs);
        // Through JsonOutput: a lone surrogate in a module's names (read from its JSON escape) stays an escape.
        JsonWriter json = JsonOutput.writer(out);
        GSON.toJson(aggregate, json);
        json.flush();
        out.write('\n');
        out.flush();
    }

    private static JsonArray runs(Part part) {
        JsonElement root;
        try {
            root = JsonParser.parseString(part.json());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(part.source() + " is not JSON: " + e.getMessage());
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("runs")
                || !root.getAsJsonObject().get("runs").isJsonArray()
                || !SarifReportWriter.SARIF_VERSION.equals(string(root.getAsJsonObject().get("version")))) {
            throw new IllegalArgumentException(part.source() + " is not a SARIF " + SarifReportWriter.SARIF_VERSION
                    + " report (no version " + SarifReportWriter.SARIF_VERSION + " and runs)");
        }
        return root.getAsJsonObject().getAsJsonArray("runs");
    }

    /** The run's category: its {@code automationDetails.id} up to the last {@code /}; "" for none. */
    private static String category(JsonElement run) {
        JsonElement details = run.isJsonObject() ? run.getAsJsonObject().get("automationDetails") : null;
        String id = details != null && details.isJsonObject() ? string(details.getAsJsonObject().get("id")) : null;
        if (id == null) {
            return "";
        }
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }

    private static String string(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }
}
