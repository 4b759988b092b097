package dev.headroom.core.internal;

import dev.headroom.core.RuleLevels;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.TimingReport;

/**
 * A limit whose rule is off ({@code --rule deadline-exceeded=off}) is not checked: the reports still show
 * the bound and the limit, but no pass or fail verdict against it, as for a root without a deadline.
 */
final class UncheckedLimits {
    private UncheckedLimits() {
    }

    static TimingReport timing(TimingReport report, RuleLevels levels) {
        if (!levels.isOff(Rule.DEADLINE_EXCEEDED)) {
            return report;
        }
        return new TimingReport(report.costModel(), report.roots().stream()
                .map(t -> new RootTiming(t.root(), t.bounded(), t.wcet(), t.deadline(), null, t.worstPath(),
                        t.exceptionalExits(), t.worstCase()))
                .toList());
    }

    static MemoryReport memory(MemoryReport report, RuleLevels levels) {
        boolean ram = levels.isOff(Rule.RAM_BUDGET_EXCEEDED);
        boolean stack = levels.isOff(Rule.STACK_BUDGET_EXCEEDED);
        if (!ram && !stack) {
            return report;
        }
        return new MemoryReport(report.layout(), report.budgetBytes(), report.totalBytes(), report.bounded(),
                ram ? null : report.verdict(), report.items(), report.stack().stream()
                        .map(s -> stack ? new StackUsage(s.root(), s.bytes(), s.bounded(), null) : s).toList());
    }
}
