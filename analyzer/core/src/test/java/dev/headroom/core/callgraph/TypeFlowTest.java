package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The type flow's nodes keep each set as its one member, as an array, then indexed ({@code TypeFlow.Node}): on random
 * graphs every node's listener hears exactly the types of the least fixpoint a plain model computes, each once. Edges
 * are plain, filtered or unknown-only, some added by listeners while the flow steps through the very node they leave;
 * hubs have many edges out and many types, past the index threshold. ("Each once" as {@code TypeFlow.listen} says:
 * for listeners added while their node has no type waiting to step; the call-graph builder's listeners would do the
 * same work again, harmlessly.)
 */
class TypeFlowTest {
    private static final int TYPES = 14;
    private static final int NODES = 120;

    /** T0 is above every type; otherwise a type is below another of the same remainder mod 3 and a lower number. */
    private static boolean isSubtype(String type, String supertype) {
        int t = Integer.parseInt(type.substring(1));
        int s = Integer.parseInt(supertype.substring(1));
        return s == 0 || t == s || (t % 3 == s % 3 && t > s);
    }

    private record ModelEdge(int from, int to, String filter) {
        boolean passes(String type) {
            return filter == null || isSubtype(type, filter);
        }
    }

    /** An edge a listener adds once its node holds a type. */
    private record Triggered(int node, String when, int to, String filter) {
    }

    @Test
    void listenersHearTheLeastFixpointOnRandomGraphs() {
        List<String> mismatches = new ArrayList<>();
        Set<String> held = new TreeSet<>();
        for (int seed = 0; seed < 40; seed++) {
            check(new Random(seed), seed, mismatches, held);
        }
        assertEquals(List.of(), mismatches);
        // Coverage of the fixtures: the sets heard have sizes of each of the set's three forms (one member; an array
        // up to SmallSet.INDEX_FROM; indexed past it).
        assertEquals(Set.of("array", "indexed", "one member"), held);
    }

    /** @param held gets the forms, by size, of the type sets the listeners heard: one member, an array, indexed */
    private static void check(Random random, int seed, List<String> mismatches, Set<String> held) {
        List<ModelEdge> edges = new ArrayList<>();
        for (int i = 0; i < NODES * 2; i++) {
            edges.add(randomEdge(random, random.nextInt(NODES)));
        }
        for (int hub = 0; hub < 3; hub++) { // many edges out: past the index threshold
            for (int i = 0; i < 20; i++) {
                edges.add(randomEdge(random, hub));
            }
        }
        List<Triggered> triggered = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            triggered.add(new Triggered(random.nextInt(NODES), "T" + random.nextInt(TYPES), random.nextInt(NODES),
                    random.nextBoolean() ? null : "T" + random.nextInt(TYPES)));
        }
        Map<Integer, List<String>> seeds = new HashMap<>();
        for (int i = 0; i < NODES; i++) {
            seeds.computeIfAbsent(random.nextInt(NODES), k -> new ArrayList<>()).add("T" + random.nextInt(TYPES));
        }
        for (int t = 0; t < TYPES; t++) { // a hub with every type: past the index threshold
            seeds.computeIfAbsent(0, k -> new ArrayList<>()).add("T" + t);
        }

        TypeFlow flow = new TypeFlow(TypeFlowTest::isSubtype);
        TypeFlow.Node[] nodes = nodes(flow);
        List<List<Object>> heard = listenToAll(flow, nodes);
        for (Triggered t : triggered) {
            flow.listen(nodes[t.node()], type -> {
                if (type.equals(t.when())) {
                    connect(flow, nodes[t.node()], nodes[t.to()], t.filter());
                }
            });
        }
        for (ModelEdge e : edges) {
            connect(flow, nodes[e.from()], nodes[e.to()], e.filter());
        }
        seeds.forEach((node, types) -> types.forEach(type -> flow.add(nodes[node], type)));
        while (flow.hasPending()) {
            flow.step();
        }

        List<Set<String>> expected = fixpoint(edges, triggered, seeds);
        for (int i = 0; i < NODES; i++) {
            Set<Object> once = new LinkedHashSet<>(heard.get(i));
            if (once.size() != heard.get(i).size() || !once.equals(new LinkedHashSet<>(expected.get(i)))) {
                mismatches.add("seed " + seed + " node " + i + ": heard " + heard.get(i) + ", expected "
                        + expected.get(i));
            }
        }
        for (List<Object> types : heard) {
            if (!types.isEmpty()) {
                held.add(types.size() == 1 ? "one member" : types.size() > SmallSet.INDEX_FROM ? "indexed" : "array");
            }
        }
    }

    private static TypeFlow.Node[] nodes(TypeFlow flow) {
        TypeFlow.Node[] nodes = new TypeFlow.Node[NODES];
        for (int i = 0; i < NODES; i++) {
            nodes[i] = flow.node();
        }
        return nodes;
    }

    /** What each node's listener hears, in order. */
    private static List<List<Object>> listenToAll(TypeFlow flow, TypeFlow.Node[] nodes) {
        List<List<Object>> heard = new ArrayList<>();
        for (TypeFlow.Node node : nodes) {
            List<Object> h = new ArrayList<>();
            heard.add(h);
            flow.listen(node, h::add);
        }
        return heard;
    }

    private static ModelEdge randomEdge(Random random, int from) {
        int to = random.nextInt(NODES);
        return random.nextInt(4) == 0 ? new ModelEdge(from, to, "T" + random.nextInt(TYPES))
                : new ModelEdge(from, to, null);
    }

    private static void connect(TypeFlow flow, TypeFlow.Node from, TypeFlow.Node to, String filter) {
        if (filter != null) {
            flow.filteredEdge(from, to, filter);
        } else {
            flow.edge(from, to);
        }
    }

    /** The least sets closed under the edges, the triggered ones included once their type is there. */
    private static List<Set<String>> fixpoint(List<ModelEdge> edges, List<Triggered> triggered,
                                              Map<Integer, List<String>> seeds) {
        List<Set<String>> sets = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            sets.add(new TreeSet<>(seeds.getOrDefault(i, List.of())));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            List<ModelEdge> all = new ArrayList<>(edges);
            for (Triggered t : triggered) {
                if (sets.get(t.node()).contains(t.when())) {
                    all.add(new ModelEdge(t.node(), t.to(), t.filter()));
                }
            }
            for (ModelEdge e : all) {
                if (e.from() == e.to()) {
                    continue;
                }
                for (String type : List.copyOf(sets.get(e.from()))) {
                    if (e.passes(type)) {
                        changed |= sets.get(e.to()).add(type);
                    }
                }
            }
        }
        return sets;
    }

    /**
     * Unknown and widening: a node that holds unknown takes no other type after it, and one that would hold more than
     * {@value TypeFlow#WIDEN_AT} types holds unknown instead. Which types a node kept before unknown came depends on
     * the order, so the check is what does not: the nodes that end with unknown are those below an unknown seed or a
     * node whose fixpoint is wider than the threshold; the others hear exactly their fixpoint; a node with unknown
     * hears only fixpoint types before it and nothing after it. Listeners are added both before the types and once the
     * flow has settled (they then hear what the node holds).
     */
    @Test
    void unknownAndWideningKeepWhatTheOrderCannotChange() {
        List<String> mismatches = new ArrayList<>();
        Set<String> cases = new TreeSet<>();
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(1000 + seed);
            int types = 40; // past the threshold at the widest nodes
            List<ModelEdge> edges = new ArrayList<>();
            for (int i = 0; i < NODES * 2; i++) {
                int to = random.nextInt(NODES);
                int from = random.nextInt(NODES);
                edges.add(random.nextInt(4) == 0 ? new ModelEdge(from, to, "T" + random.nextInt(types))
                        : new ModelEdge(from, to, null));
            }
            Map<Integer, List<Object>> seeds = new HashMap<>();
            for (int t = 0; t < types; t++) { // node 1 holds every type: widened
                seeds.computeIfAbsent(1, k -> new ArrayList<>()).add("T" + t);
            }
            for (int i = 0; i < NODES; i++) {
                seeds.computeIfAbsent(random.nextInt(NODES), k -> new ArrayList<>()).add("T" + random.nextInt(types));
            }
            seeds.computeIfAbsent(random.nextInt(NODES), k -> new ArrayList<>()).add(TypeFlow.UNKNOWN);

            TypeFlow flow = new TypeFlow(TypeFlowTest::isSubtype);
            TypeFlow.Node[] nodes = nodes(flow);
            List<List<Object>> early = listenToAll(flow, nodes);
            for (ModelEdge e : edges) {
                connect(flow, nodes[e.from()], nodes[e.to()], e.filter());
            }
            seeds.forEach((node, list) -> list.forEach(type -> flow.add(nodes[node], type)));
            while (flow.hasPending()) {
                flow.step();
            }
            List<List<Object>> late = listenToAll(flow, nodes);

            Map<Integer, List<String>> namedSeeds = new HashMap<>();
            seeds.forEach((node, list) -> namedSeeds.put(node, list.stream().filter(String.class::isInstance)
                    .map(String.class::cast).toList()));
            List<Set<String>> fixpoint = fixpoint(edges, List.of(), namedSeeds);
            Set<Integer> unknown = new HashSet<>();
            for (int i = 0; i < NODES; i++) {
                if (seeds.getOrDefault(i, List.of()).contains(TypeFlow.UNKNOWN)
                        || fixpoint.get(i).size() > TypeFlow.WIDEN_AT) {
                    unknown.add(i);
                }
            }
            boolean grew = true;
            while (grew) { // unknown passes every edge
                grew = false;
                for (ModelEdge e : edges) {
                    if (e.from() != e.to() && unknown.contains(e.from())) {
                        grew |= unknown.add(e.to());
                    }
                }
            }
            for (int i = 0; i < NODES; i++) {
                List<Object> heard = early.get(i);
                if (heard.contains(TypeFlow.UNKNOWN)) {
                    cases.add(fixpoint.get(i).size() > TypeFlow.WIDEN_AT ? "widened" : "unknown, not widened");
                } else if (!heard.isEmpty()) {
                    cases.add("known types");
                }
                String where = "seed " + seed + " node " + i + ": heard " + heard;
                if (!heard.equals(late.get(i))) {
                    mismatches.add(where + ", a listener added later heard " + late.get(i));
                }
                if (new LinkedHashSet<>(heard).size() != heard.size()) {
                    mismatches.add(where + ", a type twice");
                }
                int at = heard.indexOf(TypeFlow.UNKNOWN);
                if (unknown.contains(i) != (at >= 0)) {
                    mismatches.add(where + (at >= 0 ? ", unknown not expected" : ", unknown expected"));
                } else if (at < 0 && !new LinkedHashSet<>(heard).equals(new LinkedHashSet<Object>(fixpoint.get(i)))) {
                    mismatches.add(where + ", expected " + fixpoint.get(i));
                } else if (at >= 0 && (at != heard.size() - 1 || !fixpoint.get(i).containsAll(heard.subList(0, at))
                        || at > TypeFlow.WIDEN_AT)) {
                    mismatches.add(where + ", expected at most " + TypeFlow.WIDEN_AT + " of " + fixpoint.get(i)
                            + " and then unknown, last");
                }
            }
        }
        assertEquals(List.of(), mismatches);
        // Coverage of the fixtures: nodes end in each of the three ways.
        assertEquals(Set.of("known types", "unknown, not widened", "widened"), cases);
    }
}
