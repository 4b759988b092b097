package dev.headroom.core.classpath;

import dev.headroom.core.timing.OpcodeNames;
import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Whether one method's code can be analysed soundly: the checks of a JVM's format checker and the
 * structural half of its verifier, in two linear passes. First every instruction's operands (names and
 * descriptors present and well formed, locals below {@code max_locals}, jump, switch and handler targets
 * on an instruction of this method), then the operand-stack heights ({@link StackHeights}). Types are not
 * checked: the analyses' own stack machines tolerate a wrong type, not a wrong height or a missing name.
 */
final class MethodCodeCheck {
    /** How deep a constant's bootstrap arguments may nest before the constant is not analysed. */
    private static final int MAX_CONSTANT_DEPTH = 8;

    private MethodCodeCheck() {
    }

    /** Why the method's code cannot be analysed, or null when it can (or it has no code). */
    static String problem(MethodNode method) {
        InsnList insns = method.instructions;
        if (insns.size() == 0) {
            return null;
        }
        int arguments = Type.getArgumentsAndReturnSizes(method.desc) >> 2;
        if ((method.access & Opcodes.ACC_STATIC) != 0) {
            arguments--;
        }
        if (arguments > method.maxLocals) {
            return "its parameters take " + arguments + " local slots but max locals is " + method.maxLocals;
        }
        AbstractInsnNode[] code = insns.toArray();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            String problem = handlerProblem(tcb, insns, code);
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < code.length; i++) {
            String problem = operandProblem(code[i], insns, code, method.maxLocals);
            if (problem != null) {
                return problem + " at " + at(code, i);
            }
        }
        return StackHeights.problem(method, insns, code);
    }

    /** An instruction as a user can find it in {@code javap -c}: its mnemonic and its place among the instructions. */
    static String at(AbstractInsnNode[] code, int index) {
        int k = 0;
        for (int i = 0; i < index; i++) {
            if (code[i].getOpcode() >= 0) {
                k++;
            }
        }
        int op = code[index].getOpcode();
        return op >= 0 ? "instruction " + k + " (" + OpcodeNames.name(op) + ")" : "instruction " + k;
    }

    private static String handlerProblem(TryCatchBlockNode tcb, InsnList insns, AbstractInsnNode[] code) {
        if (!inCode(tcb.start, insns, code) || !inCode(tcb.end, insns, code) || !inCode(tcb.handler, insns, code)) {
            return "an exception handler's range or entry is not on an instruction";
        }
        if (insns.indexOf(tcb.start) >= insns.indexOf(tcb.end)) {
            return "an exception handler's range is empty or reversed";
        }
        if (tcb.type != null && !ClassFileNames.isClassName(tcb.type)) {
            return "an exception handler catches an invalid class name";
        }
        return null;
    }

    /** A label of this method's list: ASM leaves a target in the middle of an instruction out of it. */
    private static boolean inCode(LabelNode label, InsnList insns, AbstractInsnNode[] code) {
        if (label == null) {
            return false;
        }
        int index = insns.indexOf(label);
        return index >= 0 && index < code.length && code[index] == label;
    }

    private static String operandProblem(AbstractInsnNode insn, InsnList insns, AbstractInsnNode[] code, int maxLocals) {
        int op = insn.getOpcode();
        if (insn instanceof MethodInsnNode mi) {
            if (!ClassFileNames.isClassOrArray(mi.owner)) {
                return "a call names an invalid class";
            }
            if (!ClassFileNames.isMethodName(mi.name) || "<clinit>".equals(mi.name)
                    || ("<init>".equals(mi.name) && op != Opcodes.INVOKESPECIAL)) {
                return "a call names an invalid method name";
            }
            return ClassFileNames.isMethodDescriptor(mi.desc) ? null : "a call has an invalid descriptor";
        }
        if (insn instanceof FieldInsnNode f) {
            return ClassFileNames.isClassName(f.owner) && ClassFileNames.isUnqualifiedName(f.name)
                    && ClassFileNames.isFieldDescriptor(f.desc) ? null : "a field access names an invalid field";
        }
        if (insn instanceof TypeInsnNode t) {
            boolean valid = op == Opcodes.NEW ? ClassFileNames.isClassName(t.desc) : ClassFileNames.isClassOrArray(t.desc);
            return valid ? null : "an invalid class name";
        }
        if (insn instanceof VarInsnNode v) {
            int size = op == Opcodes.LLOAD || op == Opcodes.DLOAD || op == Opcodes.LSTORE || op == Opcodes.DSTORE ? 2 : 1;
            return v.var >= 0 && v.var + size <= maxLocals ? null : "local " + v.var + " beyond max locals " + maxLocals;
        }
        if (insn instanceof IincInsnNode inc) {
            return inc.var >= 0 && inc.var < maxLocals ? null : "local " + inc.var + " beyond max locals " + maxLocals;
        }
        if (insn instanceof JumpInsnNode j) {
            return inCode(j.label, insns, code) ? null : "a jump to no instruction";
        }
        if (insn instanceof TableSwitchInsnNode ts) {
            return inCode(ts.dflt, insns, code) && allInCode(ts.labels, insns, code) ? null : "a switch to no instruction";
        }
        if (insn instanceof LookupSwitchInsnNode ls) {
            return inCode(ls.dflt, insns, code) && allInCode(ls.labels, insns, code)
                    && ls.keys.size() == ls.labels.size() ? null : "a switch to no instruction";
        }
        if (insn instanceof IntInsnNode in && op == Opcodes.NEWARRAY) {
            return in.operand >= Opcodes.T_BOOLEAN && in.operand <= Opcodes.T_LONG ? null : "an invalid array type";
        }
        if (insn instanceof MultiANewArrayInsnNode m) {
            return m.dims >= 1 && ClassFileNames.isArrayDescriptor(m.desc, m.dims) ? null : "an invalid array type";
        }
        if (insn instanceof LdcInsnNode ldc) {
            return validConstant(ldc.cst, 0) ? null : "an invalid constant";
        }
        if (insn instanceof InvokeDynamicInsnNode indy) {
            return ClassFileNames.isMethodName(indy.name) && !indy.name.startsWith("<")
                    && ClassFileNames.isMethodDescriptor(indy.desc) && validHandle(indy.bsm, 0)
                    && validArguments(indy.bsmArgs, 0) ? null : "an invalid dynamic call site";
        }
        return null;
    }

    private static boolean allInCode(List<LabelNode> labels, InsnList insns, AbstractInsnNode[] code) {
        for (LabelNode label : labels) {
            if (!inCode(label, insns, code)) {
                return false;
            }
        }
        return true;
    }

    /** A loadable constant (JVMS 4.4): a handle, a dynamic constant and a class or method type included. */
    private static boolean validConstant(Object cst, int depth) {
        if (cst instanceof Integer || cst instanceof Float || cst instanceof Long || cst instanceof Double
                || cst instanceof String) {
            return true;
        }
        if (cst instanceof Type t) {
            return switch (t.getSort()) {
                case Type.OBJECT -> ClassFileNames.isClassName(t.getInternalName());
                case Type.ARRAY -> ClassFileNames.isFieldDescriptor(t.getDescriptor());
                case Type.METHOD -> ClassFileNames.isMethodDescriptor(t.getDescriptor());
                default -> false;
            };
        }
        if (cst instanceof Handle) {
            return validHandle(cst, depth);
        }
        if (cst instanceof ConstantDynamic cd) {
            if (depth >= MAX_CONSTANT_DEPTH || !ClassFileNames.isUnqualifiedName(cd.getName())
                    || !ClassFileNames.isFieldDescriptor(cd.getDescriptor()) || !validHandle(cd.getBootstrapMethod(), depth)) {
                return false;
            }
            for (int k = 0; k < cd.getBootstrapMethodArgumentCount(); k++) {
                if (!validConstant(cd.getBootstrapMethodArgument(k), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean validArguments(Object[] args, int depth) {
        if (args == null) {
            return false;
        }
        for (Object arg : args) {
            if (!validConstant(arg, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validHandle(Object cst, int depth) {
        if (!(cst instanceof Handle h) || h.getTag() < Opcodes.H_GETFIELD || h.getTag() > Opcodes.H_INVOKEINTERFACE) {
            return false;
        }
        boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
        if (field) {
            return ClassFileNames.isClassName(h.getOwner()) && ClassFileNames.isUnqualifiedName(h.getName())
                    && ClassFileNames.isFieldDescriptor(h.getDesc());
        }
        boolean constructor = "<init>".equals(h.getName());
        return ClassFileNames.isClassOrArray(h.getOwner()) && ClassFileNames.isMethodName(h.getName())
                && !"<clinit>".equals(h.getName()) && constructor == (h.getTag() == Opcodes.H_NEWINVOKESPECIAL)
                && ClassFileNames.isMethodDescriptor(h.getDesc());
    }
}
