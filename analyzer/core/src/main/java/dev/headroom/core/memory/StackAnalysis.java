package dev.headroom.core.memory;

import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
 * <p>Each method is computed once: strongly connected components (Tarjan, iterative), then the longest
 * path over the component graph.
 */
public final class StackAnalysis {
    private final CallGraph graph;
    private final Layout layout;
    /** By node number: the worst chain from the method, null until its component is finished. */
    private final Depth[] depths;
    /** By node number: the distinct nodes its calls lead into, in call order; null until asked. */
    private final int[][] callees;
    /** By node number: the method whose callees last listed it, plus one (each list is made once). */
    private final int[] listedBy;
    /** Tarjan's state by node number, made on the first walk (see {@link #computeFrom}). */
    private int[] index;
    private int[] low;
    private boolean[] onStack;
    private int[] stack;
    private int[] workMethod;
    private int[] workNext;
    private int counter;

    /** The worst chain from one method: bytes, and false when a cycle is reachable. */
    private record Depth(long bytes, boolean bounded) {
    }

    public StackAnalysis(CallGraph graph, Layout layout) {
        this.graph = graph;
        this.layout = layout;
        this.depths = new Depth[graph.size()];
        this.callees = new int[graph.size()][];
        this.listedBy = new int[graph.size()];
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
    long bytes(MethodRef method) {
        return depth(method).bytes;
    }

    private Depth depth(MethodRef method) {
        int m = graph.number(method);
        if (m < 0) {
            return new Depth(0, true);
        }
        if (depths[m] == null) {
            computeFrom(m);
        }
        return depths[m];
    }

    private int[] callees(int method) {
        if (callees[method] == null) {
            CallGraph.Node node = graph.node(method);
            int count = node.calls().size();
            int[] out = new int[count];
            int distinct = 0;
            for (int c = 0; c < count; c++) {
                int target = node.callee(c);
                if (target >= 0 && listedBy[target] != method + 1) {
                    listedBy[target] = method + 1;
                    out[distinct++] = target;
                }
            }
            callees[method] = Arrays.copyOf(out, distinct);
        }
        return callees[method];
    }

    private boolean callsItself(int method) {
        for (int c : callees(method)) {
            if (c == method) {
                return true;
            }
        }
        return false;
    }

    private long frame(int method) {
        var m = graph.node(method).method();
        return layout.frameBytes(m.maxLocals, m.maxStack);
    }

    /**
     * Tarjan's algorithm from one method, iteratively; each component is finished when it is popped. The walk's
     * state is by node number and kept across walks: every node a walk visits is in a component it finishes, so a
     * later walk never visits it again ({@code index} 0 for a node not visited yet, else its visit order + 1).
     */
    private void computeFrom(int start) {
        if (index == null) {
            int n = depths.length;
            index = new int[n];
            low = new int[n];
            onStack = new boolean[n];
            stack = new int[n];
            workMethod = new int[n];
            workNext = new int[n];
        }
        int stackSize = 0;
        int work = 0;
        index[start] = low[start] = ++counter;
        stack[stackSize++] = start;
        onStack[start] = true;
        workMethod[work] = start;
        workNext[work++] = 0;
        while (work > 0) {
            int v = workMethod[work - 1];
            int[] succ = callees(v);
            int i = workNext[work - 1];
            if (i < succ.length) {
                workNext[work - 1] = i + 1;
                int w = succ[i];
                if (depths[w] != null) {
                    continue;
                }
                if (index[w] == 0) {
                    index[w] = low[w] = ++counter;
                    stack[stackSize++] = w;
                    onStack[w] = true;
                    workMethod[work] = w;
                    workNext[work++] = 0;
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
                continue;
            }
            work--;
            if (work > 0) {
                int parent = workMethod[work - 1];
                low[parent] = Math.min(low[parent], low[v]);
            }
            if (low[v] == index[v]) {
                int from = stackSize;
                do {
                    from--;
                    onStack[stack[from]] = false;
                } while (stack[from] != v);
                finish(Arrays.copyOfRange(stack, from, stackSize));
                stackSize = from;
            }
        }
    }

    /**
     * A finished component: every callee outside it is known. A component with a cycle (several methods,
     * or one that calls itself) is unbounded; its methods are given the deepest chain that leaves it,
     * plus the frames of the whole component once, as a lower bound.
     */
    private void finish(int[] component) {
        boolean cyclic = component.length > 1 || callsItself(component[0]);
        if (!cyclic) {
            int m = component[0];
            long deepest = 0;
            boolean bounded = true;
            for (int c : callees(m)) {
                Depth d = depths[c];
                deepest = Math.max(deepest, d.bytes);
                bounded &= d.bounded;
            }
            depths[m] = new Depth(frame(m) + deepest, bounded);
            return;
        }
        BitSet members = new BitSet();
        for (int m : component) {
            members.set(m);
        }
        long frames = 0;
        long deepestOut = 0;
        for (int m : component) {
            frames += frame(m);
            for (int c : callees(m)) {
                if (!members.get(c)) {
                    deepestOut = Math.max(deepestOut, depths[c].bytes);
                }
            }
        }
        Depth depth = new Depth(frames + deepestOut, false);
        for (int m : component) {
            depths[m] = depth;
        }
    }
}
