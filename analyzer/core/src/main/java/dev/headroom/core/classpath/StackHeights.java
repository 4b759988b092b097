package dev.headroom.core.classpath;

import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The operand-stack height (in slots, as {@code max_stack} counts) on entry to every reachable
 * instruction, found by one walk of the control flow: underflow, overflow above {@code max_stack},
 * two heights meeting at one instruction, or running off the end of the code is a method no analysis
 * can follow soundly. Values are not typed (that is the verifier's costlier part); heights are enough
 * for the analyses' stack machines not to index outside their frames.
 *
 * <p>Runs after {@link MethodCodeCheck} has checked every operand: labels in the list, descriptors valid.
 * A {@code jsr} is taken to return to the next instruction with the height it had, as javac's
 * subroutines do; a {@code ret} ends a path.
 */
final class StackHeights {
    /** Slots popped and pushed by the opcodes whose effect does not depend on an operand; -1 elsewhere. */
    private static final byte[] POP = new byte[202];
    private static final byte[] PUSH = new byte[202];

    static {
        java.util.Arrays.fill(POP, (byte) -1);
        effect(0, 0, Opcodes.NOP);
        effect(0, 1, Opcodes.ACONST_NULL, Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2,
                Opcodes.ICONST_3, Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.FCONST_0, Opcodes.FCONST_1,
                Opcodes.FCONST_2, Opcodes.BIPUSH, Opcodes.SIPUSH, Opcodes.ILOAD, Opcodes.FLOAD, Opcodes.ALOAD,
                Opcodes.NEW, Opcodes.JSR);
        effect(0, 2, Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1, Opcodes.LLOAD,
                Opcodes.DLOAD);
        effect(2, 1, Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD,
                Opcodes.IADD, Opcodes.FADD, Opcodes.ISUB, Opcodes.FSUB, Opcodes.IMUL, Opcodes.FMUL, Opcodes.IDIV,
                Opcodes.FDIV, Opcodes.IREM, Opcodes.FREM, Opcodes.ISHL, Opcodes.ISHR, Opcodes.IUSHR, Opcodes.IAND,
                Opcodes.IOR, Opcodes.IXOR, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.L2I, Opcodes.L2F, Opcodes.D2I,
                Opcodes.D2F);
        effect(2, 2, Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.SWAP, Opcodes.LNEG, Opcodes.DNEG, Opcodes.L2D,
                Opcodes.D2L);
        effect(1, 0, Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE, Opcodes.POP, Opcodes.IFEQ, Opcodes.IFNE,
                Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH,
                Opcodes.IRETURN, Opcodes.FRETURN, Opcodes.ARETURN, Opcodes.ATHROW, Opcodes.MONITORENTER,
                Opcodes.MONITOREXIT, Opcodes.IFNULL, Opcodes.IFNONNULL);
        effect(2, 0, Opcodes.LSTORE, Opcodes.DSTORE, Opcodes.POP2, Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE,
                Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT, Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ,
                Opcodes.IF_ACMPNE, Opcodes.LRETURN, Opcodes.DRETURN);
        effect(3, 0, Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
                Opcodes.SASTORE);
        effect(4, 0, Opcodes.LASTORE, Opcodes.DASTORE);
        effect(1, 2, Opcodes.DUP, Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D);
        effect(2, 3, Opcodes.DUP_X1);
        effect(3, 4, Opcodes.DUP_X2);
        effect(2, 4, Opcodes.DUP2);
        effect(3, 5, Opcodes.DUP2_X1);
        effect(4, 6, Opcodes.DUP2_X2);
        effect(4, 2, Opcodes.LADD, Opcodes.DADD, Opcodes.LSUB, Opcodes.DSUB, Opcodes.LMUL, Opcodes.DMUL, Opcodes.LDIV,
                Opcodes.DDIV, Opcodes.LREM, Opcodes.DREM, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR);
        effect(1, 1, Opcodes.INEG, Opcodes.FNEG, Opcodes.I2F, Opcodes.F2I, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S,
                Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.ARRAYLENGTH, Opcodes.CHECKCAST, Opcodes.INSTANCEOF);
        effect(3, 2, Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR);
        effect(4, 1, Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG);
        effect(0, 0, Opcodes.IINC, Opcodes.GOTO, Opcodes.RET, Opcodes.RETURN);
    }

    private static void effect(int pop, int push, int... opcodes) {
        for (int op : opcodes) {
            POP[op] = (byte) pop;
            PUSH[op] = (byte) push;
        }
    }

    private final AbstractInsnNode[] code;
    /** The height on entry to each instruction, -1 before a path reaches it. */
    private final int[] height;
    /** Instructions given a height whose successors are still to be visited (each is queued once). */
    private final int[] work;
    private int pending;

    private StackHeights(AbstractInsnNode[] code) {
        this.code = code;
        this.height = new int[code.length];
        this.work = new int[code.length];
        java.util.Arrays.fill(height, -1);
    }

    /** Why the heights do not work out, or null when they do. */
    static String problem(MethodNode method, InsnList insns, AbstractInsnNode[] code) {
        if (!method.tryCatchBlocks.isEmpty() && method.maxStack < 1) {
            return "an exception handler needs a stack slot but max stack is 0";
        }
        return new StackHeights(code).walk(method, insns);
    }

    private String walk(MethodNode method, InsnList insns) {
        int n = code.length;
        int[][] handlers = handlers(method.tryCatchBlocks, insns, n);
        String problem = flow(-1, 0, 0);
        while (problem == null && pending > 0) {
            int i = work[--pending];
            AbstractInsnNode insn = code[i];
            int op = insn.getOpcode();
            int after = height[i];
            if (op >= 0) {
                int pop = pops(insn);
                if (pop > after) {
                    return "stack underflow at " + MethodCodeCheck.at(code, i);
                }
                after = after - pop + pushes(insn);
                if (after > method.maxStack) {
                    return "stack of " + after + " slots above max stack " + method.maxStack + " at "
                            + MethodCodeCheck.at(code, i);
                }
            }
            for (int k = 0; handlers[i] != null && problem == null && k < handlers[i].length; k++) {
                problem = flow(i, handlers[i][k], 1);
            }
            int[] successors = successors(insn, insns, i);
            for (int k = 0; k < successors.length && problem == null; k++) {
                int s = successors[k];
                if (s >= n) {
                    return "execution runs off the end of the code after " + MethodCodeCheck.at(code, i);
                }
                // The instruction after a jsr (its second successor) runs when the subroutine returns, the
                // return address gone.
                problem = flow(i, s, op == Opcodes.JSR && k == 1 ? after - 1 : after);
            }
        }
        return problem;
    }

    /** Enters {@code to} from {@code from} with height {@code h}: the first height queues it, another is the problem. */
    private String flow(int from, int to, int h) {
        if (height[to] < 0) {
            height[to] = h;
            work[pending++] = to;
            return null;
        }
        return height[to] == h ? null : "stack heights " + height[to] + " and " + h + " meet at "
                + MethodCodeCheck.at(code, to) + " (coming from " + MethodCodeCheck.at(code, from) + ")";
    }

    /** For each instruction, the handler instructions whose try range holds it (null for none). */
    private static int[][] handlers(List<TryCatchBlockNode> blocks, InsnList insns, int n) {
        int[][] result = new int[n][];
        for (TryCatchBlockNode tcb : blocks) {
            int handler = insns.indexOf(tcb.handler);
            for (int i = insns.indexOf(tcb.start), end = insns.indexOf(tcb.end); i < end; i++) {
                int[] old = result[i];
                if (old == null) {
                    result[i] = new int[] {handler};
                } else if (old[old.length - 1] != handler) {
                    int[] more = java.util.Arrays.copyOf(old, old.length + 1);
                    more[old.length] = handler;
                    result[i] = more;
                }
            }
        }
        return result;
    }

    private static final int[] NONE = new int[0];

    private static int[] successors(AbstractInsnNode insn, InsnList insns, int i) {
        int op = insn.getOpcode();
        if (insn instanceof JumpInsnNode jump) {
            int target = insns.indexOf(jump.label);
            return op == Opcodes.GOTO ? new int[] {target} : new int[] {target, i + 1};
        }
        if (insn instanceof TableSwitchInsnNode ts) {
            return SwitchTargets.of(insns, ts.dflt, ts.labels);
        }
        if (insn instanceof LookupSwitchInsnNode ls) {
            return SwitchTargets.of(insns, ls.dflt, ls.labels);
        }
        if ((op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW || op == Opcodes.RET) {
            return NONE;
        }
        return new int[] {i + 1};
    }


    private static int pops(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (POP[op] >= 0) {
            return POP[op];
        }
        switch (op) {
            case Opcodes.PUTSTATIC:
                return Type.getType(((FieldInsnNode) insn).desc).getSize();
            case Opcodes.GETFIELD:
                return 1;
            case Opcodes.PUTFIELD:
                return 1 + Type.getType(((FieldInsnNode) insn).desc).getSize();
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE: {
                // The sizes include one slot for a receiver: right for all but a static call.
                int sizes = Type.getArgumentsAndReturnSizes(((MethodInsnNode) insn).desc) >> 2;
                return op == Opcodes.INVOKESTATIC ? sizes - 1 : sizes;
            }
            case Opcodes.INVOKEDYNAMIC:
                return (Type.getArgumentsAndReturnSizes(((InvokeDynamicInsnNode) insn).desc) >> 2) - 1;
            case Opcodes.MULTIANEWARRAY:
                return ((MultiANewArrayInsnNode) insn).dims;
            default: // LDC, GETSTATIC
                return 0;
        }
    }

    private static int pushes(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (POP[op] >= 0) {
            return PUSH[op];
        }
        switch (op) {
            case Opcodes.LDC: {
                Object cst = ((LdcInsnNode) insn).cst;
                if (cst instanceof Long || cst instanceof Double) {
                    return 2;
                }
                return cst instanceof ConstantDynamic cd ? Type.getType(cd.getDescriptor()).getSize() : 1;
            }
            case Opcodes.GETSTATIC, Opcodes.GETFIELD:
                return Type.getType(((FieldInsnNode) insn).desc).getSize();
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE:
                return Type.getArgumentsAndReturnSizes(((MethodInsnNode) insn).desc) & 3;
            case Opcodes.INVOKEDYNAMIC:
                return Type.getArgumentsAndReturnSizes(((InvokeDynamicInsnNode) insn).desc) & 3;
            case Opcodes.MULTIANEWARRAY:
                return 1;
            default: // PUTSTATIC, PUTFIELD
                return 0;
        }
    }
}
