package dev.headroom.core.timing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest path through a method's loop-collapsed control-flow graph.
 *
 * <p>Each loop, innermost first, becomes one node whose cost is {@code bound × (most expensive
 * iteration) + (most expensive exit path)}: an iteration is a path from the header to a back edge, with
 * inner loops collapsed; the exit path is a path from the header to an edge leaving the loop (or to a
 * return). A path that ends inside the loop by an exception costs at most {@code bound × iteration}
 * plus the longest partial iteration; that is counted as a way for the method to end. Costs saturate at
 * {@link #INFINITE}.
 *
 * <p>Blocks can be left out (the cold code of a bound on runs that complete normally): they are not on any
 * path, and a loop whose header is left out costs nothing.
 */
final class LongestPath {
    static final long INFINITE = Long.MAX_VALUE;

    private final ControlFlow cfg;
    private final long[] blockCost;
    private final long[] bound;
    private final boolean[] excluded;
    private final long[] loopNormal;
    private final long[] loopEnding;
    private final Map<Integer, Region> regions = new LinkedHashMap<>();
    private final long total;

    /** The solved graph of one region (a loop body, or the method with -1). */
    private static final class Region {
        final Map<Integer, Integer> bestPred = new LinkedHashMap<>();
        final Map<Integer, Long> dist = new LinkedHashMap<>();
        int worstEnd = -1;
    }

    /**
     * @param blockCost cost of each block (its instructions and calls)
     * @param bound     iterations of each loop (by loop id), all known
     */
    LongestPath(ControlFlow cfg, long[] blockCost, long[] bound) {
        this(cfg, blockCost, bound, new boolean[cfg.blockCount]);
    }

    /** @param excluded the blocks left out of every path */
    LongestPath(ControlFlow cfg, long[] blockCost, long[] bound, boolean[] excluded) {
        this.cfg = cfg;
        this.blockCost = blockCost;
        this.bound = bound;
        this.excluded = excluded;
        int loops = cfg.loops.size();
        loopNormal = new long[loops];
        loopEnding = new long[loops];
        for (ControlFlow.Loop loop : cfg.loops) { // innermost first
            solve(loop.id);
        }
        total = solve(-1);
    }

    long total() {
        return total;
    }

    /** The loops on the worst path, outermost first, each followed by the loops on its worst iteration. */
    List<Integer> worstLoops() {
        List<Integer> loops = new ArrayList<>();
        walk(-1, regions.get(-1).worstEnd, loops, new ArrayList<>());
        return loops;
    }

    /** The blocks on the worst path, including those on the worst iteration of each loop on it. */
    List<Integer> worstBlocks() {
        List<Integer> blocks = new ArrayList<>();
        walk(-1, regions.get(-1).worstEnd, new ArrayList<>(), blocks);
        return blocks;
    }

    private void walk(int region, int end, List<Integer> loops, List<Integer> blocks) {
        Region r = regions.get(region);
        Deque<Integer> path = new ArrayDeque<>();
        for (Integer n = end; n != null && n >= 0; n = r.bestPred.get(n)) {
            path.push(n);
            if (path.size() > cfg.blockCount + cfg.loops.size()) {
                break; // defensive: the predecessor chain of a DAG cannot be longer
            }
        }
        for (int n : path) {
            if (n >= cfg.blockCount) {
                int loop = n - cfg.blockCount;
                loops.add(loop);
                walk(loop, regions.get(loop).worstEnd, loops, blocks);
            } else {
                blocks.add(n);
            }
        }
    }

    private int rep(int region, int block) {
        int child = cfg.childOf(region, block);
        return child < 0 ? block : cfg.blockCount + child;
    }

    private boolean inRegion(int region, int block) {
        return !excluded[block] && (region < 0 ? cfg.reachable[block] : cfg.loops.get(region).contains(block));
    }

    private long normalCost(int node) {
        return node < cfg.blockCount ? blockCost[node] : loopNormal[node - cfg.blockCount];
    }

    private long endingCost(int node) {
        return node < cfg.blockCount ? blockCost[node] : loopEnding[node - cfg.blockCount];
    }

    /** Solves one region; for a loop fills its costs and returns its normal cost, for the method its total. */
    private long solve(int region) {
        int header = region < 0 ? 0 : cfg.loops.get(region).header;
        if (region >= 0 && excluded[header]) {
            regions.put(region, new Region());
            return 0; // a left-out loop: never entered on the paths counted
        }
        Map<Integer, List<Integer>> succ = new LinkedHashMap<>();
        Map<Integer, Integer> indegree = new LinkedHashMap<>();
        List<Integer> latches = new ArrayList<>();
        List<Integer> exiting = new ArrayList<>();
        for (int b = 0; b < cfg.blockCount; b++) {
            if (!inRegion(region, b)) {
                continue;
            }
            int from = rep(region, b);
            succ.computeIfAbsent(from, k -> new ArrayList<>());
            indegree.putIfAbsent(from, 0);
            if (cfg.successors[b].length == 0) {
                exiting.add(from);
            }
            for (int s : cfg.successors[b]) {
                if (!inRegion(region, s)) {
                    exiting.add(from);
                } else if (region >= 0 && s == header) {
                    latches.add(from);
                } else {
                    int to = rep(region, s);
                    if (to != from && !succ.get(from).contains(to)) {
                        succ.get(from).add(to);
                        indegree.merge(to, 1, Integer::sum);
                    }
                }
            }
        }
        Region r = new Region();
        regions.put(region, r);
        int entry = rep(region, header);
        Deque<Integer> ready = new ArrayDeque<>();
        for (Map.Entry<Integer, Integer> e : indegree.entrySet()) {
            if (e.getValue() == 0) {
                ready.add(e.getKey());
            }
        }
        Map<Integer, Long> dist = r.dist;
        Map<Integer, Long> ending = new LinkedHashMap<>();
        int processed = 0;
        while (!ready.isEmpty()) {
            int n = ready.poll();
            processed++;
            long before = 0;
            Integer pred = r.bestPred.get(n);
            if (pred != null) {
                before = dist.get(pred);
            } else if (n != entry && region >= 0) {
                before = 0; // unreachable from the header inside the loop: cannot happen for a natural loop
            }
            dist.put(n, add(before, normalCost(n)));
            ending.put(n, add(before, Math.max(endingCost(n), normalCost(n))));
            for (int s : succ.get(n)) {
                Integer best = r.bestPred.get(s);
                if (best == null || dist.get(best) < dist.get(n)) {
                    r.bestPred.put(s, n);
                }
                if (indegree.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        if (processed != indegree.size()) {
            throw new IllegalStateException("cycle left in the loop-collapsed graph of " + cfg.method.name);
        }
        int worstEnd = -1;
        long worstEnding = -1;
        for (Map.Entry<Integer, Long> e : ending.entrySet()) {
            if (e.getValue() > worstEnding) {
                worstEnding = e.getValue();
                worstEnd = e.getKey();
            }
        }
        if (region < 0) {
            r.worstEnd = worstEnd;
            return Math.max(0, worstEnding);
        }
        long iteration = 0;
        int worstLatch = -1;
        for (int latch : latches) {
            if (dist.get(latch) >= iteration) {
                iteration = dist.get(latch);
                worstLatch = latch;
            }
        }
        long exit = 0;
        for (int n : exiting) {
            exit = Math.max(exit, dist.get(n));
        }
        long iterations = mul(bound[region], iteration);
        loopNormal[region] = add(iterations, exit);
        loopEnding[region] = Math.max(loopNormal[region], add(iterations, Math.max(0, worstEnding)));
        r.worstEnd = worstLatch >= 0 ? worstLatch : worstEnd;
        return loopNormal[region];
    }

    static long add(long a, long b) {
        long s = a + b;
        return (a == INFINITE || b == INFINITE || s < 0) ? INFINITE : s;
    }

    static long mul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        if (a == INFINITE || b == INFINITE || a > INFINITE / b) {
            return INFINITE;
        }
        return a * b;
    }

    @Override
    public String toString() {
        return "LongestPath" + Arrays.toString(blockCost);
    }
}
