package dev.headroom.cli;

import dev.headroom.reports.ReportPaths;
import dev.headroom.reports.ReportSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the reports of {@code headroom check} need to know about where it runs: the source roots that
 * report paths start from, the SARIF run's category and the JUnit XML timestamp. Paths are shown relative
 * to the working directory, as GitHub resolves them against the repository's root.
 */
final class ReportContext {
    private final Path workingDirectory;

    ReportContext(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /**
     * The source roots given, else those found next to the inputs ({@link ProjectLayout}), each relative to
     * the working directory when under it; no repeats.
     */
    List<Path> sourceRoots(List<Path> given, List<Path> inputs) {
        List<Path> roots = new ArrayList<>();
        if (given.isEmpty()) {
            for (Path input : inputs) {
                ProjectLayout.moduleOf(input).ifPresent(module -> roots.addAll(module.sourceRoots()));
            }
        } else {
            roots.addAll(given);
        }
        return ReportPaths.shown(roots, workingDirectory);
    }

    /**
     * One line for standard error when some inputs have no sources next to them (and none were given), so
     * that report paths start at the package; null when every input has its sources.
     */
    static String missingSources(List<Path> inputs) {
        List<Path> without = inputs.stream()
                .filter(input -> ProjectLayout.moduleOf(input).map(m -> m.sourceRoots().isEmpty()).orElse(true))
                .toList();
        if (without.isEmpty()) {
            return null;
        }
        return "no sources found next to " + without.stream().map(Path::toString).collect(Collectors.joining(", "))
                + " (src/main/java and the like, beside Maven's target/classes or Gradle's build/classes/java/main):"
                + " SARIF paths start at the package (com/acme/Motor.java), which GitHub cannot match to the"
                + " repository; give --source-root <dir>";
    }

    /**
     * The category given, else one derived from the first input's module ({@link ReportPaths#sarifCategory});
     * the timestamp from {@code SOURCE_DATE_EPOCH} when it is set, else the epoch.
     *
     * @throws ExitException (usage) for a blank category or a malformed {@code SOURCE_DATE_EPOCH}
     */
    ReportSettings settings(String category, Path firstInput, String sourceDateEpoch) {
        if (category != null && category.isBlank()) {
            throw ExitException.usage("--sarif-category is empty");
        }
        String chosen = category != null ? category.strip()
                : ReportPaths.sarifCategory(ProjectLayout.namingDirectory(firstInput), workingDirectory);
        Instant timestamp = Instant.EPOCH;
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            try {
                timestamp = ReportSettings.parseTimestamp(sourceDateEpoch);
            } catch (IllegalArgumentException e) {
                throw ExitException.usage(ReportSettings.SOURCE_DATE_EPOCH + ": " + e.getMessage());
            }
        }
        return new ReportSettings(chosen, timestamp);
    }
}
