package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.BaselineReport;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text report, for a terminal and CI logs: a header with the verdict and counts and the roots' rule
 * sets (each once, see {@link RuleSets}), then one section per root with its findings (unsuppressed
 * first, then suppressed, each in model order), the findings tied to no root, the memory and the
 * worst-case timing (when those analyses ran), the inputs that were skipped, and a last line
 * {@code PASS} or {@code FAIL: reason}.
 *
 * <p>The output is ASCII only, whatever the model holds: any other character, and any control
 * character, is written as a Java-style <code>&#92;uXXXX</code> escape, so a log never shows mojibake and a
 * message never breaks the layout. Lines end with {@code \n} on every platform. Methods are named by
 * their Java signatures ({@link JavaSignatures}), never by JVM descriptors.
 */
public final class TextReportWriter implements ReportWriter {

    /** Chains longer than this are elided in the middle. */
    static final int MAX_CHAIN_FRAMES = 8;
    /** Frames kept at the start of an elided chain. */
    static final int CHAIN_HEAD = 4;
    /** Frames kept at the end of an elided chain. */
    static final int CHAIN_TAIL = 3;

    /** Width of an item's bar in the memory section. */
    static final int BAR_WIDTH = 30;

    private static final String INDENT = "  ";
    /** How many of a root's exceptional exits the text report names. */
    private static final int EXITS_SHOWN = 3;
    /** Where a finding's detail lines start: under the rule id. */
    private static final String DETAIL = "           ";
    private static final String CHAIN_LABEL = "chain: ";
    private static final String CHAIN_CONTINUATION = DETAIL + " ".repeat(CHAIN_LABEL.length());

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        Lines lines = new Lines(out);
        lines.add(header(result));
        Optional<List<RuleSets.Shared>> ruleSets = RuleSets.shared(result.roots());
        for (RuleSets.Shared set : ruleSets.orElse(List.of())) {
            if (!set.rules().isEmpty()) {
                lines.add("Rules for " + set.roots() + ": " + String.join(", ", set.rules()));
            }
        }
        lines.add("");

        FindingsByRoot grouped = FindingsByRoot.of(result.roots(), result.findings());
        Map<MethodId, List<Finding>> byRoot = grouped.byRoot();
        List<Finding> untied = grouped.untied();

        if (result.roots().isEmpty()) {
            lines.add("No roots: no entry point was checked. Mark entry points with @RealTime or"
                    + " @InterruptHandler, or name them with --root.");
            lines.add("");
        }
        Set<MethodId> written = new HashSet<>(); // membership only, never iterated
        for (Root root : result.roots()) {
            lines.add(JavaSignatures.qualified(root.method()) + INDENT + root.kind().id()
                    + (root.origin() == null ? "" : " (" + root.origin() + ")")
                    + (root.rules().isEmpty() || ruleSets.isPresent() ? ""
                            : INDENT + "rules: " + String.join(", ", root.rules())));
            if (!written.add(root.method())) {
                lines.add(INDENT + "findings listed under the same method above");
            } else {
                writeGroup(lines, byRoot.get(root.method()));
            }
            lines.add("");
        }
        for (Map.Entry<MethodId, List<Finding>> group : byRoot.entrySet()) {
            if (written.add(group.getKey())) {
                lines.add(JavaSignatures.qualified(group.getKey()) + INDENT + "(not in the list of roots)");
                writeGroup(lines, group.getValue());
                lines.add("");
            }
        }

        if (!untied.isEmpty()) {
            lines.add("Not tied to a root:");
            writeGroup(lines, untied);
            lines.add("");
        }

        if (result.memory() != null) {
            writeMemory(lines, result.memory());
        }
        if (result.timing() != null) {
            writeTiming(lines, result.timing());
        }
        if (result.baseline() != null) {
            writeBaseline(lines, result.baseline());
        }

        if (!result.inputProblems().isEmpty()) {
            lines.add("Skipped inputs (not analysed):");
            for (InputProblem problem : result.inputProblems()) {
                lines.add(INDENT + problem.source() + ": " + problem.reason());
            }
            lines.add("");
        }

        lines.add(switch (result.verdict()) {
            case PASS -> "PASS";
            case FAIL -> result.failReason() == null ? "FAIL" : "FAIL: " + result.failReason();
        });
        out.flush();
    }

    private static String header(AnalysisResult result) {
        Summary s = result.summary();
        StringBuilder line = new StringBuilder("Headroom");
        if (result.toolVersion() != null) {
            line.append(' ').append(result.toolVersion());
        }
        line.append(INDENT).append(result.verdict().id().toUpperCase(Locale.ROOT));
        line.append(INDENT).append(count(s.errors(), "error", "errors"))
                .append(", ").append(count(s.warnings(), "warning", "warnings"))
                .append(", ").append(s.suppressed()).append(" suppressed");
        line.append(INDENT).append('(').append(count(s.roots(), "root", "roots"))
                .append(", ").append(count(s.methods(), "method", "methods"))
                .append(" in ").append(count(s.classes(), "class", "classes"));
        if (result.dispatch() != null) {
            line.append(", dispatch ").append(result.dispatch());
        }
        return line.append(')').toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** One group's findings: unsuppressed first, then suppressed, each in model order. */
    private static void writeGroup(Lines lines, List<Finding> findings) throws IOException {
        if (findings.isEmpty()) {
            lines.add(INDENT + "no findings");
            return;
        }
        for (Finding finding : findings) {
            if (!finding.suppressed()) {
                writeFinding(lines, finding);
            }
        }
        for (Finding finding : findings) {
            if (finding.suppressed()) {
                writeSuppressed(lines, finding);
            }
        }
    }

    private static void writeFinding(Lines lines, Finding finding) throws IOException {
        lines.add(INDENT + String.format(Locale.ROOT, "%-8s ", finding.severity().id())
                + finding.rule().id() + INDENT + where(finding.location()) + (finding.coldPath() ? "  (cold path)" : "")
                + (finding.rootCount() > 1 ? "  (reached from " + finding.rootCount() + " roots)" : ""));
        if (finding.message() != null) {
            lines.add(DETAIL + finding.message());
        }
        if (finding.remedy() != null) {
            lines.add(DETAIL + "remedy: " + finding.remedy());
        }
        writeChain(lines, finding.callChain());
    }

    private static void writeSuppressed(Lines lines, Finding finding) throws IOException {
        String why = finding.suppressionReason() == null
                ? "no reason given"
                : "reason: " + finding.suppressionReason();
        lines.add(INDENT + "suppressed " + finding.rule().id() + INDENT + where(finding.location())
                + INDENT + "(" + finding.severity().id() + "; " + why + ")");
        if (finding.message() != null) {
            lines.add(DETAIL + finding.message());
        }
    }

    // ---- baseline

    /**
     * What the baseline accepted ("in the baseline", one line each), what it records that is no longer
     * present (to tighten the file), how many budget regressions are among the findings, and the file written.
     */
    private static void writeBaseline(Lines lines, BaselineReport baseline) throws IOException {
        lines.add(baseline.file() == null ? "Baseline" : "Baseline (" + baseline.file() + ")");
        if (baseline.file() != null) {
            lines.add(INDENT + "in the baseline: " + count(baseline.accepted().size(), "finding", "findings")
                    + " accepted, not counted in the verdict");
            for (Finding f : baseline.accepted()) {
                lines.add(DETAIL + f.rule().id() + INDENT + where(f.location())
                        + (f.root() == null ? "" : "  root " + JavaSignatures.qualified(f.root())));
            }
            int gone = baseline.noLongerPresent().stream().mapToInt(BaselineEntry::count).sum();
            lines.add(INDENT + "no longer present: " + count(gone, "finding", "findings")
                    + (gone == 0 ? "" : " (remove them from the baseline to tighten it)"));
            for (BaselineEntry e : baseline.noLongerPresent()) {
                lines.add(DETAIL + e.rule() + INDENT + JavaSignatures.qualified(e.location())
                        + (e.root() == null ? "" : "  root " + JavaSignatures.qualified(e.root()))
                        + (e.count() > 1 ? "  x" + e.count() : ""));
                lines.add(DETAIL + INDENT + "key in the file: " + e.key());
            }
            lines.add(INDENT + "regressions against the baseline: " + baseline.regressions()
                    + (baseline.regressions() == 0 ? "" : " (reported with the findings above)"));
        }
        if (baseline.written() != null) {
            lines.add(INDENT + "written: " + baseline.written());
        }
        lines.add("");
    }

    // ---- memory and timing

    /**
     * The footprint: one line per item, largest first, with a bar of its share of the budget (of the total
     * without a budget), an initialisation root's item ending with {@link #originSuffix its origin}; then
     * total, budget, headroom in bytes and percent of the budget, and the verdict; then the stack of each root.
     */
    private static void writeMemory(Lines lines, MemoryReport memory) throws IOException {
        lines.add("Memory (layout " + memory.layout() + ")");
        List<MemoryItem> items = new ArrayList<>(memory.items());
        items.sort(Comparator.comparingLong(MemoryItem::bytes).reversed().thenComparing(MemoryItem::field));
        Long budget = memory.budgetBytes();
        long scale = Math.max(budget == null ? 0 : budget, memory.totalBytes());
        int fieldWidth = "headroom".length();
        int typeWidth = 0;
        int bytesWidth = Long.toString(Math.max(scale, 0)).length();
        for (MemoryItem item : items) {
            fieldWidth = Math.max(fieldWidth, JavaSignatures.className(item.field()).length());
            typeWidth = Math.max(typeWidth, JavaSignatures.className(item.type()).length());
            bytesWidth = Math.max(bytesWidth, Long.toString(item.bytes()).length());
        }
        if (budget != null) {
            bytesWidth = Math.max(bytesWidth, Long.toString(budget - memory.totalBytes()).length());
        }
        String labelFormat = INDENT + "%-" + (fieldWidth + 2 + typeWidth) + "s  %" + bytesWidth + "d";
        if (items.isEmpty()) {
            lines.add(INDENT + "no static items");
        }
        for (MemoryItem item : items) {
            lines.add(String.format(Locale.ROOT, INDENT + "%-" + fieldWidth + "s  %-" + typeWidth + "s  %"
                    + bytesWidth + "d  %s%s", JavaSignatures.className(item.field()), JavaSignatures.className(item.type()),
                    item.bytes(), bar(item.bytes(), scale),
                    item.detail() == null ? "" : "  " + item.detail()) + originSuffix(item));
        }
        lines.add(String.format(Locale.ROOT, labelFormat + " bytes%s", "total", memory.totalBytes(),
                memory.bounded() ? "" : "  (a lower bound: some static state cannot be bounded)"));
        if (budget == null) {
            lines.add(INDENT + "budget: none (no --ram-budget), not checked");
        } else {
            long headroom = budget - memory.totalBytes();
            lines.add(String.format(Locale.ROOT, labelFormat + " bytes", "budget", budget));
            if (headroom >= 0) {
                lines.add(String.format(Locale.ROOT, labelFormat + " bytes  (%s of the budget)", "headroom", headroom,
                        percent(headroom, budget)));
            } else {
                lines.add(String.format(Locale.ROOT, labelFormat + " bytes  (%s of the budget)", "over by", -headroom,
                        percent(-headroom, budget)));
            }
        }
        if (memory.verdict() != null) {
            lines.add(INDENT + "RAM budget: " + verdictWord(memory.verdict()));
        }
        if (!memory.stack().isEmpty()) {
            lines.add(INDENT + "Stack per root:");
            int rootWidth = 0;
            int stackWidth = 0;
            for (StackUsage stack : memory.stack()) {
                rootWidth = Math.max(rootWidth, JavaSignatures.qualified(stack.root()).length());
                stackWidth = Math.max(stackWidth, Long.toString(stack.bytes()).length());
            }
            for (StackUsage stack : memory.stack()) {
                String line = String.format(Locale.ROOT, INDENT + INDENT + "%-" + rootWidth + "s  %" + stackWidth
                        + "d bytes", JavaSignatures.qualified(stack.root()), stack.bytes())
                        + (stack.bounded() ? "" : " or more (unbounded)")
                        + (stack.verdict() == null ? "" : "  " + verdictWord(stack.verdict()));
                lines.add(line);
            }
        }
        lines.add("");
    }

    /**
     * {@code start-up: TelemetryApp.start()} for what an initialisation root allocated; null for static state,
     * which goes unmarked.
     */
    static String origin(MemoryItem item) {
        return item.isStatic() ? null : "start-up: " + JavaSignatures.simple(item.initRoot());
    }

    /** {@code "  (start-up: TelemetryApp.start())"} ending an initialisation root's item; empty for static state. */
    static String originSuffix(MemoryItem item) {
        return item.isStatic() ? "" : "  (" + origin(item) + ")";
    }

    /** {@code [#####...............]}: at least one mark for a non-empty item. */
    static String bar(long bytes, long scale) {
        int filled = 0;
        if (scale > 0 && bytes > 0) {
            filled = (int) Math.max(1, Math.min(BAR_WIDTH, Math.round(bytes * (double) BAR_WIDTH / scale)));
        }
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /** {@code 81.0%}, one decimal, whatever the default locale. */
    static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", part * 100.0 / whole);
    }

    /**
     * The worst-case cost of every root as a table: bound, deadline, slack (deadline minus bound, negative
     * when late) and verdict; {@code -} where there is none. The worst path of each failing root follows.
     */
    private static void writeTiming(Lines lines, TimingReport timing) throws IOException {
        lines.add("Timing (cost model " + timing.costModel() + ", in its cycles)");
        if (timing.roots().isEmpty()) {
            lines.add(INDENT + "no roots");
            lines.add("");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"root", "bound", "deadline", "slack", "verdict"});
        for (RootTiming root : timing.roots()) {
            rows.add(new String[] {
                JavaSignatures.qualified(root.root()),
                root.bounded() ? Long.toString(root.wcet()) : "unbounded",
                root.deadline() == null ? "-" : Long.toString(root.deadline()),
                root.bounded() && root.deadline() != null ? Long.toString(root.deadline() - root.wcet()) : "-",
                root.verdict() == null ? "-" : verdictWord(root.verdict()),
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(INDENT).append(String.format(Locale.ROOT, "%-" + widths[0] + "s", row[0]));
            for (int i = 1; i < row.length - 1; i++) {
                line.append("  ").append(String.format(Locale.ROOT, "%" + widths[i] + "s", row[i]));
            }
            line.append("  ").append(row[row.length - 1]);
            lines.add(line.toString());
        }
        for (RootTiming root : timing.roots()) {
            Optional<String> why = root.unboundedReason();
            if (why.isPresent() && root.verdict() != Verdict.FAIL) { // a failing root shows its whole path below
                lines.add(INDENT + "why " + JavaSignatures.qualified(root.root()) + " is unbounded: " + why.get());
            }
        }
        for (RootTiming root : timing.roots()) {
            if (root.verdict() == Verdict.FAIL && !root.worstPath().isEmpty()) {
                lines.add(INDENT + "worst path of " + JavaSignatures.qualified(root.root()) + ":");
                for (String step : root.worstPath()) {
                    lines.add(INDENT + INDENT + step);
                }
            }
        }
        for (RootTiming root : timing.roots()) {
            List<String> exits = root.exceptionalExits();
            if (root.bounded() && !exits.isEmpty()) {
                lines.add(INDENT + "the bound of " + JavaSignatures.qualified(root.root()) + " covers the runs that complete normally; left out: "
                        + String.join(", ", exits.subList(0, Math.min(EXITS_SHOWN, exits.size())))
                        + (exits.size() > EXITS_SHOWN ? " and " + (exits.size() - EXITS_SHOWN) + " more (see the JSON report)" : ""));
            }
        }
        lines.add("");
    }

    private static String verdictWord(Verdict verdict) {
        return verdict.id().toUpperCase(Locale.ROOT);
    }

    /** {@code Motor.java:42  in onTick(int)}; the class's simple name without a file, no line when 0. */
    static String where(Location location) {
        String file = location.file() != null ? location.file() : JavaSignatures.simpleClassName(location.method().className());
        return file + lineSuffix(location.line()) + INDENT + "in " + JavaSignatures.method(location.method());
    }

    private static void writeChain(Lines lines, List<Frame> chain) throws IOException {
        if (chain.isEmpty()) {
            return;
        }
        Frame first = chain.get(0);
        lines.add(DETAIL + CHAIN_LABEL + JavaSignatures.simple(first.method()) + lineSuffix(first.line()));
        boolean elide = chain.size() > MAX_CHAIN_FRAMES;
        int headEnd = elide ? CHAIN_HEAD : chain.size();
        for (int i = 1; i < headEnd; i++) {
            lines.add(CHAIN_CONTINUATION + "-> " + frame(chain.get(i)));
        }
        if (elide) {
            int tailStart = chain.size() - CHAIN_TAIL;
            lines.add(CHAIN_CONTINUATION + "... " + (tailStart - CHAIN_HEAD) + " more ...");
            for (int i = tailStart; i < chain.size(); i++) {
                lines.add(CHAIN_CONTINUATION + "-> " + frame(chain.get(i)));
            }
        }
    }

    private static String frame(Frame frame) {
        return JavaSignatures.qualified(frame.method()) + lineSuffix(frame.line());
    }

    private static String lineSuffix(int line) {
        return line > 0 ? ":" + line : "";
    }

    /** Writes lines made ASCII-only, each ended by {@code \n}. */
    private static final class Lines {
        private final Writer out;

        Lines(Writer out) {
            this.out = out;
        }

        void add(String line) throws IOException {
            out.write(CharacterEscapes.ascii(line));
            out.write('\n');
        }
    }
}
