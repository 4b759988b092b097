package dev.headroom.core.callgraph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The types that may flow into each value of the program: nodes (a field, a method's parameter or
 * result, a call's argument or result, a cast) hold sets of types; edges pass them on, optionally only
 * those of a subtype of a filter. A type is a class's internal name, a {@link Site.LambdaShape}, or
 * {@link #UNKNOWN}: a value from code the analysis does not see, which every filter lets through and
 * whose use falls back to the declared type's instantiated subtypes.
 *
 * <p>Propagation is a work list of (node, type) pairs, stepped by the call-graph builder between its
 * own work, so that types and reached methods grow together; sets only grow, so the result does not
 * depend on the order.
 *
 * <p>A node that holds unknown takes no other type (unknown already stands for the classes the program
 * creates below the declared type), and a node that would hold more than {@value #WIDEN_AT} types holds
 * unknown instead: a value that everything flows into (a generic helper's parameter) costs one type, not
 * thousands. The types left out so are classes the program creates, or receivers assumed for calls from
 * outside the inputs, which unknown does not add to what the program creates.
 */
final class TypeFlow {
    /** A value from code the analysis does not see. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "unknown";
        }
    };

    /** Whether a type passes a filter; the hierarchy's subtype test. */
    interface Subtyping {
        boolean isSubtype(String type, String supertype);
    }

    static final int WIDEN_AT = 32;

    /**
     * A value that holds types. Its types, edges and listeners are sets in insertion order, each kept as its one
     * member while it has one (most nodes hold one type and pass it on to one other: at 50,000 generated classes, a
     * million nodes, and an array each was 24 bytes more), as an array while small, and indexed once it grows;
     * appending while iterating by index is safe ({@link #at}). Each node holds its sets' fields itself: the array and
     * the index as {@link SmallSet} keeps them, without a {@code SmallSet} object and its header per set, and the one
     * member before them, which only these sets keep.
     */
    static final class Node {
        /** No member (count 0), the member itself (count 1), or an {@code Object[]} of them. */
        private Object types;
        private int typeCount;
        private MembershipIndex typeIndex;
        private boolean unknown;
        private Object out;
        private int outCount;
        private MembershipIndex outIndex;
        private Object listeners;
        private int listenerCount;

        /** Appends a type unless held already; false when it was. */
        private boolean addType(Object type) {
            if (typeIndex != null ? !typeIndex.add(type) : contains(types, typeCount, type)) {
                return false;
            }
            types = appended(types, typeCount++, type);
            if (typeIndex == null && typeCount > SmallSet.INDEX_FROM) {
                typeIndex = new MembershipIndex((Object[]) types, typeCount);
            }
            return true;
        }

        /** Adds an out edge: a {@link Node} (lets every type through) or an {@link Edge} (filters). */
        private boolean addEdge(Object edge) {
            if (outIndex != null ? !outIndex.add(edge) : contains(out, outCount, edge)) {
                return false;
            }
            out = appended(out, outCount++, edge);
            if (outIndex == null && outCount > SmallSet.INDEX_FROM) {
                outIndex = new MembershipIndex((Object[]) out, outCount);
            }
            return true;
        }

        private void addListener(Consumer<Object> listener) {
            listeners = appended(listeners, listenerCount++, listener);
        }

        Object type(int i) {
            return at(types, typeCount, i);
        }

        private Object edge(int i) {
            return at(out, outCount, i);
        }

        @SuppressWarnings("unchecked")
        private Consumer<Object> listener(int i) {
            return (Consumer<Object>) at(listeners, listenerCount, i);
        }
    }

    /** The {@code i}th member of a set of {@code count} kept as {@link Node} keeps them. */
    private static Object at(Object set, int count, int i) {
        return count == 1 ? set : ((Object[]) set)[i];
    }

    private static boolean contains(Object set, int count, Object member) {
        return count == 1 ? set.equals(member) : count > 1 && SmallSet.contains((Object[]) set, count, member);
    }

    /** The set of {@code count} with {@code member} after them. */
    private static Object appended(Object set, int count, Object member) {
        if (count == 0) {
            return member;
        }
        if (count == 1) {
            return new Object[] {set, member};
        }
        return SmallSet.append((Object[]) set, count, member);
    }

    /** Passes types from one node to another: only types of {@code filter} or below it (null: all), and unknown. */
    private record Edge(Node to, String filter) {
        // Written out, with the generated methods' hash (maps keep their order): those run through method handles
        // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Edge e && Objects.equals(to, e.to) && Objects.equals(filter, e.filter);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(to) * 31 + Objects.hashCode(filter);
        }
    }

    private record Pending(Node node, Object type) {
    }

    private final Subtyping subtyping;
    private final Deque<Pending> pending = new ArrayDeque<>();

    TypeFlow(Subtyping subtyping) {
        this.subtyping = subtyping;
    }

    Node node() {
        return new Node();
    }

    /** Adds a type to a node; it flows on when the builder steps. */
    void add(Node node, Object type) {
        Object added = type != UNKNOWN && (node.unknown || node.typeCount >= WIDEN_AT) ? UNKNOWN : type;
        if (added == UNKNOWN) {
            if (node.unknown) {
                return;
            }
            node.unknown = true;
        }
        if (node.addType(added)) {
            pending.add(new Pending(node, added));
        }
    }

    /** An edge letting every type through: kept as its target node alone (most edges are such). */
    void edge(Node from, Node to) {
        if (from != to && from.addEdge(to)) {
            for (int i = 0, n = from.typeCount; i < n; i++) {
                add(to, from.type(i));
            }
        }
    }

    /** An edge letting through only subtypes of {@code filter} (and unknown). */
    void filteredEdge(Node from, Node to, String filter) {
        edge(from, new Edge(to, filter));
    }

    private void edge(Node from, Edge e) {
        if (from != e.to() && from.addEdge(e)) {
            for (int i = 0, n = from.typeCount; i < n; i++) {
                pass(e, from.type(i));
            }
        }
    }

    /**
     * Calls back for each type the node holds now or later, each once; except that a listener added between a type's
     * arrival and its step hears that type twice, as it is added and again from the step.
     */
    void listen(Node node, Consumer<Object> listener) {
        node.addListener(listener);
        for (int i = 0, n = node.typeCount; i < n; i++) {
            listener.accept(node.type(i));
        }
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Passes one pending type on along the edges of its node and to its listeners. */
    void step() {
        Pending p = pending.poll();
        Node node = p.node();
        for (int i = 0, n = node.outCount; i < n; i++) {
            Object edge = node.edge(i);
            if (edge instanceof Node to) {
                add(to, p.type());
            } else {
                pass((Edge) edge, p.type());
            }
        }
        for (int i = 0, n = node.listenerCount; i < n; i++) {
            node.listener(i).accept(p.type());
        }
    }

    private void pass(Edge e, Object type) {
        if (type == UNKNOWN || e.filter() == null || isSubtype(type, e.filter())) {
            add(e.to(), type);
        }
    }

    /** Whether a class or lambda type is the filter type or below it. */
    boolean isSubtype(Object type, String filter) {
        if (type instanceof Site.LambdaShape lambda) {
            return subtyping.isSubtype(lambda.functionalInterface(), filter);
        }
        return type instanceof String name && subtyping.isSubtype(name, filter);
    }
}
