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
    private final Map<MethodRef, Integer> index = new HashMap<>();
    private final int[] component;
    private final boolean[] onCycle;
    private final Map<Integer, Integer> sizes = new HashMap<>();

    private final boolean throughSummaries;

    CallCycles(CallGraph graph, boolean throughSummaries) {
        this(graph, throughSummaries, false);
    }

    CallCycles(CallGraph graph, boolean throughSummaries, boolean hotOnly) {
        this.throughSummaries = throughSummaries;
        List<CallGraph.Node> nodes = new ArrayList<>();
        for (CallGraph.Node n : graph.nodes()) {
            index.put(n.ref(), nodes.size());
            nodes.add(n);
        }
        List<int[]> successors = new ArrayList<>(nodes.size());
        for (CallGraph.Node n : nodes) {
            successors.add(n.calls().stream()
                    .filter(c -> !hotOnly || !c.site().cold())
                    .map(c -> target(c))
                    .filter(t -> t != null && index.containsKey(t))
                    .mapToInt(index::get)
                    .toArray());
        }
        component = Cycles.components(successors);
        onCycle = Cycles.onCycle(successors);
        for (int i = 0; i < nodes.size(); i++) {
            if (onCycle[i]) {
                sizes.merge(component[i], 1, Integer::sum);
            }
        }
    }

    boolean isOnCycle(MethodRef m) {
        Integer i = index.get(m);
        return i != null && onCycle[i];
    }

    /** True when the call from m to target stays on m's cycle. */
    boolean staysOnCycle(MethodRef m, Call call) {
        MethodRef target = target(call);
        Integer i = index.get(m);
        Integer j = target == null ? null : index.get(target);
        return i != null && j != null && onCycle[i] && component[i] == component[j];
    }

    private MethodRef target(Call call) {
        return throughSummaries ? PathAnalysis.followed(call.target())
                : call.target() instanceof Target.Method m ? m.ref() : null;
    }

    /** How many methods the cycle through m has. */
    int cycleSize(MethodRef m) {
        return sizes.getOrDefault(component[index.get(m)], 0);
    }
}
