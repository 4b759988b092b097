package dev.headroom.core.memory;

import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.Cycles;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Worst-case stack per root: the deepest chain of frames over the call graph. A frame is
 * {@link Layout#frameBytes(int, int)} of its method's {@code max_locals} and {@code max_stack}. Calls are
 * followed to {@link Target.Method} and {@link Target.CallbacksOnly} targets that are nodes of the graph;
 * summarised library methods are not followed and add nothing. A call cycle reachable from a root makes
 * it unbounded (reported as {@code recursion} by the path analysis); its bytes are then the deepest chain
 * that goes through each cycle once, a lower bound.
 *
 * <p>Each method is computed once, over the graph's strongly connected components ({@link Cycles}), each finished
 * after every component it calls.
 */
public final class StackAnalysis {
    private final CallGraph graph;
    private final Layout layout;
    /** By node number: the worst chain from the method; made on first use. */
    private Depth[] depths;

    /** The worst chain from one method: bytes, and false when a cycle is reachable. */
    private record Depth(long bytes, boolean bounded) {
    }

    public StackAnalysis(CallGraph graph, Layout layout) {
        this.graph = graph;
        this.layout = layout;
    }

    public StackResult analyze(List<MethodRef> roots, Long stackBudgetBytes) {
        List<MethodRef> sorted = new ArrayList<>(new LinkedHashSet<>(roots));
        sorted.sort(null);
        List<StackUsage> usages = new ArrayList<>();
        List<MemoryFinding> findings = new ArrayList<>();
        for (MethodRef root : sorted) {
            Depth d = depth(root);
            Verdict verdict = null;
            if (stackBudgetBytes != null) {
                boolean fits = d.bounded && d.bytes <= stackBudgetBytes;
                verdict = fits ? Verdict.PASS : Verdict.FAIL;
                if (!fits) {
                    // At the root's first line, as a deadline finding is: reports need a line to point at.
                    int line = graph.contains(root) ? graph.node(root).facts().firstLine() : 0;
                    findings.add(new MemoryFinding(Rule.STACK_BUDGET_EXCEEDED, root, line,
                            message(root, d, stackBudgetBytes), root));
                }
            }
            usages.add(new StackUsage(root.toId(), d.bytes, d.bounded, verdict));
        }
        return new StackResult(usages, findings);
    }

    private static String message(MethodRef root, Depth d, long budget) {
        String stack = "the worst-case stack of " + JavaSignatures.qualified(root.toId());
        if (!d.bounded) {
            return stack + " is unbounded (a call cycle is reachable; at least " + d.bytes
                    + " bytes): it cannot be shown to fit the stack budget of " + budget + " bytes";
        }
        return stack + " is " + d.bytes + " bytes, " + (d.bytes - budget)
                + " bytes above the stack budget of " + budget + " bytes";
    }

    /** The worst chain from a method; 0 and bounded for a method that is not in the graph. */
    private Depth depth(MethodRef method) {
        int m = graph.number(method);
        if (m < 0) {
            return new Depth(0, true);
        }
        if (depths == null) {
            depths = depths();
        }
        return depths[m];
    }

    /**
     * Every method's worst chain. Tarjan's algorithm numbers a component after every component it reaches, so in
     * the order of their numbers each component's callees outside it are known. A component with a cycle (several
     * methods, or one that calls itself) is unbounded; its methods are given the deepest chain that leaves it, plus
     * the frames of the whole component once, as a lower bound.
     */
    private Depth[] depths() {
        int n = graph.size();
        List<int[]> callees = callees(n);
        int[] component = Cycles.components(callees);
        boolean[] onCycle = Cycles.onCycle(callees, component);
        int[][] members = Cycles.members(component);
        Depth[] result = new Depth[n];
        for (int[] inComponent : members) {
            long frames = 0;
            long deepestOut = 0;
            boolean bounded = !onCycle[inComponent[0]];
            for (int m : inComponent) {
                frames += frame(m);
                for (int c : callees.get(m)) {
                    if (component[c] != component[m]) {
                        deepestOut = Math.max(deepestOut, result[c].bytes);
                        bounded &= result[c].bounded;
                    }
                }
            }
            Depth depth = new Depth(frames + deepestOut, bounded);
            for (int m : inComponent) {
                result[m] = depth;
            }
        }
        return result;
    }

    /** Each method's distinct callees in the graph, by node number. */
    private List<int[]> callees(int n) {
        List<int[]> result = new ArrayList<>(n);
        int[] listedBy = new int[n]; // the method whose list holds a callee, plus one
        for (int m = 0; m < n; m++) {
            CallGraph.Node node = graph.node(m);
            int[] out = new int[node.calls().size()];
            int distinct = 0;
            for (int c = 0; c < out.length; c++) {
                int target = node.callee(c);
                if (target >= 0 && listedBy[target] != m + 1) {
                    listedBy[target] = m + 1;
                    out[distinct++] = target;
                }
            }
            result.add(Arrays.copyOf(out, distinct));
        }
        return result;
    }

    private long frame(int method) {
        var m = graph.node(method).method();
        return layout.frameBytes(m.maxLocals, m.maxStack);
    }
}
