package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The verdict in a few lines for a log, the same from every front end: the command line prints them on
 * standard error when the report goes to a file, the Maven plugin logs them. A line of counts, then the
 * first findings, each {@code file:line in method  rule  message head}, and {@code ... and N more}.
 */
public final class VerdictSummary {
    /** Findings named; the report has them all. */
    public static final int FINDINGS_SHOWN = 10;
    private static final int MAX_MESSAGE = 100;
    /** A colon this early ends a label ({@code synchronized block: ...}), not the message's head. */
    private static final int MIN_HEAD = 20;

    private VerdictSummary() {
    }

    /** {@code FAIL, 12 errors, 1 warning, 1 suppressed (5 roots, 1103 methods in 391 classes, dispatch vta)}. */
    public static String counts(AnalysisResult result) {
        Summary s = result.summary();
        return result.verdict().name() + ", " + findingCounts(s) + " (" + count(s.roots(), "root") + ", "
                + count(s.methods(), "method") + " in " + count(s.classes(), "class") + ", dispatch "
                + result.dispatch() + ")";
    }

    /** {@code 12 errors, 1 warning, 1 suppressed}. */
    public static String findingCounts(Summary s) {
        return count(s.errors(), "error") + ", " + count(s.warnings(), "warning") + ", " + s.suppressed() + " suppressed";
    }

    /**
     * The findings to read first, indented, in report order: on a fail, the unsuppressed ones whose severity
     * fails the check; on a pass, every unsuppressed one (found, but below {@code --fail-on} or within
     * {@code --max-findings}). At most {@link #FINDINGS_SHOWN}, then {@code ... and N more}. The lines are for
     * a terminal: the names in them have their control characters escaped ({@link CharacterEscapes#terminal}).
     *
     * @param fails whether a finding of this severity fails the check ({@code FailOn#fails})
     */
    public static List<String> findings(AnalysisResult result, Predicate<Severity> fails) {
        boolean failed = result.verdict() == Verdict.FAIL;
        List<Finding> shown = result.findings().stream()
                .filter(f -> !f.suppressed() && (!failed || fails.test(f.severity())))
                .toList();
        List<String> lines = new ArrayList<>();
        for (Finding f : shown.subList(0, Math.min(FINDINGS_SHOWN, shown.size()))) {
            lines.add(CharacterEscapes.terminal("  " + where(f.location()) + "  " + f.rule().id() + "  "
                    + shorten(f.message())));
        }
        if (shown.size() > FINDINGS_SHOWN) {
            lines.add("  ... and " + (shown.size() - FINDINGS_SHOWN) + " more");
        }
        return lines;
    }

    /** {@code src/main/java/com/acme/Motor.java:42 in onTick}. */
    static String where(Location location) {
        String file = location.file() != null ? location.file() : location.method().simpleClassName();
        return file + (location.line() > 0 ? ":" + location.line() : "") + " in " + location.method().name();
    }

    /** The message up to its explanation ({@code call to X may grow the collection}), at most a line. */
    static String shorten(String message) {
        int colon = message.indexOf(": ");
        String head = colon >= MIN_HEAD ? message.substring(0, colon) : message;
        return head.length() <= MAX_MESSAGE ? head : head.substring(0, MAX_MESSAGE - 3) + "...";
    }

    /** {@code 1 error}, {@code 3 classes}. */
    static String count(int n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.endsWith("s") ? noun + "es" : noun + "s");
    }
}
