package dev.headroom.core.memory;

import dev.headroom.core.memory.Value.External;
import dev.headroom.core.memory.Value.HeapObject;
import dev.headroom.core.memory.Value.IntV;
import dev.headroom.core.memory.Value.Null;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/** How the static-initializer interpreter decides branches: conditions on known values, throw-only paths, loops. */
final class Branches {
    private Branches() {
    }

    /** Backward-jump ranges of a method: a branch inside one is a loop condition. */
    record LoopRanges(List<int[]> ranges) {
        boolean contains(int index) {
            for (int[] r : ranges) {
                if (index >= r[0] && index <= r[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    static LoopRanges loopRanges(MethodNode method) {
        List<int[]> ranges = new ArrayList<>();
        InsnList insns = method.instructions;
        for (AbstractInsnNode i = insns.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode j) {
                int from = insns.indexOf(i);
                int to = insns.indexOf(j.label);
                if (to < from) {
                    ranges.add(new int[] {to, from});
                }
            }
        }
        return new LoopRanges(ranges);
    }

    /** True when the code from here runs straight into athrow (the argument check of a constructor, say). */
    static boolean onlyThrows(AbstractInsnNode from) {
        int seen = 0;
        for (AbstractInsnNode i = from; i != null && seen < 400; i = i.getNext(), seen++) {
            int op = i.getOpcode();
            if (op == Opcodes.ATHROW) {
                return true;
            }
            if (i instanceof JumpInsnNode j) {
                if (op != Opcodes.GOTO) {
                    return false;
                }
                i = j.label;
                continue;
            }
            if (i instanceof TableSwitchInsnNode || i instanceof LookupSwitchInsnNode
                    || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
                return false;
            }
        }
        return false;
    }

    static Boolean condition(int op, OperandStack stack) {
        switch (op) {
            case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE -> {
                Value v = stack.pop();
                if (!(v instanceof IntV i)) {
                    return null;
                }
                return compareInts(op - Opcodes.IFEQ, i.v(), 0);
            }
            case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                    Opcodes.IF_ICMPLE -> {
                Value b = stack.pop();
                Value a = stack.pop();
                if (!(a instanceof IntV x) || !(b instanceof IntV y)) {
                    return null;
                }
                return compareInts(op - Opcodes.IF_ICMPEQ, x.v(), y.v());
            }
            case Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> {
                Value b = stack.pop();
                Value a = stack.pop();
                Boolean same = sameReference(a, b);
                return same == null ? null : (op == Opcodes.IF_ACMPEQ) == same;
            }
            default -> {
                Value v = stack.pop();
                Boolean isNull = v instanceof Null ? Boolean.TRUE
                        : v instanceof HeapObject || v instanceof External ? Boolean.FALSE : null;
                return isNull == null ? null : (op == Opcodes.IFNULL) == isNull;
            }
        }
    }

    private static boolean compareInts(int relation, int a, int b) {
        return switch (relation) {
            case 0 -> a == b;
            case 1 -> a != b;
            case 2 -> a < b;
            case 3 -> a >= b;
            case 4 -> a > b;
            default -> a <= b;
        };
    }

    private static Boolean sameReference(Value a, Value b) {
        if (a instanceof Null && b instanceof Null) {
            return true;
        }
        if ((a instanceof Null && (b instanceof HeapObject || b instanceof External))
                || (b instanceof Null && (a instanceof HeapObject || a instanceof External))) {
            return false;
        }
        if (a instanceof HeapObject && b instanceof HeapObject) {
            return a == b;
        }
        if ((a instanceof HeapObject && b instanceof External) || (a instanceof External && b instanceof HeapObject)) {
            return false;
        }
        if (a instanceof External x && b instanceof External y && x.classLiteral() != null && y.classLiteral() != null) {
            return x.classLiteral().equals(y.classLiteral());
        }
        return null;
    }
}
