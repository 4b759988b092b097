package dev.headroom.core.model;

import java.util.List;

/**
 * What a root's worst case is made of, as counts: the loops on its worst path and how often each runs, and how
 * often each source line of the root's own method runs, in one call of the root. From the IPET's solution where a
 * method has loops or flow facts (exact counts of the worst case found); from the longest path otherwise.
 *
 * @param loops the loops entered on the worst path, method by method as on the worst path, outermost first
 * @param lines the lines of the root's method that run in its worst case (count above zero), by line; empty
 *              when the root's method has no line numbers, or has loops bounded by the longest path only
 */
public record WorstCase(List<LoopCount> loops, List<LineCount> lines) {
    /** No counts (an unbounded root, or a report from elsewhere). */
    public static final WorstCase NONE = new WorstCase(List.of(), List.of());

    public WorstCase {
        loops = List.copyOf(loops);
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return loops.isEmpty() && lines.isEmpty();
    }

    /**
     * A loop of the worst case.
     *
     * @param bound      its bound per entry
     * @param entries    how often it is entered in one call of its method, or -1 when only the longest path is
     *                   known (then each entry runs {@code bound} iterations)
     * @param iterations its iterations (returns to its header) in all over those entries, or -1 as above
     */
    public record LoopCount(MethodId method, String file, int line, long bound, long entries, long iterations) {
    }

    /** How often the code of one source line runs (its most frequent block). */
    public record LineCount(int line, long count) {
    }
}
