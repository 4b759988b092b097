package dev.headroom.core.timing;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.LazyText;
import dev.headroom.core.timing.MethodTiming.WorstLoop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A method's bound from its blocks' costs: the longest path through the loop-collapsed graph, or where the method
 * has loops or flow facts the IPET's, with the loops and lines of its worst case.
 */
final class MethodBound {
    /** The methods being bounded as roots (a loop-free one keeps its worst path's lines). */
    private final Predicate<MethodRef> isRoot;
    /**
     * Whether methods with loops or flow facts get the IPET's bound; off only by the internal switch
     * {@code -Dheadroom.internal.ipet=off}, for the benchmark that weighs what the IPET costs
     * ({@code benchmarks/TimingPhase.java}): the bounds are then the longest path's, looser.
     */
    private final boolean ipet = !"off".equals(System.getProperty("headroom.internal.ipet"));
    /** Each integer program solved, by {@link Ipet#signature}: the same program is solved once. */
    private SolvedPrograms solved = SolvedPrograms.inMemory();

    MethodBound(Predicate<MethodRef> isRoot) {
        this.isRoot = isRoot;
    }

    /** Where the integer programs' answers are kept: in this run only (the default), or across runs too. */
    void solvedPrograms(SolvedPrograms programs) {
        this.solved = programs;
    }

    /**
     * The bound over the blocks not excluded, or why there is none: the longest path, or where the method has
     * loops or flow facts the IPET's (the ILP with the constraints given, null when none), when it solves; it is
     * never above the longest path. Facts that no run can satisfy are a configuration error naming the first fact
     * without which the program has a solution.
     */
    void finish(MethodTiming t, ControlFlow cfg, BlockCosts costs, long[] bounds, boolean[] excluded,
                Predicate<LoopBound> counted, String file, Consumer<Ipet> constraints) {
        for (LoopBound lb : t.loops) {
            if (!lb.bounded() && counted.test(lb)) {
                MethodRef in = t.ref;
                t.unbounded(new LazyText(() -> "unbounded loop at " + lb.at(file) + " in "
                        + TimingAnalysis.short_(in) + ": " + lb.detail()));
                return;
            }
        }
        if (costs.reason != null) {
            t.unbounded(costs.reason);
            t.cause = costs.cause;
            return;
        }
        LongestPath path;
        try {
            path = new LongestPath(cfg, costs.block, bounds, excluded);
        } catch (IllegalStateException e) {
            t.unbounded("the control flow of " + TimingAnalysis.short_(t.ref) + " could not be ordered: "
                    + e.getMessage());
            return;
        }
        if (path.total() == LongestPath.INFINITE) {
            t.unbounded("the bound of " + TimingAnalysis.short_(t.ref) + " does not fit in 63 bits");
            return;
        }
        t.cost = path.total();
        Ipet.Solution solution = null;
        if (ipet && constraints != null && path.total() < Ipet.EXACT_LIMIT) {
            Ipet program = new Ipet(cfg, costs.block, excluded);
            constraints.accept(program);
            Ipet.Result result = solved.solve(program.signature(), () -> program.solve(null));
            if (result.failure() == Ipet.Failure.INFEASIBLE) {
                throw contradiction(t, program);
            }
            solution = result.checked().filter(s -> s.total() <= path.total()).orElse(null);
        }
        List<Integer> worstBlocks;
        if (solution == null) {
            for (int loop : path.worstLoops()) {
                ControlFlow.Loop l = cfg.loops.get(loop);
                t.worstLoops = MethodTiming.added(t.worstLoops,
                        new WorstLoop(file, cfg.line(l.header), bounds[loop], -1, -1));
            }
            worstBlocks = path.worstBlocks();
            if (cfg.loops.isEmpty() && isRoot.test(t.ref)) { // each block of the longest path runs once
                long[] once = new long[cfg.blockCount];
                worstBlocks.forEach(b -> once[b] = 1);
                t.worstLines = cfg.lineCounts(once);
            }
        } else {
            t.cost = solution.total();
            for (int loop : cfg.loopsOutermostFirst()) {
                if (solution.entries()[loop] > 0) {
                    t.worstLoops = MethodTiming.added(t.worstLoops, new WorstLoop(file,
                            cfg.line(cfg.loops.get(loop).header), bounds[loop], solution.backEdges()[loop],
                            solution.entries()[loop]));
                }
            }
            worstBlocks = new ArrayList<>();
            for (int b = 0; b < cfg.blockCount; b++) {
                if (solution.blockCounts()[b] > 0) {
                    worstBlocks.add(b);
                }
            }
            t.worstLines = cfg.lineCounts(solution.blockCounts());
        }
        long heaviest = -1;
        for (int b : worstBlocks) {
            for (int i = cfg.blockStart[b]; i < cfg.blockEnd[b]; i++) {
                if (costs.callee[i] != null && costs.call[i] > heaviest) {
                    heaviest = costs.call[i];
                    t.heaviest = costs.callee[i];
                }
            }
        }
    }

    /**
     * The error for flow facts (or markers) that no run of the method satisfies: it names the first declared fact
     * without which the program has a solution, or all of them when no single one is to blame.
     */
    private ConfigurationException contradiction(MethodTiming t, Ipet ipet) {
        List<String> declared = new ArrayList<>(new LinkedHashSet<>(ipet.origins()));
        declared.removeIf(o -> o.equals(Ipet.LOOP_BOUND) || o.equals(Ipet.INFERRED));
        for (String origin : declared) {
            if (ipet.solve(origin).failure() != Ipet.Failure.INFEASIBLE) {
                return new ConfigurationException(origin + ": contradicts the control flow of "
                        + TimingAnalysis.short_(t.ref) + ": with it, no run of the method is possible");
            }
        }
        return new ConfigurationException(String.join(", ", declared) + ": together contradict the control flow of "
                + TimingAnalysis.short_(t.ref) + ": with them, no run of the method is possible");
    }
}
