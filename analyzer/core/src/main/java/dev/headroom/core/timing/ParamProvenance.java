package dev.headroom.core.timing;

import dev.headroom.core.classpath.AsmApi;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Which of a method's parameters each value may derive from, as a mask over locals ({@link #bit}): under the
 * {@link ConstantInterpreter}, what a call knows of those parameters can change what is known of the value, and
 * nothing else a call passes can. A value derives from what the constant interpreter makes it of: a copy from its
 * source, int arithmetic from its operands, an array's length or a new array's from the array or the count, a
 * field from the object, a string's {@code length()} from the string, a merge from both sides. Every other
 * operation's result is unknown there whatever the operands are, so it derives from nothing; nor do constants
 * and static fields. Whatever the constant interpreter learns to know must be passed on here too:
 * ParamProvenanceTest compares the two on the JDK's code.
 */
final class ParamProvenance extends Interpreter<ParamProvenance.Derived> {
    /** The bit for locals 63 and above, which share it. */
    static final long HIGH_LOCALS = 1L << 63;

    /** The sizes of results, from the plain interpreter, which reads only the instruction for them. */
    private static final BasicInterpreter SIZES = new BasicInterpreter();
    private static final Derived NONE_1 = new Derived(1, 0);
    private static final Derived NONE_2 = new Derived(2, 0);

    /** A value's size (1, or 2 for long and double) and the parameters it may derive from. */
    static final class Derived implements org.objectweb.asm.tree.analysis.Value {
        final int size;
        final long params;

        Derived(int size, long params) {
            this.size = size;
            this.params = params;
        }

        @Override
        public int getSize() {
            return size;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Derived d && d.size == size && d.params == params;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(params) * 31 + size;
        }
    }

    ParamProvenance() {
        super(AsmApi.VERSION);
    }

    /** The mask bit of a local. */
    static long bit(int local) {
        return local >= 63 ? HIGH_LOCALS : 1L << local;
    }

    private static Derived of(BasicValue sized, long params) {
        if (sized == null) {
            return null;
        }
        if (params == 0) {
            return sized.getSize() == 2 ? NONE_2 : NONE_1;
        }
        return new Derived(sized.getSize(), params);
    }

    @Override
    public Derived newValue(Type type) {
        return of(SIZES.newValue(type), 0);
    }

    @Override
    public Derived newParameterValue(boolean isInstanceMethod, int local, Type type) {
        return of(SIZES.newValue(type), bit(local));
    }

    @Override
    public Derived newOperation(AbstractInsnNode insn) throws AnalyzerException {
        return of(SIZES.newOperation(insn), 0);
    }

    @Override
    public Derived copyOperation(AbstractInsnNode insn, Derived value) {
        return value;
    }

    @Override
    public Derived unaryOperation(AbstractInsnNode insn, Derived value) throws AnalyzerException {
        boolean carried = switch (insn.getOpcode()) {
            case Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.ARRAYLENGTH, Opcodes.INEG, Opcodes.IINC,
                 Opcodes.GETFIELD -> true;
            default -> false;
        };
        return of(SIZES.unaryOperation(insn, BasicValue.UNINITIALIZED_VALUE), carried ? value.params : 0);
    }

    @Override
    public Derived binaryOperation(AbstractInsnNode insn, Derived value1, Derived value2) throws AnalyzerException {
        boolean intArithmetic = switch (insn.getOpcode()) {
            case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IDIV, Opcodes.IREM, Opcodes.ISHL, Opcodes.ISHR,
                 Opcodes.IUSHR, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR -> true;
            default -> false;
        };
        return of(SIZES.binaryOperation(insn, BasicValue.UNINITIALIZED_VALUE, BasicValue.UNINITIALIZED_VALUE),
                intArithmetic ? value1.params | value2.params : 0);
    }

    @Override
    public Derived ternaryOperation(AbstractInsnNode insn, Derived value1, Derived value2, Derived value3) {
        return null; // the array stores: no result
    }

    @Override
    public Derived naryOperation(AbstractInsnNode insn, List<? extends Derived> values) throws AnalyzerException {
        boolean stringLength = insn instanceof MethodInsnNode call && call.getOpcode() != Opcodes.INVOKESTATIC
                && call.name.equals("length") && call.desc.equals("()I");
        return of(SIZES.naryOperation(insn, List.of()), stringLength ? values.get(0).params : 0);
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, Derived value, Derived expected) {
    }

    @Override
    public Derived merge(Derived value1, Derived value2) {
        long params = value1.params | value2.params;
        int size = value1.size == value2.size ? value1.size : 1;
        return params == value1.params && size == value1.size ? value1 : new Derived(size, params);
    }
}
