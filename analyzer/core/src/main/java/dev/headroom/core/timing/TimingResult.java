package dev.headroom.core.timing;

import dev.headroom.core.model.TimingReport;
import java.util.List;

/**
 * What the timing analysis found.
 *
 * @param report   the cost model's name and one {@code RootTiming} per root, sorted by root
 * @param findings {@code unbounded-loop} (at the loop header's line in the user method that contains the
 *                 loop, or at the last user call site when the loop is in library code, with the chain)
 *                 and {@code deadline-exceeded} (at the root's first line), sorted
 */
public record TimingResult(TimingReport report, List<TimingFinding> findings) {
    public TimingResult {
        findings = List.copyOf(findings);
    }
}
