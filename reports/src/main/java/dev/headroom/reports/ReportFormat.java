package dev.headroom.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The report formats, by the names used in {@code --format}. */
public enum ReportFormat {
    TEXT("txt", "headroom.txt", TextReportWriter::new),
    JSON("json", "headroom.json", JsonReportWriter::new),
    SARIF("sarif", "headroom.sarif", SarifReportWriter::new),
    JUNIT("xml", "headroom-junit.xml", JUnitReportWriter::new),
    HTML("html", "headroom.html", HtmlReportWriter::new);

    private final String fileExtension;
    private final String fileName;
    private final Supplier<ReportWriter> factory;

    ReportFormat(String fileExtension, String fileName, Supplier<ReportWriter> factory) {
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

    public ReportWriter newWriter() {
        return factory.get();
    }

    public static Optional<ReportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
