package dev.headroom.maven;

import dev.headroom.core.FailOn;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Verdict;
import dev.headroom.reports.CharacterEscapes;
import dev.headroom.reports.ReportFormat;
import dev.headroom.reports.VerdictSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Tells the verdict through the Maven log and the build result, in the lines the command line prints
 * ({@link VerdictSummary}): a fail fails the build with the first findings; a pass with findings
 * (failOn never, maxFindings) logs them as warnings: they do not fail the build, but are not hidden.
 */
final class VerdictLog {
    private VerdictLog() {
    }

    static void report(Log log, AnalysisResult result, FailOn failOn, Map<ReportFormat, Path> reports)
            throws MojoFailureException {
        String where = "Headroom reports: " + reports.values().stream().map(Path::toString)
                .collect(Collectors.joining(", "));
        List<String> found = VerdictSummary.findings(result, failOn::fails);
        if (result.verdict() == Verdict.FAIL || found.isEmpty()) {
            log.info(summaryLine(result));
            log.info(where);
        } else {
            log.warn(summaryLine(result));
            found.forEach(log::warn);
            log.warn(where);
        }
        if (result.verdict() == Verdict.FAIL) {
            throw new MojoFailureException(failureMessage(result, failOn, reports));
        }
    }

    static String summaryLine(AnalysisResult result) {
        return "Headroom " + result.toolVersion() + ": " + VerdictSummary.counts(result);
    }

    /** What failed, the first findings that fail the build, and where the full report is. */
    static String failureMessage(AnalysisResult result, FailOn failOn, Map<ReportFormat, Path> reports) {
        StringBuilder message = new StringBuilder("Headroom check failed: ")
                .append(result.failReason() != null ? CharacterEscapes.terminal(result.failReason()) : "verdict fail")
                .append(" (").append(VerdictSummary.findingCounts(result.summary())).append(")");
        for (String line : VerdictSummary.findings(result, failOn::fails)) {
            message.append(System.lineSeparator()).append(line);
        }
        // The text report is the one to read; else whichever was written.
        Path report = reports.getOrDefault(ReportFormat.TEXT,
                reports.isEmpty() ? null : reports.values().iterator().next());
        if (report != null) {
            message.append(System.lineSeparator()).append("Full report: ").append(report);
        }
        return message.toString();
    }
}
