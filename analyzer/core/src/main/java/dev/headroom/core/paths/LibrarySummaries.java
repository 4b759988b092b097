package dev.headroom.core.paths;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each reached library method may do, transitively: for every rule (hot and cold apart), one
 * witness of how. Computed once for the whole graph by propagating effects from callees to callers, level
 * by level: each method keeps the witness with the shortest chain to an event, the least by line and callee
 * among equally short ones. So a witness chain always leads to an event and never loops, and a method's
 * witness depends only on what it reaches, not on which roots the run has or the order they were found in.
 */
final class LibrarySummaries {
    /** A rule, and whether every path to it is cold. */
    record Key(Rule rule, boolean cold) {
        // Written out, with the generated methods' hash (maps keep their order): those run through method handles
        // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Key k && rule == k.rule && cold == k.cold;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(rule) * 31 + Boolean.hashCode(cold);
        }
    }

    /** How a method has an effect: by an event of its own, or by a call at a line to a callee that has it. */
    record Witness(int line, Event local, MethodRef next, Key nextKey) {
    }

    /** A call site into a library method; through a callbacks-only call, only callbacks propagate. */
    private record CallerSite(MethodRef caller, int line, boolean cold, boolean callbacksOnly) {
    }

    private final CallGraph graph;
    private final Map<MethodRef, Map<Key, Witness>> effects = new HashMap<>();

    /** @param hotCycles the cycles through hot calls only (recursion on other cycles is cold) */
    LibrarySummaries(CallGraph graph, LocalEvents localEvents, CallCycles cycles, CallCycles hotCycles) {
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
        }
        addRecursion(library, cycles, hotCycles);
        propagate(library);
    }

    /** Effects in a fixed order, whatever order they were found in: by rule, the hot one first. */
    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::rule).thenComparing(Key::cold);

    private Map<Key, Witness> effectsOf(MethodRef m) {
        return effects.computeIfAbsent(m, k -> new TreeMap<>(KEY_ORDER));
    }

    /**
     * Every library method on a call cycle has a recursion event at its first call that stays on the cycle,
     * and at its first hot one when that call is cold (made from cold code, or on a cycle that only cold
     * calls close): a cold call back into the cycle does not make the method's recursion cold.
     */
    private void addRecursion(List<CallGraph.Node> library, CallCycles cycles, CallCycles hotCycles) {
        for (CallGraph.Node n : library) {
            if (!cycles.isOnCycle(n.ref())) {
                continue;
            }
            List<Call> calls = n.calls();
            for (int c = 0; c < calls.size(); c++) {
                Call call = calls.get(c);
                if (cycles.staysOnCycle(n, c)) {
                    MethodRef next = ((Target.Method) call.target()).ref();
                    int size = cycles.cycleSize(n.ref());
                    String message = next.equals(n.ref())
                            ? Names.method(n.ref()) + " calls itself"
                            : Names.method(n.ref()) + " is on a call cycle of " + size + " methods (through "
                                    + Names.method(next) + ")";
                    boolean cold = call.site().cold() || !hotCycles.staysOnCycle(n, c);
                    effectsOf(n.ref()).putIfAbsent(new Key(Rule.RECURSION, cold),
                            new Witness(call.site().line(), new Event(Rule.RECURSION, cold,
                                    call.site().line(), message, next, null), null, null));
                    if (!cold) {
                        break;
                    }
                }
            }
        }
    }

    private void propagate(List<CallGraph.Node> library) {
        Map<MethodRef, List<CallerSite>> callers = new HashMap<>();
        for (CallGraph.Node n : library) {
            List<Call> calls = n.calls();
            for (int c = 0; c < calls.size(); c++) {
                Call call = calls.get(c);
                MethodRef callee = Target.followed(call.target());
                if (callee != null && !graph.node(n.callee(c)).isInput()) {
                    callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(new CallerSite(n.ref(),
                            call.site().line(), call.site().cold(), call.target() instanceof Target.CallbacksOnly));
                }
            }
        }
        // Level d holds the effects whose shortest chain has d calls; a level's witnesses are final before the
        // next level is built from them.
        Map<MethodRef, Set<Key>> level = new LinkedHashMap<>();
        for (CallGraph.Node n : library) {
            if (effects.containsKey(n.ref())) {
                level.put(n.ref(), new HashSet<>(effects.get(n.ref()).keySet()));
            }
        }
        while (!level.isEmpty()) {
            Map<MethodRef, Set<Key>> next = new LinkedHashMap<>();
            for (Map.Entry<MethodRef, Set<Key>> entry : level.entrySet()) {
                MethodRef callee = entry.getKey();
                for (CallerSite site : callers.getOrDefault(callee, List.of())) {
                    if (site.callbacksOnly()) {
                        continue; // the summarised method's own entry speaks for what it does
                    }
                    for (Key calleeKey : entry.getValue()) {
                        Key key = new Key(calleeKey.rule(), calleeKey.cold() || site.cold());
                        Witness candidate = new Witness(site.line(), null, callee, calleeKey);
                        Map<Key, Witness> callerEffects = effectsOf(site.caller());
                        Witness known = callerEffects.get(key);
                        Set<Key> added = next.get(site.caller());
                        boolean sameLevel = added != null && added.contains(key);
                        if (known == null || (sameLevel && BY_LINE_AND_CALLEE.compare(candidate, known) < 0)) {
                            callerEffects.put(key, candidate);
                            next.computeIfAbsent(site.caller(), k -> new HashSet<>()).add(key);
                        }
                    }
                }
            }
            level = next;
        }
    }

    /** Among witnesses of one length: the earliest line, then the least callee, then a hot callee effect. */
    private static final Comparator<Witness> BY_LINE_AND_CALLEE = Comparator.comparingInt(Witness::line)
            .thenComparing(Witness::next).thenComparing(w -> w.nextKey().cold());

    /** The effects of a library method, by rule, the hot one first. */
    Map<Key, Witness> effects(MethodRef method) {
        return effects.getOrDefault(method, Map.of());
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

    /** The event at the end of an effect's chain, and the method it happens in. */
    record Origin(MethodRef method, Event event) {
    }

    Origin origin(MethodRef method, Key key) {
        MethodRef m = method;
        Key k = key;
        while (true) {
            Witness w = effects.get(m).get(k);
            if (w.local() != null) {
                return new Origin(m, w.local());
            }
            m = w.next();
            k = w.nextKey();
        }
    }
}
