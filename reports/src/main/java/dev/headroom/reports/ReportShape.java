package dev.headroom.reports;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a text is a Headroom JSON report the dashboard can show: the checks of the page's
 * {@code reportProblem} (dashboard.js), with its words, so that {@code headroom dashboard} refuses what the
 * page would name as not a report. Not the whole schema: what the page reads.
 */
public final class ReportShape {
    private static final String NOT_A_REPORT = "not a Headroom report: ";
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private ReportShape() {
    }

    /** Why the text is not a report the dashboard reads, in one line; empty when it is one. */
    public static Optional<String> problem(String text) {
        JsonElement value;
        try {
            value = parse(text);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return Optional.of(NOT_A_REPORT + "not JSON (" + firstLine(e) + ")");
        }
        return Optional.ofNullable(shapeProblem(value));
    }

    /** Strict JSON, as a browser's JSON.parse reads it: one value, nothing after it. */
    private static JsonElement parse(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement value = ELEMENTS.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new MalformedJsonException("unexpected content after the JSON value at " + reader.getPath());
        }
        return value;
    }

    /** Gson's message may go on with a line that links to its troubleshooting guide: the first line says it. */
    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    private static String shapeProblem(JsonElement value) {
        if (!value.isJsonObject()) {
            return NOT_A_REPORT + "the JSON is not an object";
        }
        JsonObject report = value.getAsJsonObject();
        JsonObject tool = object(report, "tool");
        if (!report.has("schemaVersion") || tool == null || !"headroom".equals(string(tool, "name"))) {
            return NOT_A_REPORT + "it has no \"schemaVersion\" and \"tool\": {\"name\": \"headroom\"}";
        }
        JsonElement version = report.get("schemaVersion");
        if (!(version.isJsonPrimitive() && version.getAsJsonPrimitive().isNumber()
                && version.getAsJsonPrimitive().getAsBigDecimal().compareTo(
                        BigDecimal.valueOf(JsonReportWriter.SCHEMA_VERSION)) == 0)) {
            return "schemaVersion " + version + " is not supported: this dashboard reads schemaVersion "
                    + JsonReportWriter.SCHEMA_VERSION;
        }
        String verdict = string(report, "verdict");
        if (!"pass".equals(verdict) && !"fail".equals(verdict)) {
            return NOT_A_REPORT + "\"verdict\" is neither \"pass\" nor \"fail\"";
        }
        JsonArray findings = array(report, "findings");
        JsonArray roots = array(report, "roots");
        if (object(report, "summary") == null || findings == null || roots == null) {
            return NOT_A_REPORT + "\"summary\", \"findings\" or \"roots\" is missing or of the wrong type";
        }
        for (JsonElement root : roots) {
            if (!isMethod(root)) {
                return NOT_A_REPORT + "a root has no \"class\", \"method\" or \"descriptor\"";
            }
        }
        for (JsonElement finding : findings) {
            if (!finding.isJsonObject() || string(finding.getAsJsonObject(), "rule") == null
                    || !isMethod(finding.getAsJsonObject().get("location"))) {
                return NOT_A_REPORT + "a finding has no \"rule\" or \"location\"";
            }
        }
        if (report.has("memory") && !hasNumber(object(report, "memory"), "totalBytes")) {
            return NOT_A_REPORT + "\"memory\" has no \"totalBytes\"";
        }
        if (report.has("timing") && !timingIsReadable(object(report, "timing"))) {
            return NOT_A_REPORT + "\"timing\" has no \"roots\", or a root there has no \"bounded\" or \"wcet\"";
        }
        return null;
    }

    private static boolean timingIsReadable(JsonObject timing) {
        JsonArray roots = timing == null ? null : array(timing, "roots");
        if (roots == null) {
            return false;
        }
        for (JsonElement element : roots) {
            if (!element.isJsonObject() || !isMethod(element.getAsJsonObject().get("root"))) {
                return false;
            }
            JsonElement bounded = element.getAsJsonObject().get("bounded");
            boolean isBoolean = bounded != null && bounded.isJsonPrimitive() && bounded.getAsJsonPrimitive().isBoolean();
            if (!isBoolean || (bounded.getAsBoolean() && !hasNumber(element.getAsJsonObject(), "wcet"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMethod(JsonElement value) {
        if (value == null || !value.isJsonObject()) {
            return false;
        }
        JsonObject method = value.getAsJsonObject();
        return string(method, "class") != null && string(method, "method") != null && string(method, "descriptor") != null;
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement value = parent.get(key);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    private static JsonArray array(JsonObject parent, String key) {
        JsonElement value = parent.get(key);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : null;
    }

    private static String string(JsonObject parent, String key) {
        JsonElement value = parent.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    private static boolean hasNumber(JsonObject parent, String key) {
        JsonElement value = parent == null ? null : parent.get(key);
        return value != null && value.isJsonPrimitive() && ((JsonPrimitive) value).isNumber();
    }
}
