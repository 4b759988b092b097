package dev.headroom.core.paths;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.Cycles;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The call cycles of the whole graph, user and library methods together, computed once. With
 * {@code throughSummaries}, calls into summarised methods (followed for their callbacks) count too: a
 * user method that a summarised sort calls back, and that sorts again, is recursive. Without, only
 * calls whose effects propagate count, which is what library recursion summaries need. With
 * {@code hotOnly}, calls from cold code are left out: a cycle closed only by a call made while throwing
 * is cold recursion.
 */
final class CallCycles {
    private final CallGraph graph;
    private final int[] component;
    private final boolean[] onCycle;
    private final Map<Integer, Integer> sizes = new HashMap<>();

    private final boolean throughSummaries;

    CallCycles(CallGraph graph, boolean throughSummaries) {
        this(graph, throughSummaries, false);
    }

    CallCycles(CallGraph graph, boolean throughSummaries, boolean hotOnly) {
        this.throughSummaries = throughSummaries;
        this.graph = graph;
        List<int[]> successors = new ArrayList<>(graph.size());
        for (CallGraph.Node n : graph.nodes()) {
            List<Call> calls = n.calls();
            int[] to = new int[calls.size()];
            int count = 0;
            for (int c = 0; c < to.length; c++) {
                int j = counted(n, c);
                if (j >= 0 && !(hotOnly && calls.get(c).site().cold())) {
                    to[count++] = j;
                }
            }
            successors.add(Arrays.copyOf(to, count));
        }
        component = Cycles.components(successors);
        onCycle = Cycles.onCycle(successors, component);
        for (int i = 0; i < graph.size(); i++) {
            if (onCycle[i]) {
                sizes.merge(component[i], 1, Integer::sum);
            }
        }
    }

    boolean isOnCycle(MethodRef m) {
        int i = graph.number(m);
        return i >= 0 && onCycle[i];
    }

    /** True when a node's {@code c}th call stays on the node's cycle. */
    boolean staysOnCycle(CallGraph.Node n, int c) {
        int i = n.number();
        int j = counted(n, c);
        return j >= 0 && onCycle[i] && component[i] == component[j];
    }

    /** The node a call leads into when it counts for these cycles, or -1. */
    private int counted(CallGraph.Node n, int c) {
        return throughSummaries || n.calls().get(c).target() instanceof Target.Method ? n.callee(c) : -1;
    }

    /** How many methods the cycle through m has. */
    int cycleSize(MethodRef m) {
        return sizes.getOrDefault(component[graph.number(m)], 0);
    }
}
