package dev.headroom.core.callgraph;

import java.util.Arrays;
import java.util.List;

/**
 * For every node of a graph, how many of a set of sources reach it (a source reaches itself), without a
 * walk per source: the graph's cycles are collapsed (all nodes of a strongly connected component are
 * reached by the same sources), and sets of sources, one bit each, flow along the edges of the
 * resulting acyclic graph in topological order, a few thousand sources at a time.
 */
public final class ReachCounts {
    /** Sources per pass: at most 64 words of 64 bits for each component... */
    private static final int MAX_WORDS = 64;
    /** ...and at most 1 Mi words (8 MiB) in all: the work is the same in more, smaller passes. */
    private static final int MAX_BITS = 1 << 20;

    private ReachCounts() {
    }

    /**
     * @param successors each node's successors, by node number
     * @param sources    the source nodes; each counts once
     * @return for each node, the number of sources with a path to it
     */
    public static int[] of(List<int[]> successors, int[] sources) {
        int n = successors.size();
        int[] component = Cycles.components(successors);
        int components = 0;
        for (int c : component) {
            components = Math.max(components, c + 1);
        }
        int[][] next = condensed(successors, component, components);
        int[] reaching = new int[components];
        int[] distinct = Arrays.stream(sources).distinct().toArray();
        int words = Math.max(1, Math.min(Math.min(MAX_WORDS, (distinct.length + 63) / 64),
                MAX_BITS / Math.max(1, components)));
        long[] bits = new long[components * words];
        for (int from = 0; from < distinct.length; from += words * 64) {
            Arrays.fill(bits, 0);
            int to = Math.min(distinct.length, from + words * 64);
            for (int s = from; s < to; s++) {
                int bit = s - from;
                bits[component[distinct[s]] * words + bit / 64] |= 1L << (bit % 64);
            }
            // Tarjan numbers a component after every component it reaches: higher numbers come first.
            for (int c = components - 1; c >= 0; c--) {
                int base = c * words;
                int count = 0;
                for (int w = 0; w < words; w++) {
                    count += Long.bitCount(bits[base + w]);
                }
                if (count == 0) {
                    continue; // reached by no source of this pass
                }
                reaching[c] += count;
                for (int d : next[c]) {
                    int target = d * words;
                    for (int w = 0; w < words; w++) {
                        bits[target + w] |= bits[base + w];
                    }
                }
            }
        }
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = reaching[component[i]];
        }
        return result;
    }

    /** The edges between different components, each once (no boxed lists: a large program has a million nodes). */
    private static int[][] condensed(List<int[]> successors, int[] component, int components) {
        // The nodes grouped by component: counting sort into one array.
        int[] start = new int[components + 1];
        for (int c : component) {
            start[c + 1]++;
        }
        for (int c = 0; c < components; c++) {
            start[c + 1] += start[c];
        }
        int[] members = new int[component.length];
        int[] fill = Arrays.copyOf(start, components);
        for (int i = 0; i < component.length; i++) {
            members[fill[component[i]]++] = i;
        }
        int[] seenFrom = new int[components];
        Arrays.fill(seenFrom, -1);
        int[][] result = new int[components][];
        int[] out = new int[16];
        for (int c = 0; c < components; c++) {
            int count = 0;
            for (int k = start[c]; k < start[c + 1]; k++) {
                for (int s : successors.get(members[k])) {
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
