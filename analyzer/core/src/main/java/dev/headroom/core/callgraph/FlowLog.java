package dev.headroom.core.callgraph;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What one scan of a method did to the flow, step by step and in order, so that the same steps can be taken
 * again without the method's code (a JDK method's, kept per JDK: issue 15): the nodes it made, the edges it
 * added, the fields and created types it looked up, the nodes it made hold unknown, and each call's argument and
 * result nodes by instruction. Taking the steps again ({@link #replay}) gives the flow the same calls in the same
 * order as the scan, so everything that follows is the same.
 *
 * <p>Nodes are named by what they are to the method: its own parameters and result, the unknown node, the
 * nodes it made (in order) and the nodes it looked up (in order of first lookup; a lookup with side effects, such
 * as a field of a class outside the inputs first made to hold unknown, is taken again at the same step).
 */
final class FlowLog {
    private static final int NODE = 0;
    private static final int EDGE = 1;
    private static final int FILTERED_EDGE = 2;
    private static final int ADD_UNKNOWN = 3;
    private static final int FIELD = 4;
    private static final int CONSTANT = 5;

    /** Kinds of node reference, in the low bits of a reference; the high bits number it within its kind. */
    private static final int MADE = 0;
    private static final int LOOKED_UP = 1;
    private static final int UNKNOWN = 2;
    private static final int PARAMETER = 3;
    private static final int RESULT = 4;
    private static final int KIND_BITS = 3;
    private static final int NONE = -1;

    /** The steps: each an op followed by its operands (node references, or indexes into {@link #names}). */
    private final int[] steps;
    /** Field owners, names and descriptors, filters, created types (internal names or lambda shapes). */
    private final Object[] names;
    /** By instruction: null, or the call's result then its arguments, as node references ({@link #NONE} for none). */
    private final int[][] calls;

    private FlowLog(int[] steps, Object[] names, int[][] calls) {
        this.steps = steps;
        this.names = names;
        this.calls = calls;
    }

    /** Takes the steps again on {@code sink}, for a method whose own nodes are {@code own}; returns its calls' nodes. */
    FlowInterpreter.CallValues[] replay(FlowSink sink, ProgramFlow.MethodNodes own) {
        List<TypeFlow.Node> made = new ArrayList<>();
        List<TypeFlow.Node> lookedUp = new ArrayList<>();
        Nodes nodes = new Nodes(sink, own, made, lookedUp);
        int at = 0;
        while (at < steps.length) {
            switch (steps[at++]) {
                case NODE -> made.add(sink.node());
                case EDGE -> sink.edge(nodes.of(steps[at++]), nodes.of(steps[at++]));
                case FILTERED_EDGE -> sink.filteredEdge(nodes.of(steps[at++]), nodes.of(steps[at++]), (String) names[steps[at++]]);
                case ADD_UNKNOWN -> sink.addUnknown(nodes.of(steps[at++]));
                case FIELD -> lookedUp.add(sink.field((String) names[steps[at++]], (String) names[steps[at++]],
                        (String) names[steps[at++]]));
                case CONSTANT -> lookedUp.add(sink.constant(names[steps[at++]]));
                default -> throw new IllegalStateException("not a flow step: " + steps[at - 1]);
            }
        }
        if (calls == null) {
            return null;
        }
        FlowInterpreter.CallValues[] values = new FlowInterpreter.CallValues[calls.length];
        for (int i = 0; i < calls.length; i++) {
            int[] call = calls[i];
            if (call != null) {
                TypeFlow.Node[] arguments = new TypeFlow.Node[call.length - 1];
                for (int k = 0; k < arguments.length; k++) {
                    arguments[k] = nodes.of(call[k + 1]);
                }
                values[i] = new FlowInterpreter.CallValues(arguments, nodes.of(call[0]));
            }
        }
        return values;
    }

    /** The same steps, names and calls: what a scan and the replay of its log both did. */
    boolean sameSteps(FlowLog other) {
        return Arrays.equals(steps, other.steps) && Arrays.equals(names, other.names) && Arrays.deepEquals(calls, other.calls);
    }

    int stepCount() {
        return steps.length;
    }

    private static final int STRING = 0;
    private static final int LAMBDA = 1;

    /** Writes the log for {@link #readFrom}: the steps, the names (strings and lambda shapes), the calls. */
    void writeTo(DataOutput out) throws IOException {
        CacheCodec.writeInts(out, steps);
        out.writeInt(names.length);
        for (Object name : names) {
            if (name instanceof String text) {
                out.writeByte(STRING);
                out.writeUTF(text);
            } else {
                out.writeByte(LAMBDA);
                CacheCodec.writeLambda(out, (Site.LambdaShape) name);
            }
        }
        out.writeInt(calls == null ? -1 : calls.length);
        if (calls != null) {
            for (int[] call : calls) {
                CacheCodec.writeInts(out, call);
            }
        }
    }

    /**
     * Reads a log {@link #writeTo} wrote.
     *
     * @param pool the run's pool of names: a name read is the run's own string, as if read from a class file
     */
    static FlowLog readFrom(DataInput in, UnaryOperator<String> pool) throws IOException {
        int[] steps = CacheCodec.readInts(in);
        if (steps == null) {
            throw new IOException("not a flow log: no steps");
        }
        Object[] names = new Object[in.readInt()];
        for (int i = 0; i < names.length; i++) {
            int kind = in.readByte();
            if (kind == STRING) {
                names[i] = pool.apply(in.readUTF());
            } else if (kind == LAMBDA) {
                names[i] = CacheCodec.readLambda(in, pool);
            } else {
                throw new IOException("not a flow log: a name of kind " + kind);
            }
        }
        int callCount = in.readInt();
        int[][] calls = callCount < 0 ? null : new int[callCount][];
        for (int i = 0; i < callCount; i++) {
            calls[i] = CacheCodec.readInts(in);
        }
        return new FlowLog(steps, names, calls);
    }

    /** Resolves node references during a replay. */
    private record Nodes(FlowSink sink, ProgramFlow.MethodNodes own, List<TypeFlow.Node> made, List<TypeFlow.Node> lookedUp) {
        TypeFlow.Node of(int reference) {
            if (reference == NONE) {
                return null;
            }
            int number = reference >>> KIND_BITS;
            return switch (reference & ((1 << KIND_BITS) - 1)) {
                case MADE -> made.get(number);
                case LOOKED_UP -> lookedUp.get(number);
                case UNKNOWN -> sink.unknown();
                case PARAMETER -> own.parameter(number);
                case RESULT -> own.result();
                default -> throw new IllegalStateException("not a node reference: " + reference);
            };
        }
    }

    /** A sink in front of another that writes down every step it passes on. */
    static final class Recorder implements FlowSink {
        private final FlowSink target;
        private final Map<TypeFlow.Node, Integer> references = new IdentityHashMap<>();
        /** What this scan has looked up: a later lookup of the same takes no step of its own. */
        private final Set<List<Object>> lookups = new HashSet<>();
        private final List<Object> names = new ArrayList<>();
        private final Map<Object, Integer> nameIndexes = new HashMap<>();
        private int[] steps = new int[64];
        private int size;
        private int made;
        private int lookedUp;

        /** @param own the scanned method's own nodes (its copy's, for a copy per receiver class) */
        Recorder(FlowSink target, ProgramFlow.MethodNodes own) {
            this.target = target;
            for (int i = 0; i < own.parameters().length; i++) {
                if (own.parameters()[i] != null) {
                    references.putIfAbsent(own.parameters()[i], reference(PARAMETER, i));
                }
            }
            if (own.result() != null) {
                references.putIfAbsent(own.result(), reference(RESULT, 0));
            }
            references.putIfAbsent(target.unknown(), reference(UNKNOWN, 0));
        }

        private static int reference(int kind, int number) {
            return (number << KIND_BITS) | kind;
        }

        private void step(int... values) {
            if (size + values.length > steps.length) {
                steps = Arrays.copyOf(steps, Math.max(steps.length * 2, size + values.length));
            }
            System.arraycopy(values, 0, steps, size, values.length);
            size += values.length;
        }

        private int name(Object name) {
            return nameIndexes.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size() - 1;
            });
        }

        private int referenceOf(TypeFlow.Node node) {
            if (node == null) {
                return NONE;
            }
            Integer reference = references.get(node);
            if (reference == null) {
                // An Error, not a RuntimeException: the scan takes those for bytecode it cannot follow and goes on
                // with ASM's analyzer, which would leave a log that no longer matches what the flow was given.
                throw new AssertionError("a node the scan neither made nor looked up");
            }
            return reference;
        }

        private TypeFlow.Node lookedUp(List<Object> key, TypeFlow.Node node) {
            lookups.add(key);
            references.putIfAbsent(node, reference(LOOKED_UP, lookedUp));
            lookedUp++;
            return node;
        }

        @Override
        public TypeFlow.Node node() {
            TypeFlow.Node node = target.node();
            references.put(node, reference(MADE, made++));
            step(NODE);
            return node;
        }

        @Override
        public void edge(TypeFlow.Node from, TypeFlow.Node to) {
            step(EDGE, referenceOf(from), referenceOf(to));
            target.edge(from, to);
        }

        @Override
        public void filteredEdge(TypeFlow.Node from, TypeFlow.Node to, String filter) {
            step(FILTERED_EDGE, referenceOf(from), referenceOf(to), name(filter));
            target.filteredEdge(from, to, filter);
        }

        @Override
        public void addUnknown(TypeFlow.Node node) {
            step(ADD_UNKNOWN, referenceOf(node));
            target.addUnknown(node);
        }

        @Override
        public TypeFlow.Node field(String owner, String name, String descriptor) {
            List<Object> key = List.of("field", owner, name, descriptor);
            if (lookups.contains(key)) { // looked up before in this scan: no step of its own
                return target.field(owner, name, descriptor);
            }
            step(FIELD, name(owner), name(name), name(descriptor));
            return lookedUp(key, target.field(owner, name, descriptor));
        }

        @Override
        public TypeFlow.Node constant(Object type) {
            List<Object> key = List.of("constant", type);
            if (lookups.contains(key)) {
                return target.constant(type);
            }
            step(CONSTANT, name(type));
            return lookedUp(key, target.constant(type));
        }

        @Override
        public TypeFlow.Node unknown() {
            return target.unknown();
        }

        /** The log, with the calls' nodes the scan returned (null when it returned none). */
        FlowLog log(FlowInterpreter.CallValues[] scanned) {
            int[][] calls = null;
            if (scanned != null) {
                calls = new int[scanned.length][];
                for (int i = 0; i < scanned.length; i++) {
                    FlowInterpreter.CallValues call = scanned[i];
                    if (call != null) {
                        int[] refs = new int[call.arguments().length + 1];
                        refs[0] = referenceOf(call.result());
                        for (int k = 0; k < call.arguments().length; k++) {
                            refs[k + 1] = referenceOf(call.arguments()[k]);
                        }
                        calls[i] = refs;
                    }
                }
            }
            return new FlowLog(Arrays.copyOf(steps, size), names.toArray(), calls);
        }
    }
}
