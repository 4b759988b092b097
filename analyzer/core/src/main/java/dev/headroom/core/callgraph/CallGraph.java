package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.LoadedClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.MethodNode;

/**
 * The methods reachable from the roots, each with the calls it makes, in discovery order. Each node has
 * its number in that order ({@link #number}): the analyses keep what they know of a method in arrays
 * indexed by it instead of maps of their own.
 */
public final class CallGraph {
    private final Map<MethodRef, Node> nodes = new HashMap<>();
    private final List<Node> order = new ArrayList<>();

    /** A reached method. */
    public static final class Node {
        private final MethodRef ref;
        private final Hierarchy.Declared declared;
        private final MethodFacts facts;
        private final List<Call> calls = new ArrayList<>();
        /** The calls as the analyses read them, made once: they ask for them per node and walk (a million calls). */
        private final List<Call> readOnlyCalls = Collections.unmodifiableList(calls);
        /** By call: the number of the node whose bytecode it leads into in the reached graph, or -1. */
        private int[] callees;
        /** The node's place in the last graph that added it (the reached graph, once built). */
        private int number = -1;
        /** The target of every call that leads here: one object for all of them (Guava's graph has a million). */
        private Target.Method asTarget;
        /** The builder's state of this node while the graph is built; null after. */
        Building building = new Building();

        Node(MethodRef ref, Hierarchy.Declared declared, MethodFacts facts) {
            this.ref = ref;
            this.declared = declared;
            this.facts = facts;
        }

        public MethodRef ref() {
            return ref;
        }

        /** The node's number in the reached graph. */
        public int number() {
            return number;
        }

        public LoadedClass owner() {
            return declared.owner();
        }

        Hierarchy.Declared declared() {
            return declared;
        }

        /** Whether the method has this access flag (read without its code, see {@link LoadedClass#skeleton()}). */
        public boolean is(int flag) {
            return declared.is(flag);
        }

        /** The method's tree (its class's current one: hold it while reading it, see {@link LoadedClass}). */
        public MethodNode method() {
            return declared.method();
        }

        Target.Method asTarget() {
            if (asTarget == null) {
                asTarget = new Target.Method(ref);
            }
            return asTarget;
        }

        public MethodFacts facts() {
            return facts;
        }

        /** True for a method of the user's classes (the inputs). */
        public boolean isInput() {
            return declared.owner().input();
        }

        public List<Call> calls() {
            return readOnlyCalls;
        }

        /**
         * The number of the node the {@code i}th call leads into (a {@link Target.Method} or a
         * {@link Target.CallbacksOnly}), numbered once for every analysis; -1 for a call that is not followed.
         */
        public int callee(int i) {
            return callees[i];
        }

        void addCall(Call call) {
            calls.add(call);
        }
    }

    /** What {@link CallGraphBuilder} knows of a node while it builds the graph. */
    static final class Building {
        boolean fullyReached;
        boolean processed;
        /** Processed inside summarised code, its cold calls left out for now. */
        boolean coldCallsPending;
        boolean ownCreationsNoted;
        /** Under VTA, the call argument and result nodes by instruction index. */
        FlowInterpreter.CallValues[] callValues;
    }

    /** Drops the builder's state of every node, the type flow it holds among it. */
    void built() {
        for (Node n : nodes.values()) {
            n.building = null;
        }
    }

    Node add(Node node) {
        nodes.put(node.ref(), node);
        node.number = order.size();
        order.add(node);
        return node;
    }

    /** A method's number in this graph (0 to size - 1, in discovery order), or -1 when it is not in it. */
    public int number(MethodRef ref) {
        Node n = nodes.get(ref);
        if (n == null) {
            return -1;
        }
        if (n.number >= order.size() || order.get(n.number) != n) {
            throw new IllegalStateException(ref + " is numbered by another graph");
        }
        return n.number;
    }

    /** The node with a number. */
    public Node node(int number) {
        return order.get(number);
    }

    public Node node(MethodRef ref) {
        return nodes.get(ref);
    }

    public boolean contains(MethodRef ref) {
        return nodes.containsKey(ref);
    }

    public Iterable<Node> nodes() {
        return Collections.unmodifiableList(order);
    }

    public int size() {
        return nodes.size();
    }

    /**
     * The part of this graph the roots reach, breadth first from the roots in order (the same nodes). Each call's
     * callee is looked up once: the walk marks the nodes it reached by their number in this graph, and numbers
     * each callee as it meets it, so the calls' callee numbers are filled in on the way.
     */
    CallGraph reachableFrom(List<MethodRef> roots) {
        for (int i = 0; i < order.size(); i++) {
            order.get(i).number = i; // this graph's numbers: a reached part made of it before renumbered its nodes
        }
        int[] reachedAs = new int[order.size()];
        Arrays.fill(reachedAs, -1);
        List<Node> reached = new ArrayList<>();
        for (MethodRef root : roots) {
            Node n = nodes.get(root);
            if (n != null && reachedAs[n.number] < 0) {
                reachedAs[n.number] = reached.size();
                reached.add(n);
            }
        }
        for (int next = 0; next < reached.size(); next++) {
            Node n = reached.get(next);
            n.callees = new int[n.calls.size()];
            for (int i = 0; i < n.callees.length; i++) {
                MethodRef callee = Target.followed(n.calls.get(i).target());
                if (callee == null) {
                    n.callees[i] = -1;
                    continue;
                }
                Node c = nodes.get(callee);
                if (reachedAs[c.number] < 0) {
                    reachedAs[c.number] = reached.size();
                    reached.add(c);
                }
                n.callees[i] = reachedAs[c.number];
            }
        }
        CallGraph graph = new CallGraph();
        for (Node n : reached) {
            graph.add(n);
        }
        return graph;
    }
}
