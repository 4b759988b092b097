package dev.headroom.core.paths;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.Cycles;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import java.util.ArrayList;
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
            successors.add(n.calls().stream()
                    .filter(c -> !hotOnly || !c.site().cold())
                    .map(c -> target(c))
                    .mapToInt(t -> t == null ? -1 : graph.number(t))
                    .filter(i -> i >= 0)
                    .toArray());
        }
        component = Cycles.components(successors);
        onCycle = Cycles.onCycle(successors);
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

    /** True when the call from m to target stays on m's cycle. */
    boolean staysOnCycle(MethodRef m, Call call) {
        MethodRef target = target(call);
        int i = graph.number(m);
        int j = target == null ? -1 : graph.number(target);
        return i >= 0 && j >= 0 && onCycle[i] && component[i] == component[j];
    }

    private MethodRef target(Call call) {
        return throughSummaries ? PathAnalysis.followed(call.target())
                : call.target() instanceof Target.Method m ? m.ref() : null;
    }

    /** How many methods the cycle through m has. */
    int cycleSize(MethodRef m) {
        return sizes.getOrDefault(component[graph.number(m)], 0);
    }
}
