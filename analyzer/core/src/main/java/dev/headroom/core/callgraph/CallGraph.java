package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.LoadedClass;
import java.util.ArrayDeque;
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

    /** The part of this graph the roots reach, breadth first from the roots in order (the same nodes). */
    CallGraph reachableFrom(List<MethodRef> roots) {
        CallGraph reached = new CallGraph();
        ArrayDeque<Node> queue = new ArrayDeque<>();
        for (MethodRef root : roots) {
            Node n = nodes.get(root);
            if (n != null && !reached.contains(root)) {
                queue.add(reached.add(n));
            }
        }
        while (!queue.isEmpty()) {
            for (Call call : queue.poll().calls) {
                MethodRef callee = call.target() instanceof Target.Method m ? m.ref()
                        : call.target() instanceof Target.CallbacksOnly c ? c.ref() : null;
                if (callee != null && !reached.contains(callee)) {
                    queue.add(reached.add(nodes.get(callee)));
                }
            }
        }
        return reached;
    }
}
