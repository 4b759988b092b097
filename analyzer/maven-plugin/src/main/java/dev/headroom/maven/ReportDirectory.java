package dev.headroom.maven;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.reports.ReportFile;
import dev.headroom.reports.ReportFormat;
import dev.headroom.reports.ReportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The goal's report directory: the reports of this run, and none of an earlier one. A run that writes
 * other formats than the one before must not leave the old files there (a failing {@code headroom.sarif}
 * next to a passing {@code headroom.json}), so Headroom's own report files are removed before the check
 * starts; other files in the directory are never touched.
 */
final class ReportDirectory {
    private static final List<String> DEFAULT_FORMATS = List.of("text", "json");

    private final Path directory;
    private final Log log;

    ReportDirectory(Path directory, Log log) {
        this.directory = directory;
        this.log = log;
    }

    /**
     * The formats, in the order given, without repeats; an entry may itself be comma-separated.
     *
     * @param entries the formats parameter; text and json when it is not set or empty
     */
    static List<ReportFormat> formats(List<String> entries) throws MojoExecutionException {
        List<String> ids = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            for (String id : entry.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        if (ids.isEmpty()) {
            ids.addAll(DEFAULT_FORMATS);
        }
        String available = Arrays.stream(ReportFormat.values()).map(ReportFormat::id).collect(Collectors.joining(", "));
        Set<ReportFormat> chosen = new LinkedHashSet<>();
        for (String id : ids) {
            ReportFormat format = ReportFormat.byId(id).orElse(null);
            if (format == null) {
                throw new MojoExecutionException("headroom.formats: unknown format '" + id + "'; available: " + available);
            }
            chosen.add(format);
        }
        return List.copyOf(chosen);
    }

    /** Removes the report files of every format an earlier run may have written. */
    void removeEarlierReports() throws MojoExecutionException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        for (ReportFormat format : ReportFormat.values()) {
            Path earlier = directory.resolve(format.fileName());
            try {
                if (Files.deleteIfExists(earlier)) {
                    log.debug("Headroom: removed the earlier report " + earlier);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("cannot remove the earlier report " + earlier + ": " + e, e);
            }
        }
    }

    void create() throws MojoExecutionException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot create the report directory " + directory + ": " + e, e);
        }
    }

    /**
     * Writes each format to its file, encoded and written on a second thread when {@code beside}; returns the files by
     * format, in the order given.
     */
    Map<ReportFormat, Path> write(AnalysisResult result, List<ReportFormat> formats, ReportSettings settings,
                                  boolean beside) throws MojoExecutionException {
        Map<ReportFormat, Path> written = new LinkedHashMap<>();
        for (ReportFormat format : formats) {
            Path file = directory.resolve(format.fileName());
            try {
                ReportFile.write(file, beside, format.newWriter(settings), result);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot write report " + file + ": " + e, e);
            }
            written.put(format, file);
        }
        return written;
    }
}
