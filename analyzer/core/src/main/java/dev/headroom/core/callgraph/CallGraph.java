package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.LoadedClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.MethodNode;

/** The methods reachable from the roots, each with the calls it makes, in discovery order. */
public final class CallGraph {
    private final Map<MethodRef, Node> nodes = new LinkedHashMap<>();

    /** A reached method. */
    public static final class Node {
        private final MethodRef ref;
        private final LoadedClass owner;
        private final MethodNode method;
        private final MethodFacts facts;
        private final List<Call> calls = new ArrayList<>();

        Node(MethodRef ref, LoadedClass owner, MethodNode method, MethodFacts facts) {
            this.ref = ref;
            this.owner = owner;
            this.method = method;
            this.facts = facts;
        }

        public MethodRef ref() {
            return ref;
        }

        public LoadedClass owner() {
            return owner;
        }

        public MethodNode method() {
            return method;
        }

        public MethodFacts facts() {
            return facts;
        }

        /** True for a method of the user's classes (the inputs). */
        public boolean isInput() {
            return owner.input();
        }

        public List<Call> calls() {
            return Collections.unmodifiableList(calls);
        }

        void addCall(Call call) {
            calls.add(call);
        }
    }

    Node add(Node node) {
        nodes.put(node.ref(), node);
        return node;
    }

    public Node node(MethodRef ref) {
        return nodes.get(ref);
    }

    public boolean contains(MethodRef ref) {
        return nodes.containsKey(ref);
    }

    public Iterable<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public int size() {
        return nodes.size();
    }
}
