package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.classpath.TypeHeader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The flow nodes of the whole program for variable-type analysis: one per field (by the class that
 * declares it), per method parameter and result, per created type; and what code Headroom does not see
 * contributes ({@link TypeFlow#UNKNOWN}):
 * <ul>
 *   <li>the parameters of the input methods that code outside the inputs may call (all but private ones),
 *       and their receivers, which are also of the method's own class when it is concrete;</li>
 *   <li>fields declared outside the inputs (library code Headroom does not follow may write them);</li>
 *   <li>array elements, caught exceptions, and the results of calls Headroom does not follow.</li>
 * </ul>
 */
final class ProgramFlow implements FlowSink {
    /** A method's parameter nodes (the receiver first; null for a primitive) and result node (or null). */
    record MethodNodes(TypeFlow.Node[] parameters, TypeFlow.Node result) {
        TypeFlow.Node parameter(int i) {
            return i < parameters.length ? parameters[i] : null;
        }
    }

    private final Hierarchy hierarchy;
    private final TypeFlow flow;
    private final TypeFlow.Node unknown;
    /**
     * Field nodes by the class that declares the field, and by every other reference an instruction makes
     * to it (its owner may be a subclass of the declaring class).
     */
    private final Map<MemberKey, TypeFlow.Node> fields = new HashMap<>();
    private final Map<Object, TypeFlow.Node> constants = new HashMap<>();
    private final Map<MethodRef, MethodNodes> methods = new HashMap<>();
    /** The declared methods' entries of {@link #methods}, by their number. */
    private final ByDeclared<MethodNodes> byDeclared = new ByDeclared<>();

    ProgramFlow(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.flow = new TypeFlow(hierarchy::isSubtype);
        this.unknown = flow.node();
        flow.add(unknown, TypeFlow.UNKNOWN);
    }

    TypeFlow flow() {
        return flow;
    }

    @Override
    public TypeFlow.Node unknown() {
        return unknown;
    }

    @Override
    public TypeFlow.Node node() {
        return flow.node();
    }

    @Override
    public void edge(TypeFlow.Node from, TypeFlow.Node to) {
        flow.edge(from, to);
    }

    @Override
    public void filteredEdge(TypeFlow.Node from, TypeFlow.Node to, String filter) {
        flow.filteredEdge(from, to, filter);
    }

    @Override
    public void addUnknown(TypeFlow.Node node) {
        flow.add(node, TypeFlow.UNKNOWN);
    }

    /** The node holding one created type (a class or a lambda). */
    @Override
    public TypeFlow.Node constant(Object type) {
        return constants.computeIfAbsent(type, t -> {
            TypeFlow.Node n = flow.node();
            flow.add(n, t);
            return n;
        });
    }

    /** The node of a field, by the class that declares it; unknown for fields outside the inputs. */
    @Override
    public TypeFlow.Node field(String owner, String name, String descriptor) {
        MemberKey ref = new MemberKey(owner, name, descriptor);
        TypeFlow.Node known = fields.get(ref);
        if (known == null) {
            known = declaredField(owner, name, descriptor);
            fields.putIfAbsent(ref, known);
        }
        return known;
    }

    private TypeFlow.Node declaredField(String owner, String name, String descriptor) {
        LoadedClass declaring = declaringClass(owner, name, descriptor);
        MemberKey key = new MemberKey(declaring == null ? owner : declaring.internalName(), name, descriptor);
        return fields.computeIfAbsent(key, k -> {
            TypeFlow.Node n = flow.node();
            if (declaring == null || !declaring.input()) {
                flow.add(n, TypeFlow.UNKNOWN);
            }
            return n;
        });
    }

    private LoadedClass declaringClass(String owner, String name, String descriptor) {
        for (String type : hierarchy.supertypes(owner)) {
            Optional<LoadedClass> c = hierarchy.classes().find(type);
            if (c.isPresent()) {
                for (FieldNode f : c.get().skeleton().fields) {
                    if (f.name.equals(name) && f.desc.equals(descriptor)) {
                        return c.get();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The nodes of a method's copy for one receiver class: its own receiver; the other parameters and the
     * result are the declared method's.
     */
    MethodNodes of(Hierarchy.Declared d, MethodRef key) {
        if (key.receiver() == null) {
            return of(d);
        }
        MethodNodes copy = methods.get(key);
        if (copy == null) {
            MethodNodes declared = of(d);
            TypeFlow.Node[] parameters = declared.parameters().clone();
            parameters[0] = flow.node();
            copy = new MethodNodes(parameters, declared.result());
            methods.put(key, copy);
        }
        return copy;
    }

    /** A method's parameter and result nodes, seeded once with what unseen callers may pass. */
    MethodNodes of(Hierarchy.Declared d) {
        MethodNodes known = byDeclared.get(d);
        if (known != null) {
            return known;
        }
        MethodRef ref = d.ref();
        known = methods.get(ref);
        if (known != null) {
            byDeclared.put(d, known);
            return known;
        }
        boolean isStatic = d.is(Opcodes.ACC_STATIC);
        Type[] args = Type.getArgumentTypes(d.signature().desc);
        TypeFlow.Node[] parameters = new TypeFlow.Node[args.length + (isStatic ? 0 : 1)];
        for (int i = 0; i < parameters.length; i++) {
            boolean receiver = !isStatic && i == 0;
            Type t = receiver ? null : args[i - (isStatic ? 0 : 1)];
            if (receiver || t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                parameters[i] = flow.node();
            }
        }
        Type result = Type.getReturnType(d.signature().desc);
        MethodNodes nodes = new MethodNodes(parameters,
                result.getSort() == Type.OBJECT || result.getSort() == Type.ARRAY ? flow.node() : null);
        methods.put(ref, nodes);
        byDeclared.put(d, nodes);
        if (d.owner().input() && !d.is(Opcodes.ACC_PRIVATE)) {
            seedOutsideCallers(d, nodes, isStatic);
        }
        return nodes;
    }

    /**
     * Code outside the inputs may call a non-private input method: with unknown arguments, on an unknown
     * receiver (one of the classes the program creates) or one of the method's own class when it is concrete.
     * The method of an abstract class is called from outside on the concrete input classes that inherit it
     * (outside code creates them: a library's users create its queues), directly or through the visibility
     * bridge javac gives a public class below a package-private one. A concrete class's subclasses that
     * the program never creates are not receivers: that would make every subclass's overrides targets of the
     * calls on {@code this} wherever the method is reached.
     */
    private void seedOutsideCallers(Hierarchy.Declared d, MethodNodes nodes, boolean isStatic) {
        // The own classes first: a node that holds unknown takes no other type after it.
        if (!isStatic) {
            String owner = d.owner().internalName();
            if (hierarchy.classes().header(owner).filter(TypeHeader::isConcrete).isPresent()) {
                flow.add(nodes.parameters()[0], owner);
            } else {
                for (String inheritor : hierarchy.concreteInputClasses(owner)) {
                    Hierarchy.Declared selected = hierarchy.select(inheritor, d.signature().name, d.signature().desc);
                    // A public class below a package-private one inherits through a visibility bridge (same name and
                    // descriptor) that calls this method on the same receiver.
                    if (selected != null && (selected.equals(d) || selected.is(Opcodes.ACC_BRIDGE))) {
                        flow.add(nodes.parameters()[0], inheritor);
                    }
                }
            }
        }
        unknownArguments(d);
    }

    /** Unknown arguments for every parameter: a lambda's implementation, whose arguments are not tracked. */
    void unknownArguments(Hierarchy.Declared d) {
        for (TypeFlow.Node p : of(d).parameters()) {
            if (p != null) {
                flow.add(p, TypeFlow.UNKNOWN);
            }
        }
    }

    /**
     * Follows a reached method's values ({@link FlowPass}; ASM's analyzer with {@link FlowInterpreter} for
     * code with subroutines): adds its assignments to the flow and returns its calls' argument and result
     * nodes by instruction index (null where there is no call).
     */
    FlowInterpreter.CallValues[] scan(CallGraph.Node node) {
        MethodNode method = node.method();
        if (method.instructions.size() == 0) {
            return null;
        }
        return scan(this, node.declared(), node.ref(), node.facts());
    }

    /**
     * {@link #scan(CallGraph.Node)} of a method with code, or of its copy for one receiver class ({@code key}),
     * with what it does to the flow going to {@code sink} (this flow, or a recorder in front of it).
     */
    FlowInterpreter.CallValues[] scan(FlowSink sink, Hierarchy.Declared d, MethodRef key, MethodFacts facts) {
        Map<Integer, Site.LambdaShape> lambdas = lambdas(facts);
        try {
            return FlowPass.run(sink, of(d, key), d.is(Opcodes.ACC_STATIC), d.method(), lambdas);
        } catch (RuntimeException e) { // FlowPass.Unsupported, or bytecode no verifier accepts
            // ASM's analyzer follows subroutines, and rejects what neither can follow (a malformed descriptor...):
            // what the pass added so far stays, more flow than there is, never less.
            return withAsmAnalyzer(sink, d, key, lambdas);
        }
    }

    /** The lambdas a method creates, by instruction index. */
    static Map<Integer, Site.LambdaShape> lambdas(MethodFacts facts) {
        Map<Integer, Site.LambdaShape> lambdas = new HashMap<>();
        for (Site site : facts.sites()) {
            if (site instanceof Site.Lambda l) {
                lambdas.put(l.index(), l.shape());
            }
        }
        return lambdas;
    }

    /** What {@link #scan} does, with ASM's analyzer and {@link FlowInterpreter} (slower; they follow subroutines). */
    FlowInterpreter.CallValues[] withAsmAnalyzer(FlowSink sink, Hierarchy.Declared d, MethodRef key,
                                                 Map<Integer, Site.LambdaShape> lambdas) {
        MethodNode method = d.method();
        FlowInterpreter interpreter = new FlowInterpreter(sink, of(d, key), d.is(Opcodes.ACC_STATIC), method.desc, lambdas);
        try {
            new Analyzer<BasicValue>(interpreter).analyze(d.owner().internalName(), method);
            return interpreter.calls(method.instructions.toArray());
        } catch (AnalyzerException e) {
            return unanalysable(sink, d);
        }
    }

    /**
     * A method the analyzer cannot follow (malformed or unusual bytecode): everything it stores, returns
     * or passes is unknown.
     */
    private FlowInterpreter.CallValues[] unanalysable(FlowSink sink, Hierarchy.Declared d) {
        MethodNodes own = of(d);
        if (own.result() != null) {
            sink.addUnknown(own.result());
        }
        AbstractInsnNode[] insns = d.method().instructions.toArray();
        FlowInterpreter.CallValues[] calls = new FlowInterpreter.CallValues[insns.length];
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof FieldInsnNode f && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)) {
                sink.addUnknown(sink.field(f.owner, f.name, f.desc));
            } else if (insns[i] instanceof MethodInsnNode mi) {
                int count = Type.getArgumentTypes(mi.desc).length + (mi.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
                TypeFlow.Node[] arguments = new TypeFlow.Node[count];
                for (int k = 0; k < count; k++) {
                    arguments[k] = sink.unknown();
                }
                calls[i] = new FlowInterpreter.CallValues(arguments, sink.unknown());
            }
        }
        return calls;
    }
}
