package dev.headroom.maven;

import dev.headroom.reports.ReportPaths;
import dev.headroom.reports.ReportSettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the plugin's reports need besides the result, derived as {@code headroom check} derives it, so that
 * both write the same bytes for the same module: paths relative to the directory Maven runs in, the SARIF
 * category of the module, a timestamp fixed by the build.
 */
final class PluginReportSettings {
    private PluginReportSettings() {
    }

    /**
     * The source roots for report paths, made relative to the working directory when under it, so that
     * reports name {@code src/main/java/com/acme/Motor.java} (or {@code app/src/main/java/...} from the root
     * of a multi-module build), the way {@code headroom check} run there does.
     */
    static List<Path> sourceRoots(List<Path> roots) {
        return ReportPaths.shown(roots, Path.of(""));
    }

    /**
     * @param sarifCategory   the parameter; null to derive it from the module's directory
     * @param outputTimestamp {@code project.build.outputTimestamp}: the timestamp when set (a one-character
     *                        value switches it off, as in Maven's own plugins)
     * @param sourceDateEpoch {@code SOURCE_DATE_EPOCH}: the timestamp when the project sets none
     */
    static ReportSettings of(String sarifCategory, File basedir, String outputTimestamp, String sourceDateEpoch)
            throws MojoExecutionException {
        if (sarifCategory != null && sarifCategory.isBlank()) {
            throw new MojoExecutionException("headroom.sarifCategory is empty");
        }
        String category = sarifCategory != null ? sarifCategory.strip()
                : ReportPaths.sarifCategory(basedir.toPath(), Path.of(""));
        Instant timestamp = Instant.EPOCH;
        try {
            if (outputTimestamp != null && outputTimestamp.strip().length() > 1) {
                timestamp = ReportSettings.parseTimestamp(outputTimestamp);
            } else if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
                timestamp = ReportSettings.parseTimestamp(sourceDateEpoch);
            }
        } catch (IllegalArgumentException e) {
            String source = outputTimestamp != null && outputTimestamp.strip().length() > 1
                    ? "project.build.outputTimestamp" : ReportSettings.SOURCE_DATE_EPOCH;
            throw new MojoExecutionException("Headroom: " + source + ": " + e.getMessage(), e);
        }
        return new ReportSettings(category, timestamp);
    }
}
