package dev.headroom.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.MethodId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading a Headroom JSON report in tests: what the pages are expected to show, taken from the report. */
final class ReportJson {
    private ReportJson() {
    }

    /** {@code com.acme.Motor#onTick(I)V}: a method of the report as the pages identify it (data attributes). */
    static String methodId(JsonObject method) {
        return method.get("class").getAsString() + "#" + method.get("method").getAsString()
                + method.get("descriptor").getAsString();
    }

    /** {@code com.acme.Motor.onTick(int)}: a method as the pages show it to people (core's JavaSignatures). */
    static String javaSignature(JsonObject method) {
        return JavaSignatures.qualified(method(method));
    }

    static MethodId method(JsonObject method) {
        return new MethodId(method.get("class").getAsString(), method.get("method").getAsString(),
                method.get("descriptor").getAsString());
    }

    /** The roots as the pages show them to people. */
    static List<String> rootSignatures(JsonObject report) {
        return objects(report, "roots").stream().map(ReportJson::javaSignature).toList();
    }

    static List<JsonObject> objects(JsonObject report, String member) {
        List<JsonObject> objects = new ArrayList<>();
        for (JsonElement element : report.getAsJsonArray(member)) {
            objects.add(element.getAsJsonObject());
        }
        return objects;
    }

    static List<String> rootIds(JsonObject report) {
        return objects(report, "roots").stream().map(ReportJson::methodId).toList();
    }

    static List<JsonObject> timingRoots(JsonObject report) {
        return objects(report.getAsJsonObject("timing"), "roots");
    }

    /** The findings that count toward the verdict (what the dashboard counts). */
    static List<JsonObject> unsuppressedFindings(JsonObject report) {
        return objects(report, "findings").stream().filter(f -> !f.get("suppressed").getAsBoolean()).toList();
    }

    /** {@code Motor.java:42}, as both pages write a finding's place. */
    static String fileLine(JsonObject finding) {
        JsonObject location = finding.getAsJsonObject("location");
        String className = location.get("class").getAsString();
        String file = location.has("file") ? location.get("file").getAsString()
                : className.substring(className.lastIndexOf('.') + 1);
        int line = location.get("line").getAsInt();
        return file + (line > 0 ? ":" + line : "");
    }

    /** {@code 1,562}: a number as the dashboard writes it. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static long memoryTotal(JsonObject report) {
        return report.getAsJsonObject("memory").get("totalBytes").getAsLong();
    }
}
