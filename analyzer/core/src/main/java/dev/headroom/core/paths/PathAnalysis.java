package dev.headroom.core.paths;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.Cycles;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Rule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path rules (growth, allocation, blocking, recursion, unanalysable calls) per root.
 *
 * <p>User methods (the inputs) are followed line by line: a finding is reported at the line of the user
 * method where it happens, or where the user method calls into library code that leads to it (the last
 * call site in the user's classes), with the whole chain as evidence. Library methods are summarised
 * once for all roots ({@link LibrarySummaries}); each user method's own findings are computed once and
 * shared by every root that reaches it.
 */
public final class PathAnalysis {
    private final CallGraph graph;
    private final LocalEvents localEvents;
    private final LibrarySummaries library;
    private final Map<MethodRef, List<Local>> localFindings = new HashMap<>();
    private final Map<MethodRef, List<UserEdge>> edges = new HashMap<>();
    private final Map<MethodRef, Integer> cycleComponent = new HashMap<>();
    private final Map<Integer, Integer> componentSize = new HashMap<>();

    /** A finding located in one user method, with the frames after its line. */
    private record Local(Rule rule, boolean cold, int line, String message, String remedy, List<Frame> tail) {
    }

    public PathAnalysis(CallGraph graph) {
        this.graph = graph;
        this.localEvents = new LocalEvents(graph);
        this.library = new LibrarySummaries(graph, localEvents);
        for (CallGraph.Node n : graph.nodes()) {
            if (n.isInput()) {
                edges.put(n.ref(), userEdges(n));
            }
        }
        findUserCycles();
    }

    /** Every finding on the paths of one root, one per rule and line of a user method. */
    public List<PathFinding> findingsFor(MethodRef root) {
        CallGraph.Node rootNode = graph.node(root);
        Map<MethodRef, Boolean> reachedCold = new LinkedHashMap<>();
        Map<MethodRef, UserEdge> parent = new HashMap<>();
        walk(root, reachedCold, parent);

        Map<String, PathFinding> best = new LinkedHashMap<>();
        Event entry = LocalEvents.onEntry(rootNode, rootNode.facts().firstLine(), false);
        if (entry != null) {
            offer(best, new PathFinding(entry.rule(), false, root, entry.line(), "the root is a synchronized method: "
                    + "may wait for its monitor", null, root, List.of(new Frame(root.toId(), entry.line()))));
        }
        for (Map.Entry<MethodRef, Boolean> reached : reachedCold.entrySet()) {
            MethodRef m = reached.getKey();
            List<Frame> prefix = prefix(m, parent);
            for (Local f : locals(graph.node(m))) {
                List<Frame> chain = new ArrayList<>(prefix);
                chain.add(new Frame(m.toId(), f.line()));
                chain.addAll(f.tail());
                offer(best, new PathFinding(f.rule(), f.cold() || reached.getValue(), m, f.line(), f.message(),
                        f.remedy(), root, chain));
            }
            addRecursion(best, m, reached.getValue(), prefix, root);
        }
        return List.copyOf(best.values());
    }

    /** Hot paths first: a method reached by a hot path is hot even when a cold path reaches it too. */
    private void walk(MethodRef root, Map<MethodRef, Boolean> reachedCold, Map<MethodRef, UserEdge> parent) {
        Deque<MethodRef> queue = new ArrayDeque<>();
        reachedCold.put(root, false);
        queue.add(root);
        List<MethodRef> hot = new ArrayList<>();
        while (!queue.isEmpty()) {
            MethodRef m = queue.poll();
            hot.add(m);
            for (UserEdge e : edges.getOrDefault(m, List.of())) {
                if (!e.cold() && !reachedCold.containsKey(e.to())) {
                    reachedCold.put(e.to(), false);
                    parent.put(e.to(), e);
                    queue.add(e.to());
                }
            }
        }
        queue.addAll(hot);
        while (!queue.isEmpty()) {
            MethodRef m = queue.poll();
            for (UserEdge e : edges.getOrDefault(m, List.of())) {
                if (!reachedCold.containsKey(e.to())) {
                    reachedCold.put(e.to(), true);
                    parent.put(e.to(), e);
                    queue.add(e.to());
                }
            }
        }
    }

    private static List<Frame> prefix(MethodRef m, Map<MethodRef, UserEdge> parent) {
        List<List<Frame>> parts = new ArrayList<>();
        MethodRef current = m;
        UserEdge e;
        while ((e = parent.get(current)) != null) {
            List<Frame> part = new ArrayList<>();
            part.add(new Frame(e.from().toId(), e.line()));
            part.addAll(e.via());
            parts.add(part);
            current = e.from();
        }
        List<Frame> frames = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
            frames.addAll(parts.get(i));
        }
        return frames;
    }

    /** Keeps one finding per rule and line of a user method: a hot one over a cold one, else the shorter chain. */
    private static void offer(Map<String, PathFinding> best, PathFinding f) {
        String key = f.rule().id() + " " + f.location() + ":" + f.line();
        PathFinding old = best.get(key);
        if (old == null || (old.cold() && !f.cold())
                || (old.cold() == f.cold() && f.callChain().size() < old.callChain().size())) {
            best.put(key, f);
        }
    }

    private List<Local> locals(CallGraph.Node node) {
        return localFindings.computeIfAbsent(node.ref(), r -> computeLocals(node));
    }

    private List<Local> computeLocals(CallGraph.Node node) {
        List<Local> result = new ArrayList<>();
        for (Event e : localEvents.of(node)) {
            result.add(new Local(e.rule(), e.cold(), e.line(), e.message(), e.remedy(),
                    e.target() == null ? List.of() : List.of(new Frame(e.target().toId(), 0))));
        }
        for (Call call : node.calls()) {
            if (!(call.target() instanceof Target.Method m) || graph.node(m.ref()).isInput()) {
                continue;
            }
            for (LibrarySummaries.Key key : library.effects(m.ref()).keySet()) {
                Event event = library.event(m.ref(), key);
                MethodRef where = library.eventMethod(m.ref(), key);
                String message = "call to " + Names.method(m.ref()) + " " + LocalEvents.verb(key.rule())
                        + " inside library code: " + event.message()
                        + (where.equals(m.ref()) ? "" : " (in " + Names.method(where) + ")");
                result.add(new Local(key.rule(), key.cold() || call.site().cold(), call.site().line(), message, null,
                        library.chain(m.ref(), key)));
            }
        }
        return result;
    }

    private List<UserEdge> userEdges(CallGraph.Node node) {
        List<UserEdge> result = new ArrayList<>();
        for (Call call : node.calls()) {
            MethodRef callee = followed(call.target());
            if (callee == null) {
                continue;
            }
            int line = call.site().line();
            boolean cold = call.site().cold();
            if (graph.node(callee).isInput()) {
                result.add(new UserEdge(node.ref(), line, cold, callee, List.of()));
            } else {
                for (LibrarySummaries.Callback cb : library.callbacks(callee)) {
                    result.add(new UserEdge(node.ref(), line, cold || cb.cold(), cb.user(),
                            library.callbackChain(callee, cb)));
                }
            }
        }
        return result;
    }

    /** The method whose bytecode a call leads into, or null for a call that is not followed. */
    static MethodRef followed(Target target) {
        if (target instanceof Target.Method m) {
            return m.ref();
        }
        if (target instanceof Target.CallbacksOnly c) {
            return c.ref();
        }
        return null;
    }

    private void findUserCycles() {
        List<MethodRef> users = new ArrayList<>(edges.keySet());
        users.sort(null);
        Map<MethodRef, Integer> index = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            index.put(users.get(i), i);
        }
        List<int[]> successors = new ArrayList<>();
        for (MethodRef u : users) {
            successors.add(edges.get(u).stream().filter(e -> index.containsKey(e.to()))
                    .mapToInt(e -> index.get(e.to())).toArray());
        }
        int[] component = Cycles.components(successors);
        boolean[] onCycle = Cycles.onCycle(successors);
        for (int i = 0; i < users.size(); i++) {
            if (onCycle[i]) {
                cycleComponent.put(users.get(i), component[i]);
                componentSize.merge(component[i], 1, Integer::sum);
            }
        }
    }

    /** A recursion finding at every call of m that stays inside m's call cycle. */
    private void addRecursion(Map<String, PathFinding> best, MethodRef m, boolean reachedCold, List<Frame> prefix,
                              MethodRef root) {
        Integer component = cycleComponent.get(m);
        if (component == null) {
            return;
        }
        for (UserEdge e : edges.get(m)) {
            if (!component.equals(cycleComponent.get(e.to()))) {
                continue;
            }
            int size = componentSize.get(component);
            String message = e.to().equals(m)
                    ? "recursive call: " + Names.method(m) + " calls itself"
                    : "recursive call: " + Names.method(m) + " calls " + Names.method(e.to())
                            + ", which leads back to it (a cycle of " + size + " methods)";
            List<Frame> chain = new ArrayList<>(prefix);
            chain.add(new Frame(m.toId(), e.line()));
            chain.addAll(e.via());
            chain.add(new Frame(e.to().toId(), 0));
            offer(best, new PathFinding(Rule.RECURSION, e.cold() || reachedCold, m, e.line(), message, null, root, chain));
        }
    }
}
