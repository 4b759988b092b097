package dev.headroom.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The report formats, by the names used in {@code --format}. */
public enum ReportFormat {
    TEXT("txt", "headroom.txt", settings -> new TextReportWriter()),
    JSON("json", "headroom.json", settings -> new JsonReportWriter()),
    SARIF("sarif", "headroom.sarif", settings -> new SarifReportWriter(settings.sarifCategory())),
    JUNIT("xml", "headroom-junit.xml", settings -> new JUnitReportWriter(settings.timestamp())),
    HTML("html", "headroom.html", settings -> new HtmlReportWriter());

    private final String fileExtension;
    private final String fileName;
    private final Function<ReportSettings, ReportWriter> factory;

    ReportFormat(String fileExtension, String fileName, Function<ReportSettings, ReportWriter> factory) {
        this.fileExtension = fileExtension;
        this.fileName = fileName;
        this.factory = factory;
    }

    /**
     * The name used on the command line: {@code text}, {@code json}, {@code sarif}, {@code junit},
     * {@code html}.
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The extension of this format's file, without the dot ({@code json}, {@code sarif}, {@code xml}).
     * To name a file in a report directory use {@link #fileName()}: {@code headroom.} plus this extension
     * is not unique once two formats share an extension.
     */
    public String fileExtension() {
        return fileExtension;
    }

    /**
     * The name of this format's file in a report directory: {@code headroom.txt}, {@code headroom.json},
     * {@code headroom.sarif}, {@code headroom-junit.xml}, {@code headroom.html}. Distinct for every format,
     * and always ending in
     * {@code .}{@link #fileExtension()}.
     */
    public String fileName() {
        return fileName;
    }

    /** A writer with {@link ReportSettings#DEFAULTS}. */
    public ReportWriter newWriter() {
        return newWriter(ReportSettings.DEFAULTS);
    }

    /** A writer for this format; the settings that do not concern it are ignored. */
    public ReportWriter newWriter(ReportSettings settings) {
        return factory.apply(settings);
    }

    public static Optional<ReportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
