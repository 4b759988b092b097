package dev.headroom.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The report formats, by the names used in {@code --format}. */
public enum ReportFormat {
    TEXT("txt", TextReportWriter::new),
    JSON("json", JsonReportWriter::new);

    private final String fileExtension;
    private final Supplier<ReportWriter> factory;

    ReportFormat(String fileExtension, Supplier<ReportWriter> factory) {
        this.fileExtension = fileExtension;
        this.factory = factory;
    }

    /** The name used on the command line: {@code text}, {@code json}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The extension of this format's file in a report directory ({@code headroom.json}). */
    public String fileExtension() {
        return fileExtension;
    }

    public ReportWriter newWriter() {
        return factory.get();
    }

    public static Optional<ReportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
