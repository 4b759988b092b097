package dev.headroom.core.model;

import java.util.List;

/**
 * Everything one analysis found, immutable and in a deterministic order: the input of every report
 * writer.
 *
 * @param toolVersion   the analyzer's version
 * @param verdict       pass or fail under the configured thresholds
 * @param failReason    why the verdict is fail, in one line; null on pass
 * @param dispatch      the virtual-dispatch policy used ({@code rta} or {@code cha})
 * @param roots         every root, sorted
 * @param findings      every finding, sorted by location, rule, root
 * @param inputProblems inputs that could not be analysed, sorted
 * @param memory        the static footprint and stack per root; null until that analysis has run
 * @param timing        the worst-case cost per root; null until that analysis has run
 * @param baseline      what {@code --baseline}/{@code --write-baseline} did; null when neither was given
 */
public record AnalysisResult(String toolVersion, Verdict verdict, String failReason, String dispatch,
                             Summary summary, List<Root> roots, List<Finding> findings,
                             List<InputProblem> inputProblems, MemoryReport memory, TimingReport timing,
                             BaselineReport baseline) {
    public AnalysisResult {
        roots = List.copyOf(roots);
        findings = List.copyOf(findings);
        inputProblems = List.copyOf(inputProblems);
    }

    /** A result of a run without a baseline. */
    public AnalysisResult(String toolVersion, Verdict verdict, String failReason, String dispatch,
                          Summary summary, List<Root> roots, List<Finding> findings,
                          List<InputProblem> inputProblems, MemoryReport memory, TimingReport timing) {
        this(toolVersion, verdict, failReason, dispatch, summary, roots, findings, inputProblems, memory, timing,
                null);
    }
}
