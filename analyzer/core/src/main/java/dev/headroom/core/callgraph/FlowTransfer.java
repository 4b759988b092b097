package dev.headroom.core.callgraph;

import dev.headroom.core.callgraph.FlowFrame.Sources;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * What each instruction does to a {@link FlowFrame} for {@link FlowPass}, and what it adds to the flow: the
 * same as {@link FlowInterpreter} under ASM's analyzer. Stores to fields, returns and casts become edges;
 * each call gets argument and result nodes once, and every value that reaches an argument flows into it;
 * a created object is its type's node; array elements, caught exceptions and what invokedynamic returns
 * (but lambdas and string concatenation) are unknown.
 */
final class FlowTransfer {
    private static final Object ONE = FlowFrame.ONE;
    private static final Object TWO = FlowFrame.TWO;

    private final FlowSink sink;
    private final ProgramFlow.MethodNodes own;
    private final Map<Integer, Site.LambdaShape> lambdas;
    /** Each call's argument and result nodes, and each cast's node, by instruction index: made on the first visit. */
    private final FlowInterpreter.CallValues[] calls;
    private final TypeFlow.Node[] casts;
    private final Sources unknown;

    FlowTransfer(FlowSink sink, ProgramFlow.MethodNodes own, Map<Integer, Site.LambdaShape> lambdas, int size) {
        this.calls = new FlowInterpreter.CallValues[size];
        this.casts = new TypeFlow.Node[size];
        this.sink = sink;
        this.own = own;
        this.lambdas = lambdas;
        this.unknown = Sources.of(sink.unknown());
    }

    /** The calls' values by instruction index (null where there is no call). */
    FlowInterpreter.CallValues[] calls() {
        return calls;
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    /** The value of a primitive of this type, or null for void. */
    private static Object primitive(Type type) {
        return type.getSort() == Type.VOID ? null : type.getSize() == 2 ? TWO : ONE;
    }

    private void flowInto(Object value, TypeFlow.Node target) {
        if (value instanceof Sources s) {
            for (TypeFlow.Node source : s.nodes) {
                sink.edge(source, target);
            }
        }
    }

    void execute(AbstractInsnNode insn, int index, FlowFrame f) {
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.NOP, Opcodes.IINC, Opcodes.GOTO -> {
            }
            case Opcodes.ACONST_NULL -> f.push(Sources.NONE);
            case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                 Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2,
                 Opcodes.BIPUSH, Opcodes.SIPUSH -> f.push(ONE);
            case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> f.push(TWO);
            case Opcodes.LDC -> f.push(constant(((LdcInsnNode) insn).cst));
            case Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.ALOAD ->
                    f.push(f.local(((VarInsnNode) insn).var));
            case Opcodes.ISTORE, Opcodes.LSTORE, Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.ASTORE ->
                    f.store(((VarInsnNode) insn).var, f.pop());
            case Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> {
                f.pop(2);
                f.push(ONE);
            }
            case Opcodes.LALOAD, Opcodes.DALOAD -> {
                f.pop(2);
                f.push(TWO);
            }
            case Opcodes.AALOAD -> {
                f.pop(2);
                f.push(unknown); // array elements are not followed
            }
            case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                 Opcodes.CASTORE, Opcodes.SASTORE -> f.pop(3);
            case Opcodes.POP, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT,
                 Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE, Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.TABLESWITCH,
                 Opcodes.LOOKUPSWITCH, Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN,
                 Opcodes.ATHROW -> f.pop();
            case Opcodes.POP2 -> {
                if (FlowFrame.size(f.pop()) == 1) {
                    f.pop();
                }
            }
            case Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2, Opcodes.DUP2, Opcodes.DUP2_X1, Opcodes.DUP2_X2, Opcodes.SWAP ->
                    FlowStackOps.execute(op, f);
            case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IDIV, Opcodes.IREM, Opcodes.ISHL, Opcodes.ISHR,
                 Opcodes.IUSHR, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR, Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL,
                 Opcodes.FDIV, Opcodes.FREM, Opcodes.LCMP, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL, Opcodes.DCMPG -> {
                f.pop(2);
                f.push(ONE);
            }
            case Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LDIV, Opcodes.LREM, Opcodes.LSHL, Opcodes.LSHR,
                 Opcodes.LUSHR, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR, Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL,
                 Opcodes.DDIV, Opcodes.DREM -> {
                f.pop(2);
                f.push(TWO);
            }
            case Opcodes.INEG, Opcodes.FNEG, Opcodes.L2I, Opcodes.L2F, Opcodes.F2I, Opcodes.D2I, Opcodes.D2F, Opcodes.I2F,
                 Opcodes.I2B, Opcodes.I2C, Opcodes.I2S, Opcodes.ARRAYLENGTH, Opcodes.INSTANCEOF -> {
                f.pop();
                f.push(ONE);
            }
            case Opcodes.LNEG, Opcodes.DNEG, Opcodes.I2L, Opcodes.I2D, Opcodes.L2D, Opcodes.F2L, Opcodes.F2D, Opcodes.D2L -> {
                f.pop();
                f.push(TWO);
            }
            case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                 Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> f.pop(2);
            case Opcodes.ARETURN -> {
                Object value = f.pop();
                if (own.result() != null) {
                    flowInto(value, own.result());
                }
            }
            case Opcodes.RETURN -> {
            }
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD -> field((FieldInsnNode) insn, f);
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE ->
                    invoke((MethodInsnNode) insn, index, f);
            case Opcodes.INVOKEDYNAMIC -> invokeDynamic((InvokeDynamicInsnNode) insn, index, f);
            case Opcodes.NEW -> f.push(Sources.of(sink.constant(((TypeInsnNode) insn).desc)));
            case Opcodes.NEWARRAY, Opcodes.ANEWARRAY -> {
                f.pop();
                f.push(Sources.NONE);
            }
            case Opcodes.MULTIANEWARRAY -> {
                f.pop(((MultiANewArrayInsnNode) insn).dims);
                f.push(Sources.NONE);
            }
            case Opcodes.CHECKCAST -> cast((TypeInsnNode) insn, index, f);
            default -> throw new FlowPass.Unsupported("opcode " + op);
        }
    }

    private Object constant(Object cst) {
        if (cst instanceof String) {
            return Sources.of(sink.constant("java/lang/String"));
        }
        if (cst instanceof Type t) {
            return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY ? Sources.of(sink.constant("java/lang/Class"))
                    : t.getSort() == Type.METHOD ? unknown : ONE;
        }
        if (cst instanceof Long || cst instanceof Double) {
            return TWO;
        }
        if (cst instanceof Integer || cst instanceof Float) {
            return ONE;
        }
        if (cst instanceof ConstantDynamic d) {
            Type type = Type.getType(d.getDescriptor());
            return isReference(type) ? unknown : primitive(type);
        }
        return unknown; // a method handle
    }

    private void field(FieldInsnNode fi, FlowFrame f) {
        Type type = Type.getType(fi.desc);
        boolean reference = isReference(type);
        switch (fi.getOpcode()) {
            case Opcodes.GETSTATIC -> f.push(reference ? Sources.of(sink.field(fi.owner, fi.name, fi.desc)) : primitive(type));
            case Opcodes.GETFIELD -> {
                f.pop();
                f.push(reference ? Sources.of(sink.field(fi.owner, fi.name, fi.desc)) : primitive(type));
            }
            case Opcodes.PUTSTATIC -> {
                Object value = f.pop();
                if (reference) {
                    flowInto(value, sink.field(fi.owner, fi.name, fi.desc));
                }
            }
            default -> { // PUTFIELD
                Object value = f.pop();
                f.pop();
                if (reference) {
                    flowInto(value, sink.field(fi.owner, fi.name, fi.desc));
                }
            }
        }
    }

    private void invoke(MethodInsnNode mi, int index, FlowFrame f) {
        FlowInterpreter.CallValues call = calls[index];
        if (call == null) {
            Type[] args = Type.getArgumentTypes(mi.desc);
            call = newCall(args, args.length + (mi.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1), Type.getReturnType(mi.desc));
            calls[index] = call;
        }
        int count = call.arguments().length;
        if (f.top < count) {
            throw new FlowPass.Unsupported("operand stack underflow");
        }
        int first = f.top - count;
        for (int i = 0; i < count; i++) {
            if (call.arguments()[i] != null) {
                flowInto(f.stack[first + i], call.arguments()[i]);
            }
        }
        f.top = first;
        if (call.result() != null) {
            f.push(Sources.of(call.result()));
        } else {
            char result = mi.desc.charAt(mi.desc.indexOf(')') + 1);
            if (result != 'V') {
                f.push(result == 'J' || result == 'D' ? TWO : ONE);
            }
        }
    }

    private FlowInterpreter.CallValues newCall(Type[] args, int count, Type result) {
        TypeFlow.Node[] arguments = new TypeFlow.Node[count];
        int first = count - args.length;
        for (int i = 0; i < count; i++) {
            if (i < first || isReference(args[i - first])) {
                arguments[i] = sink.node();
            }
        }
        return new FlowInterpreter.CallValues(arguments, isReference(result) ? sink.node() : null);
    }

    private void invokeDynamic(InvokeDynamicInsnNode indy, int index, FlowFrame f) {
        f.pop(Type.getArgumentTypes(indy.desc).length);
        Type result = Type.getReturnType(indy.desc);
        Site.LambdaShape lambda = lambdas.get(index);
        if (lambda != null) {
            f.push(Sources.of(sink.constant(lambda)));
        } else if (indy.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
            f.push(Sources.of(sink.constant("java/lang/String")));
        } else if (isReference(result)) {
            f.push(unknown);
        } else if (result.getSort() != Type.VOID) {
            f.push(primitive(result));
        }
    }

    private void cast(TypeInsnNode insn, int index, FlowFrame f) {
        Object value = f.pop();
        TypeFlow.Node cast = casts[index];
        if (cast == null) {
            cast = sink.node();
            casts[index] = cast;
        }
        if (value instanceof Sources s) {
            String filter = insn.desc.startsWith("[") ? "java/lang/Object" : insn.desc;
            for (TypeFlow.Node source : s.nodes) {
                sink.filteredEdge(source, cast, filter);
            }
        }
        f.push(Sources.of(cast));
    }
}
