package dev.headroom.reports;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the dashboard (the page of {@code reports/dashboard/}) into a folder, with reports written into
 * the page itself: a browser opens it from {@code file://} and shows their trend at once, with no file to
 * choose and no server. The reports are kept as their text, in the order given; the page checks them as it
 * checks chosen files ({@link ReportShape} is the same check, for a front end to refuse them first).
 */
public final class DashboardWriter {
    /** The page's files, as the jar holds them. */
    public static final List<String> FILES = List.of("index.html", "dashboard.css", "comparability.js", "java-names.js",
            "dashboard.js");
    private static final String RESOURCES = "/dev/headroom/reports/dashboard/";
    private static final String SCRIPT = "<script src=\"dashboard.js\"></script>";
    /** The element the page reads embedded reports from (see dashboard.js). */
    static final String EMBEDDED_ID = "embedded-reports";

    /** A report to show: the name it is shown under and its JSON text. */
    public record Report(String name, String text) {
    }

    private DashboardWriter() {
    }

    /** Writes the page's files into {@code folder} (created if needed), with the reports in index.html. */
    public static void write(Path folder, List<Report> reports) throws IOException {
        Files.createDirectories(folder);
        for (String file : FILES) {
            String text = resource(file);
            if (file.equals("index.html") && !reports.isEmpty()) {
                text = embed(text, reports);
            }
            Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
        }
    }

    /**
     * The page with the reports as a JSON data block before its script. Gson escapes {@code <}, {@code >}
     * and {@code &} in strings, so no report text can end the block or open markup.
     */
    static String embed(String page, List<Report> reports) {
        JsonArray entries = new JsonArray();
        for (Report r : reports) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", r.name());
            entry.addProperty("text", r.text());
            entries.add(entry);
        }
        String block = "<script type=\"application/json\" id=\"" + EMBEDDED_ID + "\">" + new Gson().toJson(entries)
                + "</script>\n";
        int at = page.indexOf(SCRIPT);
        if (at < 0) {
            throw new IllegalStateException("the dashboard page has no " + SCRIPT);
        }
        return page.substring(0, at) + block + page.substring(at);
    }

    private static String resource(String file) {
        try (InputStream in = DashboardWriter.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
