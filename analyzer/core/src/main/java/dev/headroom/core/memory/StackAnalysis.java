package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Map<MethodRef, Depth> depths = new HashMap<>();

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
    long bytes(MethodRef method) {
        return depth(method).bytes;
    }

    private Depth depth(MethodRef method) {
        Depth known = depths.get(method);
        if (known != null) {
            return known;
        }
        if (!graph.contains(method)) {
            return new Depth(0, true);
        }
        computeFrom(method);
        return depths.get(method);
    }

    private List<MethodRef> callees(MethodRef method) {
        Set<MethodRef> out = new LinkedHashSet<>();
        for (Call call : graph.node(method).calls()) {
            MethodRef target = null;
            if (call.target() instanceof Target.Method m) {
                target = m.ref();
            } else if (call.target() instanceof Target.CallbacksOnly c) {
                target = c.ref();
            }
            if (target != null && graph.contains(target)) {
                out.add(target);
            }
        }
        return List.copyOf(out);
    }

    private long frame(MethodRef method) {
        var m = graph.node(method).method();
        return layout.frameBytes(m.maxLocals, m.maxStack);
    }

    /** Tarjan's algorithm from one method, iteratively; each component is finished when it is popped. */
    private void computeFrom(MethodRef start) {
        Map<MethodRef, Integer> index = new HashMap<>();
        Map<MethodRef, Integer> low = new HashMap<>();
        Deque<MethodRef> stack = new ArrayDeque<>();
        Set<MethodRef> onStack = new java.util.HashSet<>();
        Deque<Object[]> work = new ArrayDeque<>(); // {method, callees, next callee position}
        int[] counter = {0};
        visit(start, index, low, stack, onStack, work, counter);
        while (!work.isEmpty()) {
            Object[] top = work.peek();
            MethodRef v = (MethodRef) top[0];
            @SuppressWarnings("unchecked")
            List<MethodRef> succ = (List<MethodRef>) top[1];
            int i = (Integer) top[2];
            if (i < succ.size()) {
                top[2] = i + 1;
                MethodRef w = succ.get(i);
                if (depths.containsKey(w)) {
                    continue;
                }
                if (!index.containsKey(w)) {
                    visit(w, index, low, stack, onStack, work, counter);
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
                continue;
            }
            work.pop();
            if (!work.isEmpty()) {
                MethodRef parent = (MethodRef) work.peek()[0];
                low.put(parent, Math.min(low.get(parent), low.get(v)));
            }
            if (low.get(v).equals(index.get(v))) {
                List<MethodRef> component = new ArrayList<>();
                MethodRef w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                finish(component);
            }
        }
    }

    private void visit(MethodRef v, Map<MethodRef, Integer> index, Map<MethodRef, Integer> low, Deque<MethodRef> stack,
                       Set<MethodRef> onStack, Deque<Object[]> work, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        work.push(new Object[] {v, callees(v), 0});
    }

    /**
     * A finished component: every callee outside it is known. A component with a cycle (several methods,
     * or one that calls itself) is unbounded; its methods are given the deepest chain that leaves it,
     * plus the frames of the whole component once, as a lower bound.
     */
    private void finish(List<MethodRef> component) {
        Set<MethodRef> members = new java.util.HashSet<>(component);
        boolean cyclic = component.size() > 1 || callees(component.get(0)).contains(component.get(0));
        if (!cyclic) {
            MethodRef m = component.get(0);
            long deepest = 0;
            boolean bounded = true;
            for (MethodRef c : callees(m)) {
                Depth d = depths.get(c);
                deepest = Math.max(deepest, d.bytes);
                bounded &= d.bounded;
            }
            depths.put(m, new Depth(frame(m) + deepest, bounded));
            return;
        }
        long frames = 0;
        long deepestOut = 0;
        for (MethodRef m : component) {
            frames += frame(m);
            for (MethodRef c : callees(m)) {
                if (!members.contains(c)) {
                    deepestOut = Math.max(deepestOut, depths.get(c).bytes);
                }
            }
        }
        for (MethodRef m : component) {
            depths.put(m, new Depth(frames + deepestOut, false));
        }
    }
}
