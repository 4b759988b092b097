package dev.headroom.core.callgraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * For every node of a graph, how many of a set of sources reach it (a source reaches itself), without a
 * walk per source: the graph's cycles are collapsed (all nodes of a strongly connected component are
 * reached by the same sources), and sets of sources, one bit each, flow along the edges of the
 * resulting acyclic graph in topological order, a few thousand sources at a time.
 *
 * <p>A pass touches only the components its sources reach, not the whole graph: with every method of a
 * large program a source, most sources reach a small part of it, and a pass over every component per few
 * hundred sources made the counting grow with the square of the program.
 */
public final class ReachCounts {
    /** Sources per pass: at most 64 words of 64 bits for each component a pass reaches... */
    private static final int MAX_WORDS = 64;
    /** ...and at most 1 Mi words (8 MiB) in all, unless one word's sources alone reach more components. */
    private static final int MAX_BITS = 1 << 20;

    private final int maxBits;
    private final int[] component;
    private final int[][] next;
    private final int[] reaching;
    /** In the current pass: a reached component's place in {@link #order}; -1 unreached, -2 being walked. */
    private final int[] slot;
    /** The components the current pass reaches, each after every component it reaches (post-order). */
    private final int[] order;
    private int reached;
    private final int[] walkStack;
    private final int[] walkEdge;
    private long[] bits = new long[0];

    private ReachCounts(List<int[]> successors, int maxBits) {
        this.maxBits = maxBits;
        component = Cycles.components(successors);
        int components = Cycles.count(component);
        next = condensed(successors, component, components);
        reaching = new int[components];
        slot = new int[components];
        Arrays.fill(slot, -1);
        order = new int[components];
        walkStack = new int[components];
        walkEdge = new int[components];
    }

    /**
     * @param successors each node's successors, by node number
     * @param sources    the source nodes; each counts once
     * @return for each node, the number of sources with a path to it
     */
    public static int[] of(List<int[]> successors, int[] sources) {
        return of(successors, sources, MAX_BITS);
    }

    /**
     * The successors with {@code sinks} nodes past them, numbered from {@code successors.size()} and without
     * successors of their own, and an edge from each node to the sinks {@code toSinks} names for it. A sink is
     * reached by every source that reaches any node leading to it, each source once: it counts a group of nodes
     * together (the copies of one method). The same list when there are no sinks.
     */
    public static List<int[]> withSinks(List<int[]> successors, int sinks, IntFunction<int[]> toSinks) {
        if (sinks == 0) {
            return successors;
        }
        List<int[]> result = new ArrayList<>(successors.size() + sinks);
        for (int i = 0; i < successors.size(); i++) {
            int[] out = successors.get(i);
            int[] extra = toSinks.apply(i);
            if (extra.length == 0) {
                result.add(out);
            } else {
                int[] more = Arrays.copyOf(out, out.length + extra.length);
                System.arraycopy(extra, 0, more, out.length, extra.length);
                result.add(more);
            }
        }
        for (int i = 0; i < sinks; i++) {
            result.add(new int[0]);
        }
        return result;
    }

    /** With another budget of words per pass (the tests make passes small). */
    static int[] of(List<int[]> successors, int[] sources, int maxBits) {
        ReachCounts counts = new ReachCounts(successors, maxBits);
        int[] distinct = Arrays.stream(sources).distinct().toArray();
        for (int from = 0; from < distinct.length; ) {
            from = counts.pass(distinct, from);
        }
        int[] result = new int[successors.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = counts.reaching[counts.component[i]];
        }
        return result;
    }

    /** Counts the next sources from {@code from}, a word of 64 at a time while the budget allows; returns where it stopped. */
    private int pass(int[] sources, int from) {
        reached = 0;
        int words = 0;
        int to = from;
        while (to < sources.length && words < MAX_WORDS) {
            int end = Math.min(sources.length, to + 64);
            int before = reached;
            for (int s = to; s < end; s++) {
                walk(component[sources[s]]);
            }
            if (words > 0 && (long) reached * (words + 1) > maxBits) {
                for (int k = before; k < reached; k++) {
                    slot[order[k]] = -1; // this word's sources start the next pass
                }
                reached = before;
                break;
            }
            words++;
            to = end;
        }
        int size = reached * words;
        if (bits.length < size) {
            bits = new long[Math.max(size, Math.min(maxBits, 2 * bits.length))];
        }
        Arrays.fill(bits, 0, size, 0);
        for (int s = from; s < to; s++) {
            int bit = s - from;
            bits[slot[component[sources[s]]] * words + bit / 64] |= 1L << (bit % 64);
        }
        // A component comes after every component it reaches in the post-order: walk it backwards.
        for (int k = reached - 1; k >= 0; k--) {
            int base = k * words;
            int count = 0;
            for (int w = 0; w < words; w++) {
                count += Long.bitCount(bits[base + w]);
            }
            reaching[order[k]] += count;
            for (int d : next[order[k]]) {
                int target = slot[d] * words;
                for (int w = 0; w < words; w++) {
                    bits[target + w] |= bits[base + w];
                }
            }
        }
        for (int k = 0; k < reached; k++) {
            slot[order[k]] = -1;
        }
        return to;
    }

    /** Adds the components {@code start} reaches that the pass has not reached yet to {@link #order}, in post-order. */
    private void walk(int start) {
        if (slot[start] != -1) {
            return;
        }
        int depth = 0;
        walkStack[depth] = start;
        walkEdge[depth++] = 0;
        slot[start] = -2;
        while (depth > 0) {
            int c = walkStack[depth - 1];
            int[] out = next[c];
            if (walkEdge[depth - 1] < out.length) {
                int d = out[walkEdge[depth - 1]++];
                if (slot[d] == -1) { // the condensed graph has no cycle: a component being walked is never met again
                    slot[d] = -2;
                    walkStack[depth] = d;
                    walkEdge[depth++] = 0;
                }
            } else {
                depth--;
                slot[c] = reached;
                order[reached++] = c;
            }
        }
    }

    /** The edges between different components, each once (no boxed lists: a large program has a million nodes). */
    private static int[][] condensed(List<int[]> successors, int[] component, int components) {
        int[][] members = Cycles.members(component);
        int[] seenFrom = new int[components];
        Arrays.fill(seenFrom, -1);
        int[][] result = new int[components][];
        int[] out = new int[16];
        for (int c = 0; c < components; c++) {
            int count = 0;
            for (int m : members[c]) {
                for (int s : successors.get(m)) {
                    int d = component[s];
                    if (d != c && seenFrom[d] != c) {
                        seenFrom[d] = c;
                        if (count == out.length) {
                            out = Arrays.copyOf(out, count * 2);
                        }
                        out[count++] = d;
                    }
                }
            }
            result[c] = Arrays.copyOf(out, count);
        }
        return result;
    }
}
