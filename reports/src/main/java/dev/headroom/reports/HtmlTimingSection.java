package dev.headroom.reports;

import static dev.headroom.reports.HtmlReportWriter.esc;
import static dev.headroom.reports.HtmlReportWriter.escName;
import static dev.headroom.reports.HtmlReportWriter.pct;

import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.Verdict;

/**
 * The timing section of the HTML report: a row per root with its bound, deadline, slack, verdict and
 * worst path, and a bar. A root with a deadline is drawn against it: bar and deadline mark on one scale
 * shared by the roots with a deadline (the largest of their deadlines and bounds). A root without one has
 * nothing to be drawn against: its bar is drawn relative to the largest bound of all roots, dashed, and
 * labelled so. An unbounded root is a hatched bar.
 */
final class HtmlTimingSection {
    private HtmlTimingSection() {
    }

    static void write(StringBuilder h, TimingReport timing) {
        h.append("<section id=\"timing\">\n<h2>Timing (cost model ").append(esc(timing.costModel()))
                .append(", in its cycles)</h2>\n");
        if (timing.roots().isEmpty()) {
            h.append("<p class=\"muted\">no roots</p>\n</section>\n");
            return;
        }
        long deadlineScale = 0;
        long largestBound = 0;
        boolean anyDeadline = false;
        boolean anyWithout = false;
        for (RootTiming root : timing.roots()) {
            if (root.bounded()) {
                largestBound = Math.max(largestBound, root.wcet());
            }
            if (root.deadline() != null) {
                anyDeadline = true;
                deadlineScale = Math.max(deadlineScale, Math.max(root.deadline(), root.bounded() ? root.wcet() : 0));
            } else {
                anyWithout = true;
            }
        }
        h.append("<p class=\"legend\"><span><i class=\"swatch\" style=\"background:var(--used)\"></i>bound</span>");
        if (anyDeadline) {
            h.append("<span><i class=\"swatch\" style=\"background:var(--dl)\"></i>deadline</span>");
        }
        h.append("<span><i class=\"swatch\" style=\"background:var(--over)\"></i>")
                .append(anyDeadline ? "late or unbounded" : "unbounded").append("</span>");
        if (anyWithout) {
            h.append("<span class=\"relative-note\"><i class=\"swatch relative\"></i>no deadline: relative to the"
                    + " largest bound (").append(largestBound).append(" cycles)</span>");
        }
        h.append("</p>\n");
        String barHeading = !anyWithout ? "bound against deadline"
                : anyDeadline ? "bound against deadline, or relative to the largest bound"
                : "bound, relative to the largest bound";
        h.append("<div class=\"scroll\"><table id=\"timing-roots\">\n<thead><tr><th>root</th><th class=\"num\">bound"
                + "</th><th class=\"num\">deadline</th><th class=\"num\">slack</th><th>verdict</th><th class=\"bar-heading\">")
                .append(barHeading).append("</th></tr></thead>\n<tbody>\n");
        for (RootTiming root : timing.roots()) {
            row(h, root, root.deadline() != null ? deadlineScale : largestBound, largestBound);
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void row(StringBuilder h, RootTiming root, long scale, long largestBound) {
        boolean late = root.bounded() && root.deadline() != null && root.wcet() > root.deadline();
        h.append("<tr class=\"timing-row").append(late ? " late" : "").append("\" data-bounded=\"")
                .append(root.bounded()).append('"');
        if (root.bounded()) {
            h.append(" data-bound=\"").append(root.wcet()).append('"');
        }
        if (root.deadline() != null) {
            h.append(" data-deadline=\"").append(root.deadline()).append('"');
        }
        h.append("><td class=\"name\"><code>").append(escName(JavaSignatures.qualified(root.root()))).append("</code>");
        if (!root.worstPath().isEmpty()) {
            h.append("<details").append(root.verdict() == Verdict.FAIL ? " open" : "")
                    .append("><summary>worst path</summary><ol class=\"worst-path\">");
            for (String step : root.worstPath()) {
                h.append("<li><code>").append(escName(step)).append("</code></li>");
            }
            h.append("</ol></details>");
        }
        h.append("</td><td class=\"num bound\">").append(root.bounded() ? Long.toString(root.wcet()) : "unbounded")
                .append("</td><td class=\"num deadline\">")
                .append(root.deadline() == null ? "-" : Long.toString(root.deadline()))
                .append("</td><td class=\"num slack\">")
                .append(root.bounded() && root.deadline() != null ? Long.toString(root.deadline() - root.wcet()) : "-")
                .append("</td><td>").append(HtmlReportWriter.badge(root.verdict())).append("</td><td>");
        bar(h, root, scale, largestBound);
        h.append("</td></tr>\n");
    }

    private static void bar(StringBuilder h, RootTiming root, long scale, long largestBound) {
        boolean relative = root.deadline() == null;
        h.append("<div class=\"bar").append(relative ? " relative" : "").append("\" data-scale=\"")
                .append(relative ? "largest-bound" : "deadline").append("\" title=\"");
        if (!root.bounded()) {
            h.append("unbounded: no bound could be proved");
        } else if (relative) {
            h.append("no deadline: bound ").append(root.wcet()).append(" of the largest bound, ").append(largestBound)
                    .append(" cycles");
        } else {
            h.append("bound ").append(root.wcet()).append(" against the deadline of ").append(root.deadline())
                    .append(" cycles");
        }
        h.append("\">");
        if (root.bounded()) {
            h.append("<span class=\"bound\" style=\"width:").append(pct(root.wcet(), scale)).append("\"></span>");
        } else {
            h.append("<span class=\"unbounded\"></span>");
        }
        if (!relative) {
            h.append("<span class=\"deadline\" style=\"left:calc(").append(pct(root.deadline(), scale))
                    .append(" - 1px)\" title=\"deadline ").append(root.deadline()).append("\"></span>");
        }
        h.append("</div>");
    }
}
