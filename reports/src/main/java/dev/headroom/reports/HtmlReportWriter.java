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
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML report: one self-contained page (inline CSS and one small inline script, {@link HtmlAssets}; no
 * network, no external resources) that a CI job keeps as an artifact. From the top: the verdict and its
 * reason; the memory against the budget as a bar, with the items below it largest first (what an
 * initialisation root allocated marked with the root) and the stack of each root; the worst-case cost of
 * every root as bars ({@link HtmlTimingSection}); the roots' rule sets and every finding grouped by root (as
 * in the text report) with its call chain, file and line, remedy and markers (suppressed, cold path, in the
 * baseline), with filters by rule and severity; the baseline; the skipped inputs.
 *
 * <p>Every string that comes from the model goes through {@link #esc(String)}, which is safe in text and
 * in double-quoted attribute values. Methods are shown by their Java signatures ({@link JavaSignatures}),
 * and names go through {@link #escName(String)}, so that they wrap between their parts, never inside one.
 * The output is ASCII only (other characters as numeric character references), lines end with {@code \n},
 * and the same model gives the same bytes.
 */
public final class HtmlReportWriter implements ReportWriter {

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Headroom report: ").append(word(result.verdict())).append("</title>\n")
                .append("<style>\n").append(HtmlAssets.CSS).append("</style>\n</head>\n<body>\n");

        verdict(h, result);
        if (result.memory() != null) {
            memory(h, result.memory());
        }
        if (result.timing() != null) {
            HtmlTimingSection.write(h, result.timing());
        }
        findings(h, result);
        if (result.baseline() != null) {
            baseline(h, result.baseline());
        }
        if (!result.inputProblems().isEmpty()) {
            h.append("<section id=\"inputs\">\n<h2>Skipped inputs (not analysed)</h2>\n<ul>\n");
            for (InputProblem problem : result.inputProblems()) {
                h.append("<li><code>").append(esc(problem.source())).append("</code>: ")
                        .append(esc(problem.reason())).append("</li>\n");
            }
            h.append("</ul>\n</section>\n");
        }
        h.append("<footer id=\"final-verdict\"><p class=\"verdict-line\">")
                .append(result.verdict() == Verdict.FAIL && result.failReason() != null
                        ? "FAIL: " + esc(result.failReason()) : word(result.verdict()))
                .append("</p></footer>\n");
        h.append("<script>\n").append(HtmlAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    // ---- verdict

    private static void verdict(StringBuilder h, AnalysisResult result) {
        Summary s = result.summary();
        String v = result.verdict().id();
        h.append("<header id=\"verdict\" class=\"verdict ").append(v).append("\" data-verdict=\"").append(v)
                .append("\">\n<h1>Headroom").append(result.toolVersion() == null ? "" : " " + esc(result.toolVersion()))
                .append(": <span class=\"verdict-word\">").append(word(result.verdict())).append("</span></h1>\n");
        if (result.verdict() == Verdict.FAIL && result.failReason() != null) {
            h.append("<p class=\"fail-reason\">").append(esc(result.failReason())).append("</p>\n");
        }
        h.append("<p class=\"summary\">").append(count(s.errors(), "error", "errors")).append(", ")
                .append(count(s.warnings(), "warning", "warnings")).append(", ").append(s.suppressed())
                .append(" suppressed; ").append(count(s.roots(), "root", "roots")).append(", ")
                .append(count(s.methods(), "method", "methods")).append(" in ")
                .append(count(s.classes(), "class", "classes"));
        if (result.dispatch() != null) {
            h.append(", dispatch ").append(esc(result.dispatch()));
        }
        h.append("</p>\n</header>\n");
    }

    // ---- memory

    private static void memory(StringBuilder h, MemoryReport memory) {
        h.append("<section id=\"memory\">\n<h2>Memory (layout ").append(esc(memory.layout())).append(")</h2>\n");
        Long budget = memory.budgetBytes();
        long total = memory.totalBytes();
        long scale = Math.max(budget == null ? 0 : budget, total);
        h.append("<div id=\"memory-bar\" class=\"bar big\" data-total=\"").append(total).append('"');
        if (budget != null) {
            h.append(" data-budget=\"").append(budget).append('"');
        }
        h.append(">");
        if (budget == null) {
            h.append(span("used", total, scale));
        } else {
            h.append(span("used", Math.min(total, budget), scale));
            if (budget >= total) {
                h.append(span("headroom", budget - total, scale));
            } else {
                h.append(span("over", total - budget, scale));
            }
        }
        h.append("</div>\n<p class=\"legend\">");
        h.append("<span><i class=\"swatch\" style=\"background:var(--used)\"></i>used <b class=\"used-bytes\">")
                .append(total).append("</b> bytes").append(memory.bounded() ? "" : " or more (a lower bound: some"
                        + " static state cannot be bounded)").append("</span>");
        if (budget == null) {
            h.append("<span class=\"no-budget\">no budget given (no --ram-budget), not checked</span>");
        } else {
            h.append("<span>budget <b class=\"budget-bytes\">").append(budget).append("</b> bytes</span>");
            long headroom = budget - total;
            if (headroom >= 0) {
                h.append("<span class=\"headroom\"><i class=\"swatch\" style=\"background:var(--free)\"></i>headroom ")
                        .append(headroom).append(" bytes (").append(TextReportWriter.percent(headroom, budget))
                        .append(" of the budget)</span>");
            } else {
                h.append("<span class=\"over\"><i class=\"swatch\" style=\"background:var(--over)\"></i>over by ")
                        .append(-headroom).append(" bytes (").append(TextReportWriter.percent(-headroom, budget))
                        .append(" of the budget)</span>");
            }
        }
        if (memory.verdict() != null) {
            h.append("<span>RAM budget: <span class=\"badge ").append(memory.verdict().id()).append("\">")
                    .append(word(memory.verdict())).append("</span></span>");
        }
        h.append("</p>\n");

        List<MemoryItem> items = new ArrayList<>(memory.items());
        items.sort(Comparator.comparingLong(MemoryItem::bytes).reversed().thenComparing(MemoryItem::field));
        if (items.isEmpty()) {
            h.append("<p class=\"muted\">no static items</p>\n");
        } else {
            h.append("<div class=\"scroll\"><table id=\"memory-items\">\n<thead><tr><th>field</th><th>type</th><th class=\"num\">bytes</th>"
                    + "<th>share</th><th>detail</th></tr></thead>\n<tbody>\n");
            for (MemoryItem item : items) {
                h.append("<tr class=\"memory-item\" data-bytes=\"").append(item.bytes()).append('"')
                        .append(item.isStatic() ? "" : " data-origin=\"" + JsonReportWriter.ORIGIN_INIT_ROOT + '"')
                        .append("><td class=\"name\"><code>").append(escName(JavaSignatures.className(item.field())))
                        .append("</code>").append(originMarker(item)).append("</td><td><code>")
                        .append(escName(JavaSignatures.className(item.type())))
                        .append("</code></td><td class=\"num\">").append(item.bytes()).append("</td><td><div class=\""
                        + "bar small\">").append(span("used", item.bytes(), scale)).append("</div></td><td>")
                        .append(item.detail() == null ? "" : esc(item.detail())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }
        if (!memory.stack().isEmpty()) {
            h.append("<h3>Stack per root</h3>\n<div class=\"scroll\"><table id=\"stack\">\n<thead><tr><th>root</th><th class=\"num\">bytes"
                    + "</th><th>verdict</th></tr></thead>\n<tbody>\n");
            for (StackUsage stack : memory.stack()) {
                h.append("<tr class=\"stack-row\"><td class=\"name\"><code>").append(escName(JavaSignatures.qualified(stack.root())))
                        .append("</code></td><td class=\"num\">").append(stack.bytes())
                        .append(stack.bounded() ? "" : " or more (unbounded)").append("</td><td>")
                        .append(badge(stack.verdict())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }
        h.append("</section>\n");
    }

    /**
     * For what an initialisation root allocated, a marker {@code start-up: TelemetryApp.start()} (the root's
     * qualified name as its tooltip); nothing for static state.
     */
    private static String originMarker(MemoryItem item) {
        return item.isStatic() ? "" : "<span class=\"marker origin\" title=\""
                + esc(JavaSignatures.qualified(item.initRoot())) + "\">" + esc(TextReportWriter.origin(item)) + "</span>";
    }

    // ---- findings

    private static void findings(StringBuilder h, AnalysisResult result) {
        List<Finding> accepted = result.baseline() == null ? List.of() : result.baseline().accepted();
        Set<Finding> inBaseline = new HashSet<>(accepted); // membership only, never iterated
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(accepted);

        FindingsByRoot grouped = FindingsByRoot.of(result.roots(), all);
        Map<MethodId, List<Finding>> byRoot = grouped.byRoot();
        List<Finding> untied = grouped.untied();
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (Finding finding : all) {
            rules.add(finding.rule());
            severities.add(finding.severity());
        }

        h.append("<section id=\"findings\">\n<h2>Findings by root</h2>\n");
        if (!all.isEmpty()) {
            // Hidden until the script shows it: without the script the checkboxes would do nothing.
            h.append("<form id=\"filters\" hidden>\n<fieldset><legend>Rule</legend>");
            for (Rule rule : rules) {
                h.append("<label><input type=\"checkbox\" name=\"rule\" value=\"").append(esc(rule.id()))
                        .append("\" checked> ").append(esc(rule.id())).append("</label>");
            }
            h.append("</fieldset>\n<fieldset><legend>Severity</legend>");
            for (Severity severity : severities) {
                h.append("<label><input type=\"checkbox\" name=\"severity\" value=\"").append(esc(severity.id()))
                        .append("\" checked> ").append(esc(severity.id())).append("</label>");
            }
            h.append("</fieldset>\n</form>\n");
        }
        Optional<List<RuleSets.Shared>> ruleSets = RuleSets.shared(result.roots());
        for (RuleSets.Shared set : ruleSets.orElse(List.of())) {
            if (!set.rules().isEmpty()) {
                h.append("<p class=\"rule-set muted\">Rules for ").append(esc(set.roots())).append(": ")
                        .append(esc(String.join(", ", set.rules()))).append("</p>\n");
            }
        }
        if (result.roots().isEmpty()) {
            h.append("<p class=\"muted\">No roots: no entry point was checked. Mark entry points with @RealTime or"
                    + " @InterruptHandler, or name them with --root.</p>\n");
        }
        Set<MethodId> written = new HashSet<>(); // membership only, never iterated
        for (Root root : result.roots()) {
            h.append("<section class=\"root\" data-root=\"").append(esc(root.method().toString())).append("\">\n<h3>")
                    .append("<code class=\"root-name\">").append(escName(JavaSignatures.qualified(root.method())))
                    .append("</code></h3>\n")
                    .append("<p class=\"root-meta muted\">").append(esc(root.kind().id()));
            if (root.origin() != null) {
                h.append(" (").append(esc(root.origin())).append(')');
            }
            if (!root.rules().isEmpty() && ruleSets.isEmpty()) {
                h.append("; rules: ").append(esc(String.join(", ", root.rules())));
            }
            h.append("</p>\n");
            if (!written.add(root.method())) {
                h.append("<p class=\"muted\">findings listed under the same method above</p>\n");
            } else {
                group(h, byRoot.get(root.method()), inBaseline);
            }
            h.append("</section>\n");
        }
        for (Map.Entry<MethodId, List<Finding>> group : byRoot.entrySet()) {
            if (written.add(group.getKey())) {
                h.append("<section class=\"root\" data-root=\"").append(esc(group.getKey().toString()))
                        .append("\">\n<h3><code class=\"root-name\">").append(escName(JavaSignatures.qualified(group.getKey())))
                        .append("</code></h3>\n<p class=\"root-meta muted\">not in the list of roots</p>\n");
                group(h, group.getValue(), inBaseline);
                h.append("</section>\n");
            }
        }
        if (!untied.isEmpty()) {
            h.append("<section class=\"root untied\">\n<h3>Not tied to a root</h3>\n");
            group(h, untied, inBaseline);
            h.append("</section>\n");
        }
        h.append("</section>\n");
    }

    /** Unsuppressed first, then suppressed, each in model order (as the text report). */
    private static void group(StringBuilder h, List<Finding> findings, Set<Finding> inBaseline) {
        if (findings.isEmpty()) {
            h.append("<p class=\"muted no-findings\">no findings</p>\n");
            return;
        }
        h.append("<ul class=\"findings\">\n");
        for (Finding finding : findings) {
            if (!finding.suppressed()) {
                finding(h, finding, inBaseline.contains(finding));
            }
        }
        for (Finding finding : findings) {
            if (finding.suppressed()) {
                finding(h, finding, inBaseline.contains(finding));
            }
        }
        h.append("</ul>\n");
    }

    private static void finding(StringBuilder h, Finding f, boolean baselined) {
        String sev = esc(f.severity().id());
        h.append("<li class=\"finding ").append(sev).append(f.suppressed() ? " suppressed" : "")
                .append(f.coldPath() ? " cold" : "").append(baselined ? " baseline" : "")
                .append("\" data-rule=\"").append(esc(f.rule().id())).append("\" data-severity=\"").append(sev)
                .append("\">\n<div class=\"finding-head\"><span class=\"badge ").append(sev).append("\">").append(sev)
                .append("</span> <span class=\"rule\">").append(esc(f.rule().id())).append("</span>")
                .append("<span class=\"where\"><code class=\"file-line\">").append(esc(fileLine(f.location())))
                .append("</code> in <code class=\"method\">").append(escName(JavaSignatures.method(f.location().method())))
                .append("</code></span>");
        if (f.suppressed()) {
            h.append("<span class=\"marker suppressed\">suppressed: ")
                    .append(f.suppressionReason() == null ? "no reason given" : esc(f.suppressionReason()))
                    .append("</span>");
        }
        if (f.coldPath()) {
            h.append("<span class=\"marker cold\">cold path</span>");
        }
        if (baselined) {
            h.append("<span class=\"marker baseline\">in the baseline</span>");
        }
        if (f.rootCount() > 1) {
            h.append("<span class=\"marker roots\">reached from ").append(f.rootCount()).append(" roots</span>");
        }
        h.append("</div>\n");
        if (f.message() != null) {
            h.append("<p class=\"message\">").append(esc(f.message())).append("</p>\n");
        }
        if (f.remedy() != null) {
            h.append("<p class=\"remedy\">remedy: ").append(esc(f.remedy())).append("</p>\n");
        }
        if (!f.callChain().isEmpty()) {
            h.append("<ol class=\"chain\">\n");
            for (Frame frame : f.callChain()) {
                h.append("<li class=\"frame\"><code>").append(escName(JavaSignatures.qualified(frame.method())
                        + (frame.line() > 0 ? ":" + frame.line() : ""))).append("</code></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</li>\n");
    }

    // ---- baseline

    private static void baseline(StringBuilder h, BaselineReport baseline) {
        h.append("<section id=\"baseline\">\n<h2>Baseline");
        if (baseline.file() != null) {
            h.append(" (<code>").append(esc(baseline.file())).append("</code>)");
        }
        h.append("</h2>\n");
        if (baseline.file() != null) {
            h.append("<p>in the baseline: ").append(count(baseline.accepted().size(), "finding", "findings"))
                    .append(" accepted, not counted in the verdict (marked in the findings above)</p>\n");
            int gone = baseline.noLongerPresent().stream().mapToInt(BaselineEntry::count).sum();
            h.append("<p>no longer present: ").append(count(gone, "finding", "findings"))
                    .append(gone == 0 ? "" : " (remove them from the baseline to tighten it)").append("</p>\n");
            if (!baseline.noLongerPresent().isEmpty()) {
                h.append("<div class=\"scroll\"><table id=\"baseline-gone\">\n<thead><tr><th>rule</th><th>location</th><th>root</th>"
                        + "<th class=\"num\">count</th><th>key in the file</th></tr></thead>\n<tbody>\n");
                for (BaselineEntry e : baseline.noLongerPresent()) {
                    h.append("<tr><td>").append(esc(e.rule())).append("</td><td class=\"name\"><code>")
                            .append(escName(JavaSignatures.qualified(e.location()))).append("</code></td><td class=\"name\"><code>")
                            .append(e.root() == null ? "" : escName(JavaSignatures.qualified(e.root())))
                            .append("</code></td><td class=\"num\">").append(e.count())
                            .append("</td><td class=\"name\"><code>").append(escName(e.key()))
                            .append("</code></td></tr>\n");
                }
                h.append("</tbody>\n</table></div>\n");
            }
            h.append("<p>regressions against the baseline: ").append(baseline.regressions())
                    .append(baseline.regressions() == 0 ? "" : " (reported with the findings above)").append("</p>\n");
        }
        if (baseline.written() != null) {
            h.append("<p>written: <code>").append(esc(baseline.written())).append("</code></p>\n");
        }
        h.append("</section>\n");
    }

    // ---- helpers

    private static String span(String cls, long part, long scale) {
        return "<span class=\"" + cls + "\" style=\"width:" + pct(part, scale) + "\" data-bytes=\"" + part
                + "\"></span>";
    }

    /** {@code 12.34%} of {@code scale}, clamped to 0..100, whatever the default locale. */
    static String pct(long part, long scale) {
        double p = scale <= 0 ? 0 : Math.max(0, Math.min(100, part * 100.0 / scale));
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    static String badge(Verdict verdict) {
        return verdict == null ? "-" : "<span class=\"badge " + verdict.id() + "\">" + word(verdict) + "</span>";
    }

    private static String word(Verdict verdict) {
        return verdict.id().toUpperCase(Locale.ROOT);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** {@code Motor.java:42}; the class's simple name without a file, no line when 0. */
    static String fileLine(Location location) {
        String file = location.file() != null ? location.file() : JavaSignatures.simpleClassName(location.method().className());
        return file + (location.line() > 0 ? ":" + location.line() : "");
    }

    /**
     * A name escaped by {@link #esc(String)}, with a line-break opportunity ({@code <wbr>}) after each dot
     * and {@code $}: {@code com.<wbr>acme.<wbr>Motor.<wbr>onTick(int)} wraps between its parts, never
     * inside one (CSS alone would break anywhere or nowhere).
     */
    static String escName(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(name.length() + 32);
        int from = 0;
        for (int i = 0; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '$') {
                sb.append(esc(name.substring(from, i + 1))).append("<wbr>");
                from = i + 1;
            }
        }
        return sb.append(esc(name.substring(from))).toString();
    }

    /**
     * Escapes text for HTML, safe both as element content and inside a double- or single-quoted attribute
     * value: {@code & < > " '} as character references; every other non-ASCII character as a numeric
     * reference (the output is ASCII whatever the writer's charset); what has no safe HTML form (control
     * characters other than tab and newline, noncharacters, unpaired surrogates) and what would reorder the
     * text around it (bidi overrides) as visible <code>&#92;uXXXX</code> text ({@link CharacterEscapes}).
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t', '\n' -> sb.append((char) c);
                default -> {
                    if (!CharacterEscapes.showsOnTerminal(c)) {
                        for (int j = i; j < i + Character.charCount(c); j++) {
                            sb.append(CharacterEscapes.unicode(text.charAt(j)));
                        }
                    } else if (c > 0x7e) {
                        sb.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        sb.append((char) c);
                    }
                }
            }
            i += Character.charCount(c);
        }
        return sb.toString();
    }
}
