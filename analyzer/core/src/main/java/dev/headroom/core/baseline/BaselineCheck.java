package dev.headroom.core.baseline;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.BaselineReport;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.TimingReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies {@code --baseline} and {@code --write-baseline} to a run's findings.
 *
 * <ul>
 *   <li>{@code --write-baseline F} records today's unsuppressed findings and budgets in F; the verdict is
 *       the usual one (writing a baseline never turns a failing build green by itself).</li>
 *   <li>{@code --baseline F} accepts the findings recorded in F, up to each key's count: they leave the
 *       findings and do not count toward the verdict; what F records and the run no longer finds is
 *       reported as no longer present; a budget above F's value (a larger static total, a larger or
 *       unbounded worst-case cost or stack of a root F records) is a finding that fails.</li>
 *   <li>Both naming the same file update it: today's findings are written and accepted, so the run passes
 *       on findings (the refresh step after fixing or accepting some). The file need not exist then.</li>
 * </ul>
 *
 * Regressions reuse the budget rules: a baseline value is a ratcheted budget, so the static total above it
 * is {@code ram-budget-exceeded}, a root's cost above it {@code deadline-exceeded} and a root's stack above
 * it {@code stack-budget-exceeded}; no new rule id is needed for {@code --fail-on}, reports or SARIF rule
 * metadata, and the message names the baseline's value.
 */
public final class BaselineCheck {

    /** The findings after the baseline, and what it did (null when no baseline option was given). */
    public record Outcome(List<Finding> findings, BaselineReport report) {
    }

    private BaselineCheck() {
    }

    /**
     * Reads the {@code --baseline} file before the analysis, so that a missing or malformed one fails fast;
     * null when there is none, or when it is also the file being written (it is replaced, then applied).
     */
    public static Baseline load(AnalysisConfig config) {
        if (config.baseline() == null || sameFile(config.baseline(), config.writeBaseline())) {
            return null;
        }
        return Baseline.read(config.baseline());
    }

    /**
     * @param loaded what {@link #load} returned
     * @param fileOf the source file of a method's class, for the locations of regressions (may give null)
     */
    public static Outcome apply(AnalysisConfig config, Baseline loaded, String toolVersion, List<Finding> findings,
                                MemoryReport memory, TimingReport timing, Function<MethodId, String> fileOf) {
        if (config.baseline() == null && config.writeBaseline() == null) {
            return new Outcome(findings, null);
        }
        Baseline accepted = loaded;
        if (config.writeBaseline() != null) {
            Baseline today = Baseline.of(toolVersion, findings, memory, timing);
            today.write(config.writeBaseline());
            if (sameFile(config.baseline(), config.writeBaseline())) {
                accepted = today;
            }
        }
        String written = config.writeBaseline() == null ? null : config.writeBaseline().toString();
        if (accepted == null) {
            return new Outcome(findings, new BaselineReport(null, written, List.of(), List.of(), 0));
        }
        String file = config.baseline().toString();
        Map<BaselineEntry, Integer> remaining = new TreeMap<>();
        for (BaselineEntry e : accepted.findings()) {
            remaining.merge(BaselineKeys.matching(e), e.count(), Integer::sum);
        }
        List<Finding> kept = new ArrayList<>();
        List<Finding> inBaseline = new ArrayList<>();
        for (Finding f : findings) {
            BaselineEntry id = BaselineKeys.entry(f);
            Integer left = f.suppressed() ? null : remaining.get(id);
            if (left != null && left > 0) {
                remaining.put(id, left - 1);
                inBaseline.add(f);
            } else {
                kept.add(f);
            }
        }
        List<BaselineEntry> gone = new ArrayList<>();
        remaining.forEach((e, n) -> {
            if (n > 0) {
                gone.add(new BaselineEntry(e.rule(), e.root(), e.location(), e.key(), n));
            }
        });
        List<Finding> regressions = new ArrayList<>();
        for (Finding f : regressions(accepted, file, memory, timing, fileOf)) {
            // Their rules' levels (--rule) apply as to any finding of these rules.
            config.ruleLevels().severity(f.rule(), f.severity()).ifPresent(s -> regressions.add(f.withSeverity(s)));
        }
        kept.addAll(regressions);
        kept.sort(null);
        inBaseline.sort(null);
        return new Outcome(kept, new BaselineReport(file, written, inBaseline, gone, regressions.size()));
    }

    private static List<Finding> regressions(Baseline baseline, String file, MemoryReport memory,
                                             TimingReport timing, Function<MethodId, String> fileOf) {
        List<Finding> found = new ArrayList<>();
        if (baseline.memoryTotal() != null && memory != null && memory.totalBytes() > baseline.memoryTotal()) {
            long excess = memory.totalBytes() - baseline.memoryTotal();
            MethodId where = memory.items().isEmpty() ? null : staticInitialiser(memory.items().get(0));
            String message = "static footprint " + memory.totalBytes() + " bytes exceeds the baseline's "
                    + baseline.memoryTotal() + " bytes (" + file + ") by " + excess + " bytes"
                    + (where == null ? "" : "; largest item " + memory.items().get(0).field());
            if (where != null) {
                found.add(finding(Rule.RAM_BUDGET_EXCEEDED, message, where, null, fileOf));
            }
        }
        if (timing != null) {
            for (RootTiming t : timing.roots()) {
                Long before = baseline.timing().get(t.root().toString());
                if (before == null) {
                    continue;
                }
                if (!t.bounded()) {
                    found.add(finding(Rule.DEADLINE_EXCEEDED, "worst-case cost is unbounded; the baseline ("
                            + file + ") recorded " + before + " cycles", t.root(), t.root(), fileOf));
                } else if (t.wcet() > before) {
                    found.add(finding(Rule.DEADLINE_EXCEEDED, "worst-case cost bound " + t.wcet()
                            + " cycles exceeds the baseline's " + before + " cycles (" + file + ") by "
                            + (t.wcet() - before), t.root(), t.root(), fileOf));
                }
            }
        }
        if (memory != null) {
            for (StackUsage s : memory.stack()) {
                Long before = baseline.stack().get(s.root().toString());
                if (before == null) {
                    continue;
                }
                if (!s.bounded()) {
                    found.add(finding(Rule.STACK_BUDGET_EXCEEDED, "worst-case stack is unbounded; the baseline ("
                            + file + ") recorded " + before + " bytes", s.root(), s.root(), fileOf));
                } else if (s.bytes() > before) {
                    found.add(finding(Rule.STACK_BUDGET_EXCEEDED, "worst-case stack " + s.bytes()
                            + " bytes exceeds the baseline's " + before + " bytes (" + file + ") by "
                            + (s.bytes() - before) + " bytes", s.root(), s.root(), fileOf));
                }
            }
        }
        return found;
    }

    /** {@code com.acme.Motor.samples} is initialised in {@code com.acme.Motor#<clinit>()V}. */
    private static MethodId staticInitialiser(MemoryItem item) {
        int dot = item.field().lastIndexOf('.');
        String owner = dot < 0 ? item.field() : item.field().substring(0, dot);
        return new MethodId(owner, "<clinit>", "()V");
    }

    private static Finding finding(Rule rule, String message, MethodId where, MethodId root,
                                   Function<MethodId, String> fileOf) {
        List<Frame> chain = root == null ? List.of() : List.of(new Frame(root, 0));
        return new Finding(rule, rule.defaultSeverity(), message,
                "Bring it back under the baseline, or record the new value with --write-baseline after review.",
                false, null, new Location(where, fileOf.apply(where), 0), root, chain, false, root == null ? 0 : 1);
    }

    private static boolean sameFile(Path a, Path b) {
        return a != null && b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
