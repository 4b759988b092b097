package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The strongly connected components against their definition, on random graphs: two nodes share a component
 * exactly when each reaches the other, every edge leads to a component numbered no higher (the numbering is a
 * reverse topological order, which the analyses walk), and a node is on a cycle exactly when it reaches itself
 * through an edge. All differences are listed together.
 */
class CyclesTest {
    @Test
    void componentsAreTheMutuallyReachableNodes() {
        Random random = new Random(15);
        List<String> problems = new ArrayList<>();
        for (int graph = 0; graph < 200; graph++) {
            int n = 1 + random.nextInt(40);
            List<int[]> successors = randomGraph(random, n, random.nextInt(3 * n + 1));
            int[] component = Cycles.components(successors);
            boolean[] onCycle = Cycles.onCycle(successors, component);
            BitSet[] reaches = reachability(successors);
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    boolean mutual = u == v || reaches[u].get(v) && reaches[v].get(u);
                    if ((component[u] == component[v]) != mutual) {
                        problems.add("graph " + graph + ": " + u + " and " + v + (mutual ? " reach each other" : " do not")
                                + " but components " + component[u] + " and " + component[v]);
                    }
                }
                for (int v : successors.get(u)) {
                    if (component[v] > component[u]) {
                        problems.add("graph " + graph + ": edge " + u + "->" + v + " to a higher component");
                    }
                }
                if (onCycle[u] != reaches[u].get(u)) {
                    problems.add("graph " + graph + ": " + u + " on a cycle " + onCycle[u]);
                }
            }
            boolean[] alone = Cycles.onCycle(successors); // the form that finds the components itself
            for (int u = 0; u < n; u++) {
                if (alone[u] != reaches[u].get(u)) {
                    problems.add("graph " + graph + ": " + u + " on a cycle " + alone[u] + " (components found alone)");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aLongChainAndALongCycle() {
        int n = 300_000; // deeper than any recursion would go
        List<int[]> chain = new ArrayList<>();
        List<int[]> cycle = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chain.add(i + 1 < n ? new int[] {i + 1} : new int[0]);
            cycle.add(new int[] {(i + 1) % n});
        }
        assertEquals(n, Cycles.count(Cycles.components(chain)));
        assertEquals(1, Cycles.count(Cycles.components(cycle)));
    }

    private static List<int[]> randomGraph(Random random, int n, int edges) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (int e = 0; e < edges; e++) {
            out.get(random.nextInt(n)).add(random.nextInt(n));
        }
        List<int[]> successors = new ArrayList<>();
        for (List<Integer> o : out) {
            successors.add(o.stream().mapToInt(Integer::intValue).toArray());
        }
        return successors;
    }

    /** For each node, the nodes reachable from it through at least one edge. */
    private static BitSet[] reachability(List<int[]> successors) {
        int n = successors.size();
        BitSet[] reaches = new BitSet[n];
        for (int u = 0; u < n; u++) {
            reaches[u] = new BitSet(n);
            List<Integer> work = new ArrayList<>();
            for (int v : successors.get(u)) {
                work.add(v);
            }
            while (!work.isEmpty()) {
                int v = work.remove(work.size() - 1);
                if (!reaches[u].get(v)) {
                    reaches[u].set(v);
                    for (int w : successors.get(v)) {
                        work.add(w);
                    }
                }
            }
        }
        return reaches;
    }
}
