package dev.headroom.core.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * The implicit path enumeration technique: the worst case of one method as an integer linear program over
 * the execution counts of its control-flow edges, solved by ojAlgo.
 *
 * <p>Variables are the counts of the kept edges (both ends reachable and not left out), one exit count per
 * block (a run may end in any block: by a return, by a throw, or by an exception a call raises) and one binary
 * variable per exclusion. The method is entered once: at each block, what comes in (plus one at the entry
 * block) equals what goes out plus what ends there, and the exits add up to one. A block's count is what comes
 * into it. The objective is the sum of each block's cost times its count. Constraints bound loops per entry
 * (the sum of some edges is at most N times the edges entering a loop), per call (at most N in all), blocks
 * (at most N times) and pairs of exclusive block sets.
 *
 * <p>The answer is trusted only when checked: the solver's counts are rounded and every equation and
 * constraint is checked again in exact integer arithmetic, and the bound is the objective recomputed from those
 * counts. The solver's own tolerances cannot make a checked solution unsound unless it stops short of the
 * optimum, which its relative gap of 10<sup>-12</sup> rules out for objectives below {@link #EXACT_LIMIT}; above
 * that, and when the solver does not report an optimum, {@link #solve} returns empty and the caller keeps its
 * longest-path bound (sound, looser).
 */
final class Ipet {
    /** The largest objective for which the solver's gap cannot hide a better integer solution. */
    static final long EXACT_LIMIT = 1L << 36;
    /** The most an exclusive block may run for its exclusion to be encoded (see {@link #fitsBigM}). */
    private static final long BIG_M = 1_000_000;
    /** Node limit of the branch and bound (deterministic, unlike a time limit); beyond it the solve fails. */
    private static final int NODE_LIMIT = 20_000;
    /** The origins of the constraints that are not declared facts: per-entry loop bounds and inferred exit tests. */
    static final String LOOP_BOUND = "loop bound";
    static final String INFERRED = "inferred exit test";

    /**
     * The solver's settings, made on the first solve: initialising ojAlgo's integer strategy costs a run a few
     * tens of milliseconds (and the JIT's work on its classes), which a run whose programs all come from the
     * cache ({@link SolvedPrograms}) does not pay.
     */
    private static final class Strategy {
        static final IntegerStrategy SETTINGS = IntegerStrategy.newConfigurable()
                .withParallelism(() -> 1)
                .withGapTolerance(NumberContext.of(12));
    }

    /**
     * {@code sum(edges) <= factor * (sum(entering) + outside)}: per entry of a loop, {@code entering} are the edges
     * into its header from outside it and {@code outside} is 1 when its header is the method's entry block (entered
     * once from the caller); per call, {@code entering} is empty and {@code outside} is 1.
     */
    private record Constraint(int[] edges, long factor, int[] entering, int outside, String origin) {
        static Constraint perCall(int[] edges, long factor, String origin) {
            return new Constraint(edges, factor, new int[0], 1, origin);
        }

        /** The right-hand side for the counts of a solution. */
        long limit(long[] count) {
            return LongestPath.mul(factor, outside + sum(entering, count));
        }
    }

    /** The blocks of {@code first} and of {@code second} do not both run in one call. */
    private record Exclusion(BitSet first, BitSet second, String origin) {
    }

    /** The checked worst case: its bound and the counts it was made of. */
    record Solution(long total, long[] blockCounts, long[] backEdges, long[] entries) {
    }

    /** What the solver said when it gave no checked solution. */
    enum Failure { INFEASIBLE, UNSOLVED }

    /** A solution, or why there is none. */
    record Result(Solution solution, Failure failure) {
        Optional<Solution> checked() {
            return Optional.ofNullable(solution);
        }
    }

    private final ControlFlow cfg;
    private final long[] blockCost;
    private final boolean[] kept;
    private final List<int[]> edges = new ArrayList<>(); // {from, to}
    private final List<List<Integer>> in = new ArrayList<>();
    private final List<List<Integer>> out = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<Exclusion> exclusions = new ArrayList<>();
    /** Each loop's tightest iterations-per-entry bound added, or -1 (to bound a block's count for an exclusion). */
    private final long[] perEntry;
    /** By loop id: the edges back to its header from inside it, and those into it from outside. */
    private final int[][] backEdges;
    private final int[][] entering;

    /**
     * @param blockCost each block's cost
     * @param excluded  blocks on no path counted (with the unreachable ones)
     */
    Ipet(ControlFlow cfg, long[] blockCost, boolean[] excluded) {
        this.cfg = cfg;
        this.blockCost = blockCost;
        kept = new boolean[cfg.blockCount];
        perEntry = new long[cfg.loops.size()];
        Arrays.fill(perEntry, -1);
        for (int b = 0; b < cfg.blockCount; b++) {
            kept[b] = cfg.reachable[b] && !excluded[b];
            in.add(new ArrayList<>(2));
            out.add(new ArrayList<>(2));
        }
        for (int b = 0; b < cfg.blockCount; b++) {
            if (!kept[b]) {
                continue;
            }
            for (int s : cfg.successors[b]) {
                if (kept[s]) {
                    in.get(s).add(edges.size());
                    out.get(b).add(edges.size());
                    edges.add(new int[] {b, s});
                }
            }
        }
        backEdges = new int[cfg.loops.size()][];
        entering = new int[cfg.loops.size()][];
        for (ControlFlow.Loop loop : cfg.loops) {
            backEdges[loop.id] = in.get(loop.header).stream().mapToInt(Integer::intValue)
                    .filter(e -> loop.contains(edges.get(e)[0])).toArray();
            entering[loop.id] = in.get(loop.header).stream().mapToInt(Integer::intValue)
                    .filter(e -> !loop.contains(edges.get(e)[0])).toArray();
        }
    }

    private Constraint perEntryOf(ControlFlow.Loop loop, int[] edges, long factor, String origin) {
        return new Constraint(edges, factor, entering[loop.id], fromCaller(loop), origin);
    }

    /** The loop's back edges are at most {@code bound} times its entries. */
    void iterationsPerEntry(ControlFlow.Loop loop, long bound, String origin) {
        constraints.add(perEntryOf(loop, backEdges[loop.id], bound, origin));
        perEntry[loop.id] = perEntry[loop.id] < 0 ? bound : Math.min(perEntry[loop.id], bound);
    }

    /** The loop's back edges are at most {@code total} in one call. */
    void iterationsPerCall(ControlFlow.Loop loop, long total, String origin) {
        constraints.add(Constraint.perCall(backEdges[loop.id], total, origin));
    }

    /** The edge from {@code from} to {@code to} runs at most {@code bound} times per entry of {@code loop}. */
    void edgePerEntry(int from, int to, ControlFlow.Loop loop, long bound, String origin) {
        int e = edge(from, to);
        if (e >= 0) {
            constraints.add(perEntryOf(loop, new int[] {e}, bound, origin));
        }
    }

    /** The block runs at most {@code count} times in one call. */
    void blockPerCall(int block, long count, String origin) {
        if (kept[block]) {
            constraints.add(Constraint.perCall(in.get(block).stream().mapToInt(Integer::intValue).toArray(),
                    block == 0 ? count - 1 : count, origin));
        }
    }

    /** No call runs both a block of {@code first} and a block of {@code second}. */
    void exclusive(BitSet first, BitSet second, String origin) {
        exclusions.add(new Exclusion(first, second, origin));
    }

    /**
     * The program as text: its edges, costs and constraints (not where they came from). Two programs with the same
     * signature have the same solution, so one solve serves both: a method analysed again for each call that
     * passes it constants often gives the same program each time, and so do its normal and all runs when no block
     * is cold.
     */
    String signature() {
        StringBuilder s = new StringBuilder(16 * edges.size() + 32 * constraints.size());
        for (int b = 0; b < cfg.blockCount; b++) {
            s.append(kept[b] ? blockCost[b] : -1).append(b == 0 ? "e" : "").append(',');
        }
        s.append('|');
        for (int[] e : edges) {
            s.append(e[0]).append('>').append(e[1]).append(',');
        }
        for (Constraint c : constraints) {
            s.append('|').append(Arrays.toString(c.edges())).append("<=").append(c.factor()).append('*')
                    .append(Arrays.toString(c.entering())).append('+').append(c.outside());
        }
        for (Exclusion x : exclusions) {
            s.append("|x").append(x.first()).append(x.second());
        }
        return s.toString();
    }

    /** The origins of the constraints added, in order (to name a fact that makes the program infeasible). */
    List<String> origins() {
        List<String> all = new ArrayList<>();
        constraints.forEach(c -> all.add(c.origin()));
        exclusions.forEach(x -> all.add(x.origin()));
        return all;
    }

    /** Solves the program, leaving out the constraints whose origin is {@code without}. */
    Result solve(String without) {
        if (!kept[0]) {
            return new Result(new Solution(0, new long[cfg.blockCount], new long[cfg.loops.size()],
                    new long[cfg.loops.size()]), null);
        }
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.integer(Strategy.SETTINGS);
        model.options.iterations_abort = NODE_LIMIT;
        Variable[] edge = new Variable[edges.size()];
        for (int e = 0; e < edge.length; e++) {
            edge[e] = model.addVariable("e" + e).lower(0).integer(true).weight(blockCost[edges.get(e)[1]]);
        }
        Variable[] exit = new Variable[cfg.blockCount];
        Expression exits = model.addExpression("exits").level(1);
        for (int b = 0; b < cfg.blockCount; b++) {
            if (!kept[b]) {
                continue;
            }
            exit[b] = model.addVariable("x" + b).lower(0).upper(1).integer(true);
            exits.set(exit[b], 1);
            Expression flow = model.addExpression("f" + b).level(b == 0 ? -1 : 0);
            for (int e : in.get(b)) {
                flow.add(edge[e], 1);
            }
            for (int e : out.get(b)) {
                flow.add(edge[e], -1);
            }
            flow.add(exit[b], -1);
        }
        int k = 0;
        for (Constraint c : constraints) {
            if (c.origin().equals(without)) {
                continue;
            }
            Expression x = model.addExpression("c" + k++);
            for (int e : c.edges()) {
                x.add(edge[e], 1);
            }
            for (int e : c.entering()) {
                x.add(edge[e], -c.factor());
            }
            x.upper(LongestPath.mul(c.factor(), c.outside()));
        }
        List<Exclusion> encoded = new ArrayList<>();
        for (Exclusion x : exclusions) {
            if (!x.origin().equals(without) && fitsBigM(x)) {
                encoded.add(x);
            }
        }
        for (Exclusion x : encoded) {
            Variable first = model.addVariable("y" + k).binary();
            exclude(model, edge, x.first(), first, true, "a" + k);
            exclude(model, edge, x.second(), first, false, "b" + k);
            k++;
        }
        Optimisation.Result result;
        try {
            result = model.maximise();
        } catch (RuntimeException e) { // a numerical failure inside the solver: the longest path stands
            return new Result(null, Failure.UNSOLVED);
        }
        if (result.getState() == Optimisation.State.INFEASIBLE) {
            return new Result(null, Failure.INFEASIBLE);
        }
        if (!result.getState().isOptimal()) {
            return new Result(null, Failure.UNSOLVED);
        }
        long[] count = new long[edge.length];
        for (int e = 0; e < edge.length; e++) {
            double v = edge[e].getValue().doubleValue();
            count[e] = Math.round(v);
            if (Math.abs(v - count[e]) > 1e-6 || count[e] < 0) {
                return new Result(null, Failure.UNSOLVED);
            }
        }
        long[] ends = new long[cfg.blockCount];
        for (int b = 0; b < cfg.blockCount; b++) {
            if (exit[b] != null) {
                ends[b] = Math.round(exit[b].getValue().doubleValue());
            }
        }
        Solution s = check(count, ends, without, encoded);
        return s == null ? new Result(null, Failure.UNSOLVED) : new Result(s, null);
    }

    /** Each block of the set runs at most its most count times when {@code y} is (or, for the other set, is not) one. */
    private void exclude(ExpressionsBasedModel model, Variable[] edge, BitSet blocks, Variable y, boolean whenSet,
                         String name) {
        for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
            if (!kept[b]) {
                continue;
            }
            long most = mostRuns(b);
            Expression x = model.addExpression(name + "_" + b);
            for (int e : in.get(b)) {
                x.add(edge[e], 1);
            }
            // count <= most * y, or count <= most * (1 - y); the entry block's one entry is outside the edges
            long entry = b == 0 ? 1 : 0;
            if (whenSet) {
                x.add(y, -most);
                x.upper(-entry);
            } else {
                x.add(y, most);
                x.upper(most - entry);
            }
        }
    }

    /**
     * Whether an exclusion's blocks run few enough times that their counts can be switched off by a binary
     * variable times their most ({@link #BIG_M}) without the solver's tolerances mattering; a larger one is left
     * out, which only loosens the bound.
     */
    private boolean fitsBigM(Exclusion x) {
        for (BitSet blocks : List.of(x.first(), x.second())) {
            for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
                if (kept[b] && mostRuns(b) > BIG_M) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An upper bound of a block's count: the product of its loops' per-entry bounds plus one. */
    private long mostRuns(int block) {
        long most = 1;
        for (ControlFlow.Loop loop : cfg.loops) {
            if (loop.contains(block)) {
                most = perEntry[loop.id] < 0 ? LongestPath.INFINITE : LongestPath.mul(most, perEntry[loop.id] + 1);
            }
        }
        return most;
    }

    /** The checked solution from rounded counts, or null when they break an equation or a constraint. */
    private Solution check(long[] count, long[] ends, String without, List<Exclusion> encoded) {
        long[] blockCount = new long[cfg.blockCount];
        long exits = 0;
        for (int b = 0; b < cfg.blockCount; b++) {
            if (!kept[b]) {
                continue;
            }
            long come = b == 0 ? 1 : 0;
            for (int e : in.get(b)) {
                come += count[e];
            }
            long go = ends[b];
            for (int e : out.get(b)) {
                go += count[e];
            }
            if (come != go || ends[b] < 0) {
                return null;
            }
            blockCount[b] = come;
            exits += ends[b];
        }
        if (exits != 1) {
            return null;
        }
        for (Constraint c : constraints) {
            if (c.origin().equals(without)) {
                continue;
            }
            if (sum(c.edges(), count) > c.limit(count)) {
                return null;
            }
        }
        for (Exclusion x : encoded) {
            if (runs(x.first(), blockCount) && runs(x.second(), blockCount)) {
                return null;
            }
        }
        long total = 0;
        for (int b = 0; b < cfg.blockCount; b++) {
            total = LongestPath.add(total, LongestPath.mul(blockCost[b], blockCount[b]));
        }
        if (total >= EXACT_LIMIT) {
            return null;
        }
        long[] back = new long[cfg.loops.size()];
        long[] entered = new long[cfg.loops.size()];
        for (ControlFlow.Loop loop : cfg.loops) {
            back[loop.id] = sum(backEdges[loop.id], count);
            entered[loop.id] = fromCaller(loop) + sum(entering[loop.id], count);
        }
        return new Solution(total, blockCount, back, entered);
    }

    private static boolean runs(BitSet blocks, long[] blockCount) {
        for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
            if (blockCount[b] > 0) {
                return true;
            }
        }
        return false;
    }

    /** 1 when the loop's header is the method's entry block, which the caller enters once; else 0. */
    private static int fromCaller(ControlFlow.Loop loop) {
        return loop.header == 0 ? 1 : 0;
    }

    /** The sum of some edges' counts. */
    private static long sum(int[] edges, long[] count) {
        long sum = 0;
        for (int e : edges) {
            sum += count[e];
        }
        return sum;
    }

    private int edge(int from, int to) {
        for (int e : out.get(from)) {
            if (edges.get(e)[1] == to) {
                return e;
            }
        }
        return -1;
    }
}
