package dev.headroom.cli;

import dev.headroom.core.FailOn;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Verdict;
import dev.headroom.reports.CharacterEscapes;
import dev.headroom.reports.ReportFormat;
import dev.headroom.reports.VerdictSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a check found, on standard error, whenever the report itself is not in the log: written to files
 * ({@code -o}, {@code --report-dir}) or to standard output in a format for machines (redirected, as a
 * rule). A fail gives the verdict and counts, the first findings and where the reports are, so that a red
 * CI job always says why; a pass gives one line. A text report on standard output says all of it already.
 */
final class VerdictOnStderr {
    private VerdictOnStderr() {
    }

    /** @param written the report files, in format order; empty when the report went to standard output */
    static void print(PrintWriter err, AnalysisResult result, FailOn failOn, ReportFormat format, List<Path> written) {
        if (written.isEmpty() && format == ReportFormat.TEXT) {
            return;
        }
        String where = written.isEmpty() ? ""
                : (written.size() == 1 ? "report: " : "reports: ")
                        + written.stream().map(Path::toString).collect(Collectors.joining(", "));
        String counts = "headroom: " + VerdictSummary.counts(result);
        if (result.verdict() == Verdict.PASS) {
            println(err, where.isEmpty() ? counts : counts + "; " + where);
        } else {
            println(err, result.failReason() == null ? counts : counts + ": " + result.failReason());
            VerdictSummary.findings(result, failOn::fails).forEach(line -> println(err, line));
            if (!where.isEmpty()) {
                println(err, "headroom: " + where);
            }
        }
        err.flush();
    }

    /** Names from class files are in these lines: their control characters escaped. */
    private static void println(PrintWriter err, String line) {
        err.println(CharacterEscapes.terminal(line));
    }
}
