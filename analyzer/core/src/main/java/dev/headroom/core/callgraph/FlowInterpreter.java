package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.AsmApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * One method's reference values as the flow nodes they may come from (ASM's analyzer merges them
 * where paths meet, so locals and the stack need no nodes of their own). While it runs it adds the
 * method's assignments to the {@link TypeFlow}: stores to fields, returns, casts; and it gives each
 * call's arguments and result a node, for the builder to connect to the methods the call reaches.
 * Array elements are not followed: a value read from an array is unknown (its declared type's
 * instantiated subtypes), as arrays are also filled by native copies.
 */
final class FlowInterpreter extends BasicInterpreter {
    /** The nodes a value may come from; a reference value only. */
    static final class Value extends BasicValue {
        final List<TypeFlow.Node> sources;

        Value(Type type, List<TypeFlow.Node> sources) {
            super(type);
            this.sources = sources;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Objects.equals(getType(), v.getType()) && sources.equals(v.sources);
        }

        @Override
        public int hashCode() {
            return Objects.hash(getType(), sources);
        }
    }

    /** A call's arguments (the receiver first; null for a primitive) and result (null when none). */
    record CallValues(TypeFlow.Node[] arguments, TypeFlow.Node result) {
    }

    private static final Type OBJECT = Type.getObjectType("java/lang/Object");

    private final FlowSink sink;
    private final ProgramFlow.MethodNodes own;
    private final Map<Integer, Site.LambdaShape> lambdas;
    private final int[] parameterOfLocal;
    private final Map<AbstractInsnNode, TypeFlow.Node> castNodes = new HashMap<>();
    private final Map<AbstractInsnNode, CallValues> calls = new HashMap<>();
    private final Map<AbstractInsnNode, Integer> indexes = new HashMap<>();

    FlowInterpreter(FlowSink sink, ProgramFlow.MethodNodes own, boolean isStatic, String descriptor,
                    Map<Integer, Site.LambdaShape> lambdas) {
        super(AsmApi.VERSION);
        this.sink = sink;
        this.own = own;
        this.lambdas = lambdas;
        Type[] args = Type.getArgumentTypes(descriptor);
        List<Integer> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(0);
        }
        for (int i = 0; i < args.length; i++) {
            int parameter = i + (isStatic ? 0 : 1);
            for (int w = 0; w < args[i].getSize(); w++) {
                locals.add(w == 0 ? parameter : -1);
            }
        }
        parameterOfLocal = locals.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The calls' values by instruction index (null where there is no call), once the analyzer has run. */
    CallValues[] calls(AbstractInsnNode[] instructions) {
        CallValues[] byIndex = new CallValues[instructions.length];
        for (int i = 0; i < instructions.length; i++) {
            byIndex[i] = calls.get(instructions[i]);
        }
        return byIndex;
    }

    private static boolean isReference(Type type) {
        return type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY);
    }

    private static Value of(Type type, TypeFlow.Node source) {
        return new Value(type, source == null ? List.of() : List.of(source));
    }

    @Override
    public BasicValue newValue(Type type) {
        return isReference(type) ? new Value(type, List.of()) : super.newValue(type);
    }

    @Override
    public BasicValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
        if (isReference(type) && local < parameterOfLocal.length && parameterOfLocal[local] >= 0) {
            return of(type, own.parameter(parameterOfLocal[local]));
        }
        return newValue(type);
    }

    @Override
    public BasicValue newExceptionValue(TryCatchBlockNode tryCatch, Frame<BasicValue> handlerFrame, Type type) {
        return of(type, sink.unknown());
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws org.objectweb.asm.tree.analysis.AnalyzerException {
        switch (insn.getOpcode()) {
            case Opcodes.NEW:
                String type = ((TypeInsnNode) insn).desc;
                return of(Type.getObjectType(type), sink.constant(type));
            case Opcodes.GETSTATIC:
                FieldInsnNode f = (FieldInsnNode) insn;
                return of(Type.getType(f.desc), isReference(Type.getType(f.desc)) ? sink.field(f.owner, f.name, f.desc) : null);
            case Opcodes.LDC:
                Object cst = ((LdcInsnNode) insn).cst;
                if (cst instanceof String) {
                    return of(Type.getObjectType("java/lang/String"), sink.constant("java/lang/String"));
                }
                if (cst instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
                    return of(Type.getObjectType("java/lang/Class"), sink.constant("java/lang/Class"));
                }
                BasicValue basic = super.newOperation(insn);
                return isReference(basic.getType()) ? of(basic.getType(), sink.unknown()) : basic;
            default:
                return super.newOperation(insn);
        }
    }

    @Override
    public BasicValue copyOperation(AbstractInsnNode insn, BasicValue value) {
        return value;
    }

    @Override
    public BasicValue unaryOperation(AbstractInsnNode insn, BasicValue value)
            throws org.objectweb.asm.tree.analysis.AnalyzerException {
        switch (insn.getOpcode()) {
            case Opcodes.GETFIELD: {
                FieldInsnNode f = (FieldInsnNode) insn;
                Type t = Type.getType(f.desc);
                return of(t, isReference(t) ? sink.field(f.owner, f.name, f.desc) : null);
            }
            case Opcodes.PUTSTATIC: {
                FieldInsnNode f = (FieldInsnNode) insn;
                if (isReference(Type.getType(f.desc))) {
                    flowInto(value, sink.field(f.owner, f.name, f.desc));
                }
                return null;
            }
            case Opcodes.CHECKCAST: {
                String target = ((TypeInsnNode) insn).desc;
                TypeFlow.Node cast = castNodes.computeIfAbsent(insn, k -> sink.node());
                for (TypeFlow.Node source : sources(value)) {
                    sink.filteredEdge(source, cast, target.startsWith("[") ? "java/lang/Object" : target);
                }
                return of(Type.getObjectType(target), cast);
            }
            default:
                return super.unaryOperation(insn, value);
        }
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue value1, BasicValue value2)
            throws org.objectweb.asm.tree.analysis.AnalyzerException {
        if (insn.getOpcode() == Opcodes.AALOAD) {
            Type array = value1.getType();
            Type element = array != null && array.getSort() == Type.ARRAY
                    ? Type.getType(array.getDescriptor().substring(1)) : Type.getObjectType("java/lang/Object");
            return of(element, sink.unknown());
        }
        if (insn.getOpcode() == Opcodes.PUTFIELD) {
            FieldInsnNode f = (FieldInsnNode) insn;
            if (isReference(Type.getType(f.desc))) {
                flowInto(value2, sink.field(f.owner, f.name, f.desc));
            }
            return null;
        }
        return super.binaryOperation(insn, value1, value2);
    }

    @Override
    public BasicValue naryOperation(AbstractInsnNode insn, List<? extends BasicValue> values)
            throws org.objectweb.asm.tree.analysis.AnalyzerException {
        if (insn instanceof InvokeDynamicInsnNode indy) {
            Type result = Type.getReturnType(indy.desc);
            Site.LambdaShape lambda = lambdas.get(index(insn));
            if (lambda != null) {
                return of(result, sink.constant(lambda));
            }
            if (indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                return of(result, sink.constant("java/lang/String"));
            }
            return isReference(result) ? of(result, sink.unknown()) : super.naryOperation(insn, values);
        }
        if (insn instanceof MethodInsnNode mi) {
            CallValues call = calls.computeIfAbsent(insn, k -> newCall(mi, values.size()));
            for (int i = 0; i < values.size(); i++) {
                if (call.arguments()[i] != null) {
                    flowInto(values.get(i), call.arguments()[i]);
                }
            }
            Type result = Type.getReturnType(mi.desc);
            return call.result() != null ? of(result, call.result()) : super.naryOperation(insn, values);
        }
        return super.naryOperation(insn, values);
    }

    private CallValues newCall(MethodInsnNode mi, int count) {
        TypeFlow.Node[] arguments = new TypeFlow.Node[count];
        Type[] types = Type.getArgumentTypes(mi.desc);
        int first = count - types.length;
        for (int i = 0; i < count; i++) {
            if (i < first || isReference(types[i - first])) {
                arguments[i] = sink.node();
            }
        }
        TypeFlow.Node result = isReference(Type.getReturnType(mi.desc)) ? sink.node() : null;
        return new CallValues(arguments, result);
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, BasicValue value, BasicValue expected) {
        if (insn.getOpcode() == Opcodes.ARETURN && own.result() != null) {
            flowInto(value, own.result());
        }
    }

    @Override
    public BasicValue merge(BasicValue value1, BasicValue value2) {
        if (value1 instanceof Value a && value2 instanceof Value b) {
            if (a.sources.containsAll(b.sources)) {
                return Objects.equals(a.getType(), b.getType()) ? a : new Value(OBJECT, a.sources);
            }
            List<TypeFlow.Node> union = new ArrayList<>(a.sources);
            for (TypeFlow.Node n : b.sources) {
                if (!union.contains(n)) {
                    union.add(n);
                }
            }
            return new Value(Objects.equals(a.getType(), b.getType()) ? a.getType() : OBJECT, union);
        }
        return super.merge(value1, value2);
    }

    private void flowInto(BasicValue value, TypeFlow.Node target) {
        for (TypeFlow.Node source : sources(value)) {
            sink.edge(source, target);
        }
    }

    private static List<TypeFlow.Node> sources(BasicValue value) {
        return value instanceof Value v ? v.sources : List.of();
    }

    /** Instruction indexes are looked up only for invokedynamic; numbered on first use. */
    private int index(AbstractInsnNode insn) {
        Integer known = indexes.get(insn);
        if (known != null) {
            return known;
        }
        int i = 0;
        for (AbstractInsnNode at = insn.getPrevious(); at != null; at = at.getPrevious()) {
            i++;
        }
        indexes.put(insn, i);
        return i;
    }
}
