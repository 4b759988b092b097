package dev.headroom.cli;

import com.google.gson.Gson;
import java.util.List;

/**
 * What the dashboard page shows, read back from its DOM: the loaded reports, the messages, the points of
 * every chart (from their data attributes) and the changes between the last two reports.
 */
record DashboardView(
        String state,
        int renders,
        List<Message> messages,
        List<ReportRow> reports,
        List<Bar> memoryBars,
        List<Budget> budgetLines,
        List<Break> memoryBreaks,
        List<Break> findingBreaks,
        List<String> timingHeadBreaks,
        List<RootCard> rootCards,
        List<TimingRow> timingRows,
        List<Segment> findingSegments,
        List<String> legendRules,
        List<ShownFinding> newFindings,
        List<ShownFinding> fixedFindings,
        List<String> rootsAdded,
        List<String> rootsRemoved,
        List<BoundChange> boundChanges,
        boolean boundsCompared,
        String memoryChange,
        String notComparable,
        String notComparedFindings,
        String text,
        int scripts,
        int images) {

    record Message(String file, String text) {
    }

    /** A report's row: its cost model and layout, and which of them differ from the report before. */
    record ReportRow(String name, String verdict, String costModel, String layout, List<String> modelChanges) {
    }

    /** A line between two reports' slots that are not comparable, before the report of that index. */
    record Break(int report, String reason) {
    }

    record Bar(int report, long total) {
    }

    record Budget(int report, long budget) {
    }

    record Point(int report, long bound) {
    }

    record Deadline(int report, long deadline) {
    }

    /**
     * A root's chart: its points, the lines joining them ({@code lines}: how many), and the reports before
     * which its cost model changes ({@code breaks}).
     */
    record RootCard(String root, String title, String heading, String className, List<Point> bounds,
            List<Integer> unbounded, List<Deadline> deadlines, String latest, List<Integer> breaks, int lines) {
    }

    record TimingRow(String root, List<String> cells) {
    }

    record Segment(int report, String rule, int count) {
    }

    /** A finding in the changes: its rule, {@code File.java:line}, root and message as shown. */
    record ShownFinding(String rule, String where, String root, String message) {
    }

    record BoundChange(String root, String before, String after) {
    }

    private static final Gson GSON = new Gson();

    /** Waits until the page has drawn {@code renders} loads, then reads it. */
    static DashboardView read(BrowserPage page, int renders) {
        page.waitUntil("document.body.dataset.state === 'ready' && Number(document.body.dataset.renders) >= " + renders,
                "the dashboard to draw load number " + renders);
        return GSON.fromJson(page.evaluate(READ), DashboardView.class);
    }

    private static final String READ = """
            (() => {
              const all = (selector, root) => [...(root || document).querySelectorAll(selector)];
              const text = e => e ? e.textContent.trim() : null;
              const num = (e, name) => Number(e.getAttribute(name));
              const finding = li => ({rule: li.dataset.rule, where: text(li.querySelector('.file-line')),
                  root: text(li.querySelector('.root code')), message: text(li.querySelector('.message'))});
              return {
                state: document.body.dataset.state,
                renders: Number(document.body.dataset.renders),
                messages: all('#messages li').map(li => ({file: li.dataset.file, text: text(li)})),
                reports: all('#report-table tr.report-row').map(tr => ({name: text(tr.cells[1]), verdict: tr.dataset.verdict,
                    costModel: text(tr.cells[7]), layout: text(tr.cells[8]),
                    modelChanges: all('td[data-model-change]', tr).map(td => td.dataset.modelChange)})),
                memoryBars: all('svg[data-chart=memory] rect.bar').map(r =>
                    ({report: num(r, 'data-report'), total: num(r, 'data-total')})),
                budgetLines: all('svg[data-chart=memory] line.budget-line[data-budget]').map(l =>
                    ({report: num(l, 'data-report'), budget: num(l, 'data-budget')})),
                memoryBreaks: all('svg[data-chart=memory] line.model-break').map(l =>
                    ({report: num(l, 'data-report'), reason: l.dataset.reason})),
                findingBreaks: all('svg[data-chart=findings] line.model-break').map(l =>
                    ({report: num(l, 'data-report'), reason: l.dataset.reason})),
                timingHeadBreaks: all('#timing-table th.model-break').map(text),
                rootCards: all('#timing-trend .root-card').map(card => ({
                  root: card.dataset.root,
                  title: card.querySelector('h3').getAttribute('title'),
                  heading: text(card.querySelector('h3')),
                  className: text(card.querySelector('.root-class')),
                  bounds: all('circle.point', card).map(p => ({report: num(p, 'data-report'), bound: num(p, 'data-bound')})),
                  unbounded: all('rect.unbounded-band', card).map(r => num(r, 'data-report')),
                  deadlines: all('line.deadline-line[data-deadline]', card).map(l =>
                      ({report: num(l, 'data-report'), deadline: num(l, 'data-deadline')})),
                  latest: text(card.querySelector('.latest')),
                  breaks: all('line.model-break', card).map(l => num(l, 'data-report')),
                  lines: all('path.bound-line', card).length})),
                timingRows: all('#timing-table tr.timing-row').map(tr =>
                    ({root: tr.dataset.root, cells: [...tr.cells].slice(1).map(c => c.textContent)})),
                findingSegments: all('svg[data-chart=findings] rect.segment').map(r =>
                    ({report: num(r, 'data-report'), rule: r.dataset.rule, count: num(r, 'data-count')})),
                legendRules: all('#findings-trend .rule-key').map(e => e.dataset.rule),
                newFindings: all('#new-findings li.finding').map(finding),
                fixedFindings: all('#fixed-findings li.finding').map(finding),
                rootsAdded: all('#roots-added .root-name').map(text),
                rootsRemoved: all('#roots-removed .root-name').map(text),
                boundChanges: all('#bound-changes tr.bound-change').map(tr =>
                    ({root: tr.dataset.root, before: text(tr.cells[1]), after: text(tr.cells[2])})),
                boundsCompared: !document.querySelector('#bound-changes[data-comparable=false]'),
                memoryChange: text(document.querySelector('#changes .memory-change')),
                notComparable: text(document.querySelector('#not-comparable')),
                notComparedFindings: text(document.querySelector('#not-compared-findings')),
                text: document.body.textContent,
                scripts: document.scripts.length,
                images: document.images.length
              };
            })()
            """;
}
