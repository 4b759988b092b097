package dev.headroom.core.model;

import java.util.List;

/**
 * What a baseline did to a run. Findings in the baseline are moved out of {@link AnalysisResult#findings()}
 * into {@code accepted}: they do not count toward the verdict. Budget regressions against the baseline are
 * ordinary findings in {@link AnalysisResult#findings()} (rules {@code ram-budget-exceeded},
 * {@code deadline-exceeded}, {@code stack-budget-exceeded}); {@code regressions} counts them.
 *
 * @param file            the baseline applied ({@code --baseline}), as given; null when none was
 * @param written         the baseline written ({@code --write-baseline}), as given; null when none was
 * @param accepted        the findings found in the baseline, sorted
 * @param noLongerPresent what the baseline records but this run no longer found (count = how many fewer),
 *                        sorted: delete them from the file to tighten it
 * @param regressions     how many budget regressions against the baseline were reported as findings
 */
public record BaselineReport(String file, String written, List<Finding> accepted,
                             List<BaselineEntry> noLongerPresent, int regressions) {
    public BaselineReport {
        accepted = List.copyOf(accepted);
        noLongerPresent = List.copyOf(noLongerPresent);
    }
}
