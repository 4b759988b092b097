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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each reached library method may do, transitively: for every rule (hot and cold apart), one
 * witness of how, and which user methods it may call back. Computed once for the whole graph by
 * propagating effects from callees to callers until nothing changes; each method keeps the first
 * witness it gets for a rule, so a witness chain always leads to an event and never loops.
 */
final class LibrarySummaries {
    /** A rule, and whether every path to it is cold. */
    record Key(Rule rule, boolean cold) {
    }

    /** How a method has an effect: by an event of its own, or by a call at a line to a callee that has it. */
    record Witness(int line, Event local, MethodRef next, Key nextKey) {
    }

    /** A user method that library code calls back, and whether that path is cold. */
    record Callback(MethodRef user, boolean cold) {
    }

    private record CallbackWitness(int line, MethodRef next, Callback nextKey) {
    }

    /** A call site into a library method; through a callbacks-only call, only callbacks propagate. */
    private record CallerSite(MethodRef caller, int line, boolean cold, boolean callbacksOnly) {
    }

    private final CallGraph graph;
    private final Map<MethodRef, Map<Key, Witness>> effects = new HashMap<>();
    private final Map<MethodRef, Map<Callback, CallbackWitness>> callbacks = new HashMap<>();

    LibrarySummaries(CallGraph graph, LocalEvents localEvents) {
        this.graph = graph;
        List<CallGraph.Node> library = new ArrayList<>();
        for (CallGraph.Node n : graph.nodes()) {
            if (!n.isInput()) {
                library.add(n);
            }
        }
        for (CallGraph.Node n : library) {
            for (Event e : localEvents.of(n)) {
                effectsOf(n.ref()).putIfAbsent(new Key(e.rule(), e.cold()), new Witness(e.line(), e, null, null));
            }
            for (Call call : n.calls()) {
                if (call.target() instanceof Target.Method m && graph.node(m.ref()).isInput()) {
                    callbacksOf(n.ref()).putIfAbsent(new Callback(m.ref(), call.site().cold()),
                            new CallbackWitness(call.site().line(), null, null));
                }
            }
        }
        addRecursion(library);
        propagate(library);
    }

    private Map<Key, Witness> effectsOf(MethodRef m) {
        return effects.computeIfAbsent(m, k -> new LinkedHashMap<>());
    }

    private Map<Callback, CallbackWitness> callbacksOf(MethodRef m) {
        return callbacks.computeIfAbsent(m, k -> new LinkedHashMap<>());
    }

    /** Every library method on a call cycle among library methods has a recursion event at its call into the cycle. */
    private void addRecursion(List<CallGraph.Node> library) {
        Map<MethodRef, Integer> index = new HashMap<>();
        for (int i = 0; i < library.size(); i++) {
            index.put(library.get(i).ref(), i);
        }
        List<int[]> successors = new ArrayList<>(library.size());
        for (CallGraph.Node n : library) {
            successors.add(n.calls().stream()
                    .filter(c -> c.target() instanceof Target.Method m && index.containsKey(m.ref()))
                    .mapToInt(c -> index.get(((Target.Method) c.target()).ref()))
                    .toArray());
        }
        int[] component = Cycles.components(successors);
        boolean[] onCycle = Cycles.onCycle(successors);
        Map<Integer, Integer> componentSize = new HashMap<>();
        for (int c : component) {
            componentSize.merge(c, 1, Integer::sum);
        }
        for (int i = 0; i < library.size(); i++) {
            if (!onCycle[i]) {
                continue;
            }
            CallGraph.Node n = library.get(i);
            for (Call call : n.calls()) {
                if (call.target() instanceof Target.Method m && index.containsKey(m.ref())
                        && component[index.get(m.ref())] == component[i]) {
                    int size = componentSize.get(component[i]);
                    String message = size == 1
                            ? Names.method(n.ref()) + " calls itself"
                            : Names.method(n.ref()) + " is on a call cycle of " + size + " library methods (through "
                                    + Names.method(m.ref()) + ")";
                    effectsOf(n.ref()).putIfAbsent(new Key(Rule.RECURSION, call.site().cold()),
                            new Witness(call.site().line(), new Event(Rule.RECURSION, call.site().cold(),
                                    call.site().line(), message, m.ref(), null), null, null));
                    break;
                }
            }
        }
    }

    private void propagate(List<CallGraph.Node> library) {
        Map<MethodRef, List<CallerSite>> callers = new HashMap<>();
        for (CallGraph.Node n : library) {
            for (Call call : n.calls()) {
                MethodRef callee = PathAnalysis.followed(call.target());
                if (callee != null && !graph.node(callee).isInput()) {
                    callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(new CallerSite(n.ref(),
                            call.site().line(), call.site().cold(), call.target() instanceof Target.CallbacksOnly));
                }
            }
        }
        Deque<MethodRef> work = new ArrayDeque<>();
        Set<MethodRef> queued = new HashSet<>();
        for (CallGraph.Node n : library) {
            if (effects.containsKey(n.ref()) || callbacks.containsKey(n.ref())) {
                work.add(n.ref());
                queued.add(n.ref());
            }
        }
        while (!work.isEmpty()) {
            MethodRef callee = work.poll();
            queued.remove(callee);
            List<Map.Entry<Key, Witness>> calleeEffects = new ArrayList<>(effects.getOrDefault(callee, Map.of()).entrySet());
            List<Callback> calleeCallbacks = new ArrayList<>(callbacks.getOrDefault(callee, Map.of()).keySet());
            for (CallerSite site : callers.getOrDefault(callee, List.of())) {
                boolean changed = false;
                for (Map.Entry<Key, Witness> e : site.callbacksOnly() ? List.<Map.Entry<Key, Witness>>of() : calleeEffects) {
                    Key key = new Key(e.getKey().rule(), e.getKey().cold() || site.cold());
                    if (!effectsOf(site.caller()).containsKey(key)) {
                        effectsOf(site.caller()).put(key, new Witness(site.line(), null, callee, e.getKey()));
                        changed = true;
                    }
                }
                for (Callback cb : calleeCallbacks) {
                    Callback key = new Callback(cb.user(), cb.cold() || site.cold());
                    if (!callbacksOf(site.caller()).containsKey(key)) {
                        callbacksOf(site.caller()).put(key, new CallbackWitness(site.line(), callee, cb));
                        changed = true;
                    }
                }
                if (changed && queued.add(site.caller())) {
                    work.add(site.caller());
                }
            }
        }
    }

    /** The effects of a library method, in the order they were found. */
    Map<Key, Witness> effects(MethodRef method) {
        return effects.getOrDefault(method, Map.of());
    }

    Set<Callback> callbacks(MethodRef method) {
        return callbacks.getOrDefault(method, Map.of()).keySet();
    }

    /** The frames from a library method to the event behind one of its effects. */
    List<Frame> chain(MethodRef method, Key key) {
        List<Frame> frames = new ArrayList<>();
        MethodRef m = method;
        Key k = key;
        while (true) {
            Witness w = effects.get(m).get(k);
            frames.add(new Frame(m.toId(), w.line()));
            if (w.local() != null) {
                if (w.local().target() != null) {
                    frames.add(new Frame(w.local().target().toId(), 0));
                }
                return frames;
            }
            m = w.next();
            k = w.nextKey();
        }
    }

    /** The event at the end of an effect's chain. */
    Event event(MethodRef method, Key key) {
        MethodRef m = method;
        Key k = key;
        while (true) {
            Witness w = effects.get(m).get(k);
            if (w.local() != null) {
                return w.local();
            }
            m = w.next();
            k = w.nextKey();
        }
    }

    /** The method in which the event at the end of an effect's chain happens. */
    MethodRef eventMethod(MethodRef method, Key key) {
        MethodRef m = method;
        Key k = key;
        while (true) {
            Witness w = effects.get(m).get(k);
            if (w.local() != null) {
                return m;
            }
            m = w.next();
            k = w.nextKey();
        }
    }

    /** The library frames from a library method to its call into a user method. */
    List<Frame> callbackChain(MethodRef method, Callback key) {
        List<Frame> frames = new ArrayList<>();
        MethodRef m = method;
        Callback k = key;
        while (true) {
            CallbackWitness w = callbacks.get(m).get(k);
            frames.add(new Frame(m.toId(), w.line()));
            if (w.next() == null) {
                return frames;
            }
            m = w.next();
            k = w.nextKey();
        }
    }
}
