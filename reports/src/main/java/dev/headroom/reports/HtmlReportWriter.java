package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.BaselineReport;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTML report: one self-contained page (inline CSS and one small inline script, no network, no
 * external resources) that a CI job keeps as an artifact. From the top: the verdict and its reason; the
 * static memory against the budget as a bar, with the items below it largest first and the stack of
 * each root; the worst-case cost of every root against its deadline as bars; every finding grouped by
 * root (as in the text report) with its call chain, file and line, remedy and markers (suppressed, cold
 * path, in the baseline), with filters by rule and severity; the baseline; the skipped inputs.
 *
 * <p>Every string that comes from the model goes through {@link #esc(String)}, which is safe in text and
 * in double-quoted attribute values. The output is ASCII only (other characters as numeric character
 * references), lines end with {@code \n}, and the same model gives the same bytes.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = """
            :root{--err:#b3261e;--warn:#8a5a00;--ok:#1b6e20;--muted:#5f6368;--line:#dadce0;--used:#3b6fb6;\
            --free:#cfe3cf;--over:#d93025;--dl:#202124}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#202124;margin:0 auto;\
            max-width:1200px;padding:16px 24px}
            code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line)}
            h3{font-size:15px;margin:18px 0 6px;word-break:break-all}
            .verdict{padding:12px 16px;border-radius:6px;border-left:8px solid}
            .verdict.pass{background:#e6f4ea;border-color:var(--ok)}.verdict.fail{background:#fce8e6;border-color:var(--err)}
            .verdict-word{font-weight:700}.fail-reason{margin:4px 0;font-weight:600}.summary,.muted{color:var(--muted)}
            table{border-collapse:collapse;width:100%;margin:6px 0}
            th,td{text-align:left;padding:3px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            td.num,th.num{text-align:right;white-space:nowrap}td.name{word-break:break-all}
            .bar{position:relative;display:flex;height:18px;background:#f1f3f4;border:1px solid var(--line);\
            border-radius:3px;overflow:hidden;min-width:120px}
            .bar>span{display:block;height:100%}.bar .used{background:var(--used)}.bar .headroom{background:var(--free)}
            .bar .over{background:var(--over)}.bar .bound{background:var(--used)}
            .bar .unbounded{background:repeating-linear-gradient(45deg,var(--over) 0 6px,#f6aea9 6px 12px);width:100%}
            .bar .deadline{position:absolute;top:-1px;bottom:-1px;width:2px;background:var(--dl)}
            .bar.big{height:26px}.bar.small{height:10px}
            .legend span{margin-right:14px}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}
            .late .bound{background:var(--over)}
            .badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;color:#fff}
            .badge.error,.badge.fail{background:var(--err)}.badge.warning{background:var(--warn)}.badge.pass{background:var(--ok)}
            .marker{display:inline-block;padding:0 6px;border:1px solid var(--muted);border-radius:3px;font-size:12px;\
            color:var(--muted);margin-left:6px}
            ul.findings{list-style:none;padding:0;margin:0}
            li.finding{border:1px solid var(--line);border-left:4px solid var(--err);border-radius:4px;padding:6px 10px;\
            margin:6px 0;break-inside:avoid}
            li.finding.warning{border-left-color:var(--warn)}li.finding.suppressed,li.finding.baseline{opacity:.7;\
            border-left-color:var(--muted)}
            .rule{font-weight:600}.where{margin-left:8px}.message{margin:4px 0;word-break:break-word}
            .remedy{margin:2px 0;color:#174ea6}
            ol.chain{margin:4px 0 0;padding-left:28px}ol.chain li{word-break:break-all}
            #filters{margin:8px 0;padding:6px 10px;background:#f8f9fa;border:1px solid var(--line);border-radius:4px}
            #filters fieldset{display:inline-block;border:0;margin:0 16px 0 0;padding:0}
            #filters legend{font-weight:600;padding:0;margin-right:6px;float:left}
            #filters label{margin-right:10px;white-space:nowrap}
            @media print{body{max-width:none;padding:0;font-size:11px}#filters{display:none}\
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}h2{break-after:avoid}\
            section.root{break-inside:auto}details>*{display:block}}
            """;

    /** Hides findings whose rule or severity is unchecked; without it every finding stays visible. */
    private static final String SCRIPT = """
            (function(){
              var form=document.getElementById('filters');
              if(!form){return;}
              form.hidden=false;
              function apply(){
                var off={};
                var boxes=form.querySelectorAll('input[type=checkbox]');
                for(var i=0;i<boxes.length;i++){if(!boxes[i].checked){off[boxes[i].name+':'+boxes[i].value]=true;}}
                var rows=document.querySelectorAll('li.finding');
                for(var j=0;j<rows.length;j++){var r=rows[j];
                  r.hidden=!!(off['rule:'+r.getAttribute('data-rule')]||off['severity:'+r.getAttribute('data-severity')]);}
              }
              form.addEventListener('change',apply);
              apply();
            })();
            """;

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Headroom report: ").append(word(result.verdict())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        verdict(h, result);
        if (result.memory() != null) {
            memory(h, result.memory());
        }
        if (result.timing() != null) {
            timing(h, result.timing());
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
        h.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
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
            h.append("<table id=\"memory-items\">\n<thead><tr><th>field</th><th>type</th><th class=\"num\">bytes</th>"
                    + "<th>share</th><th>detail</th></tr></thead>\n<tbody>\n");
            for (MemoryItem item : items) {
                h.append("<tr class=\"memory-item\" data-bytes=\"").append(item.bytes()).append("\"><td class=\"name\">"
                        + "<code>").append(esc(item.field())).append("</code></td><td><code>").append(esc(item.type()))
                        .append("</code></td><td class=\"num\">").append(item.bytes()).append("</td><td><div class=\""
                        + "bar small\">").append(span("used", item.bytes(), scale)).append("</div></td><td>")
                        .append(item.detail() == null ? "" : esc(item.detail())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (!memory.stack().isEmpty()) {
            h.append("<h3>Stack per root</h3>\n<table id=\"stack\">\n<thead><tr><th>root</th><th class=\"num\">bytes"
                    + "</th><th>verdict</th></tr></thead>\n<tbody>\n");
            for (StackUsage stack : memory.stack()) {
                h.append("<tr class=\"stack-row\"><td class=\"name\"><code>").append(esc(stack.root().toString()))
                        .append("</code></td><td class=\"num\">").append(stack.bytes())
                        .append(stack.bounded() ? "" : " or more (unbounded)").append("</td><td>")
                        .append(badge(stack.verdict())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    // ---- timing

    private static void timing(StringBuilder h, TimingReport timing) {
        h.append("<section id=\"timing\">\n<h2>Timing (cost model ").append(esc(timing.costModel()))
                .append(", in its cycles)</h2>\n");
        if (timing.roots().isEmpty()) {
            h.append("<p class=\"muted\">no roots</p>\n</section>\n");
            return;
        }
        long scale = 0;
        for (RootTiming root : timing.roots()) {
            if (root.bounded()) {
                scale = Math.max(scale, root.wcet());
            }
            if (root.deadline() != null) {
                scale = Math.max(scale, root.deadline());
            }
        }
        h.append("<p class=\"legend\"><span><i class=\"swatch\" style=\"background:var(--used)\"></i>bound</span>"
                + "<span><i class=\"swatch\" style=\"background:var(--dl)\"></i>deadline</span>"
                + "<span><i class=\"swatch\" style=\"background:var(--over)\"></i>late or unbounded</span></p>\n");
        h.append("<table id=\"timing-roots\">\n<thead><tr><th>root</th><th class=\"num\">bound</th>"
                + "<th class=\"num\">deadline</th><th class=\"num\">slack</th><th>verdict</th><th>bound against deadline"
                + "</th></tr></thead>\n<tbody>\n");
        for (RootTiming root : timing.roots()) {
            boolean late = root.bounded() && root.deadline() != null && root.wcet() > root.deadline();
            h.append("<tr class=\"timing-row").append(late ? " late" : "").append("\" data-bounded=\"")
                    .append(root.bounded()).append('"');
            if (root.bounded()) {
                h.append(" data-bound=\"").append(root.wcet()).append('"');
            }
            if (root.deadline() != null) {
                h.append(" data-deadline=\"").append(root.deadline()).append('"');
            }
            h.append("><td class=\"name\"><code>").append(esc(root.root().toString())).append("</code>");
            if (!root.worstPath().isEmpty()) {
                h.append("<details").append(root.verdict() == Verdict.FAIL ? " open" : "")
                        .append("><summary>worst path</summary><ol class=\"worst-path\">");
                for (String step : root.worstPath()) {
                    h.append("<li><code>").append(esc(step)).append("</code></li>");
                }
                h.append("</ol></details>");
            }
            h.append("</td><td class=\"num bound\">").append(root.bounded() ? Long.toString(root.wcet()) : "unbounded")
                    .append("</td><td class=\"num deadline\">")
                    .append(root.deadline() == null ? "-" : Long.toString(root.deadline()))
                    .append("</td><td class=\"num slack\">")
                    .append(root.bounded() && root.deadline() != null ? Long.toString(root.deadline() - root.wcet()) : "-")
                    .append("</td><td>").append(badge(root.verdict())).append("</td><td><div class=\"bar\">");
            if (root.bounded()) {
                h.append(span("bound", root.wcet(), scale));
            } else {
                h.append("<span class=\"unbounded\" title=\"no bound\"></span>");
            }
            if (root.deadline() != null) {
                h.append("<span class=\"deadline\" style=\"left:calc(").append(pct(root.deadline(), scale))
                        .append(" - 1px)\" title=\"deadline ").append(root.deadline()).append("\"></span>");
            }
            h.append("</div></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    // ---- findings

    private static void findings(StringBuilder h, AnalysisResult result) {
        List<Finding> accepted = result.baseline() == null ? List.of() : result.baseline().accepted();
        Set<Finding> inBaseline = new HashSet<>(accepted); // membership only, never iterated
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(accepted);

        Map<MethodId, List<Finding>> byRoot = new LinkedHashMap<>();
        for (Root root : result.roots()) {
            byRoot.putIfAbsent(root.method(), new ArrayList<>());
        }
        List<Finding> untied = new ArrayList<>();
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (Finding finding : all) {
            rules.add(finding.rule());
            severities.add(finding.severity());
            if (finding.root() == null) {
                untied.add(finding);
            } else {
                byRoot.computeIfAbsent(finding.root(), m -> new ArrayList<>()).add(finding);
            }
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
        if (result.roots().isEmpty()) {
            h.append("<p class=\"muted\">No roots: no entry point was checked. Mark entry points with @RealTime or"
                    + " @InterruptHandler, or name them with --root.</p>\n");
        }
        Set<MethodId> written = new HashSet<>(); // membership only, never iterated
        for (Root root : result.roots()) {
            h.append("<section class=\"root\" data-root=\"").append(esc(root.method().toString())).append("\">\n<h3>")
                    .append("<code class=\"root-name\">").append(esc(root.method().toString())).append("</code></h3>\n")
                    .append("<p class=\"root-meta muted\">").append(esc(root.kind().id()));
            if (root.origin() != null) {
                h.append(" (").append(esc(root.origin())).append(')');
            }
            if (!root.rules().isEmpty()) {
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
                        .append("\">\n<h3><code class=\"root-name\">").append(esc(group.getKey().toString()))
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
                .append("</code> in <code class=\"method\">").append(esc(f.location().method().name()))
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
                h.append("<li class=\"frame\"><code>").append(esc(frame.method().className() + "."
                        + frame.method().name() + (frame.line() > 0 ? ":" + frame.line() : ""))).append("</code></li>\n");
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
                h.append("<table id=\"baseline-gone\">\n<thead><tr><th>rule</th><th>location</th><th>root</th>"
                        + "<th class=\"num\">count</th><th>key</th></tr></thead>\n<tbody>\n");
                for (BaselineEntry e : baseline.noLongerPresent()) {
                    h.append("<tr><td>").append(esc(e.rule())).append("</td><td class=\"name\"><code>")
                            .append(esc(e.location())).append("</code></td><td class=\"name\"><code>")
                            .append(e.root() == null ? "" : esc(e.root())).append("</code></td><td class=\"num\">")
                            .append(e.count()).append("</td><td class=\"name\"><code>").append(esc(e.key()))
                            .append("</code></td></tr>\n");
                }
                h.append("</tbody>\n</table>\n");
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

    private static String badge(Verdict verdict) {
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
        String file = location.file() != null ? location.file() : location.method().simpleClassName();
        return file + (location.line() > 0 ? ":" + location.line() : "");
    }

    /**
     * Escapes text for HTML, safe both as element content and inside a double- or single-quoted attribute
     * value: {@code & < > " '} as character references; every other non-ASCII character as a numeric
     * reference (the output is ASCII whatever the writer's charset); control characters other than tab and
     * newline, and unpaired surrogates, as visible <code>&#92;uXXXX</code> text (they have no HTML form).
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t', '\n' -> sb.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append("&#x").append(Integer.toHexString(Character.toCodePoint(c, text.charAt(i + 1))))
                                .append(';');
                        i++;
                    } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else if (c > 0x7e) {
                        sb.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
