package dev.headroom.core.timing;

import dev.headroom.core.classpath.AsmApi;
import dev.headroom.core.heap.StaticObjects;
import dev.headroom.core.heap.StaticObjects.StringLiteral;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Constant propagation for loop-bound inference: which int values are constants, which arrays have a
 * known length, and which local an int on the stack was loaded from. Values merge to "unknown" when
 * paths disagree, so a constant at an instruction holds on every path that reaches it.
 *
 * <p>An operation that learns something here from its operands must pass their parameters on in
 * {@link ParamProvenance} too, or timings in a call's context are shared where they differ (ParamProvenanceTest
 * fails).
 */
final class ConstantInterpreter extends BasicInterpreter {
    /** Known lengths of final array fields (see {@link FieldArrayLengths}). */
    interface FieldLengths {
        OptionalInt length(String owner, String name, String descriptor, boolean isStatic);

        FieldLengths NONE = (owner, name, descriptor, isStatic) -> OptionalInt.empty();
    }

    /**
     * A value with what is known about it.
     *
     * @param constant    the int value when it is the same on every path, else null
     * @param arrayLength the array's length when known, else null
     * @param local       the local an int was loaded from (stack values only), else -1
     * @param object      the one object a reference names, from the program's static state ({@link StaticObjects}),
     *                    else null; compared by identity
     * @param base        for an int computed as a local plus a constant ({@code i + 1}) or a constant minus a local
     *                    ({@code n - i}): that local, whose value at the time of the computation it was, else -1
     * @param offset      the constant added to {@code base}'s value (or {@code base}'s value is subtracted from)
     * @param negated     true for the constant minus the local
     */
    static final class Value extends BasicValue {
        final Integer constant;
        final Integer arrayLength;
        final int local;
        final Object object;
        final int base;
        final int offset;
        final boolean negated;

        Value(Type type, Integer constant, Integer arrayLength, int local) {
            this(type, constant, arrayLength, local, null);
        }

        Value(Type type, Integer constant, Integer arrayLength, int local, Object object) {
            this(type, constant, arrayLength, local, object, -1, 0, false);
        }

        Value(Type type, Integer constant, Integer arrayLength, int local, Object object, int base, int offset,
              boolean negated) {
            super(type);
            this.constant = constant;
            this.arrayLength = arrayLength;
            this.local = local;
            this.object = object;
            this.base = base;
            this.offset = offset;
            this.negated = negated;
        }

        boolean isKnown() {
            return constant != null || arrayLength != null || object != null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Objects.equals(getType(), v.getType()) && Objects.equals(constant, v.constant)
                    && Objects.equals(arrayLength, v.arrayLength) && local == v.local && sameObject(object, v.object)
                    && base == v.base && offset == v.offset && negated == v.negated;
        }

        @Override
        public int hashCode() {
            return Objects.hash(getType(), constant, arrayLength, local, base, offset, negated) * 31
                    + (object instanceof StringLiteral ? object.hashCode() : System.identityHashCode(object));
        }
    }

    /** The same object: the identical token, or two literals of one text (the JVM interns them into one string). */
    static boolean sameObject(Object a, Object b) {
        return a == b || (a instanceof StringLiteral && a.equals(b));
    }

    private final FieldLengths fields;
    private final StaticObjects statics;
    /** What the caller knows of the arguments (the receiver included), by local: a constant, an array length, an object. */
    private final Map<Integer, Value> arguments;

    ConstantInterpreter(FieldLengths fields) {
        this(fields, StaticObjects.NONE, Map.of());
    }

    /** With the values some arguments are known to have at one call: the method analysed in that context. */
    ConstantInterpreter(FieldLengths fields, StaticObjects statics, Map<Integer, Value> arguments) {
        super(AsmApi.VERSION);
        this.fields = fields;
        this.statics = statics;
        this.arguments = arguments;
    }

    /** A known constant, array length or object, or null when nothing is known beyond the type. */
    static Value known(BasicValue v) {
        return v instanceof Value c && c.isKnown() ? new Value(c.getType(), c.constant, c.arrayLength, -1, c.object) : null;
    }

    /** The value of a field the program's static state fixes, or the plain value. */
    private static BasicValue fixed(BasicValue plain, Optional<StaticObjects.Known> known) {
        if (known.isEmpty()) {
            return plain;
        }
        StaticObjects.Known k = known.get();
        return new Value(plain.getType(), k.constant(), k.arrayLength(), -1, k.object());
    }

    @Override
    public BasicValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
        Value known = arguments.get(local);
        return known != null && known.getType().equals(newValue(type).getType()) ? known
                : super.newParameterValue(isInstanceMethod, local, type);
    }

    static Integer constant(BasicValue v) {
        return v instanceof Value c ? c.constant : null;
    }

    static int local(BasicValue v) {
        return v instanceof Value c ? c.local : -1;
    }

    /** An int value after {@code iinc} by {@code incr}: its constant and its offset moved (null when they may wrap). */
    static BasicValue incremented(BasicValue v, int incr) {
        if (!(v instanceof Value c)) {
            return null;
        }
        Integer constant = c.constant == null ? null : c.constant + incr;
        long offset = (long) c.offset + incr;
        boolean keepsBase = c.base >= 0 && offset >= Integer.MIN_VALUE && offset <= Integer.MAX_VALUE;
        return new Value(Type.INT_TYPE, constant, null, -1, null, keepsBase ? c.base : -1, keepsBase ? (int) offset : 0,
                keepsBase && c.negated);
    }

    /** What a local holds after {@code istore} of a stack value: an int loaded from a local is that local plus 0. */
    static BasicValue stored(BasicValue v) {
        if (v instanceof Value c && c.local >= 0) {
            return new Value(Type.INT_TYPE, c.constant, null, -1, null, c.local, 0, false);
        }
        return v;
    }

    /**
     * For an int that is a local's value plus a constant: {local, constant, 1}; a constant minus a local's value:
     * {local, constant, -1}; else null.
     */
    static int[] offsetFromLocal(BasicValue v) {
        return v instanceof Value c && c.base >= 0 ? new int[] {c.base, c.offset, c.negated ? -1 : 1} : null;
    }

    private static Value intValue(int c) {
        return new Value(Type.INT_TYPE, c, null, -1);
    }

    private static BasicValue array(BasicValue plain, int length) {
        return length < 0 ? plain : new Value(plain.getType(), null, length, -1);
    }

    @Override
    public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        int op = insn.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return intValue(op - Opcodes.ICONST_0);
        }
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
            return intValue(((IntInsnNode) insn).operand);
        }
        if (op == Opcodes.LDC && ((LdcInsnNode) insn).cst instanceof Integer i) {
            return intValue(i);
        }
        BasicValue plain = super.newOperation(insn);
        if (op == Opcodes.LDC && ((LdcInsnNode) insn).cst instanceof String text) {
            return new Value(plain.getType(), null, null, -1, new StringLiteral(text));
        }
        if (op == Opcodes.GETSTATIC) {
            FieldInsnNode f = (FieldInsnNode) insn;
            OptionalInt length = fields.length(f.owner, f.name, f.desc, true);
            if (length.isPresent()) {
                return array(plain, length.getAsInt());
            }
            return fixed(plain, statics.staticField(f.owner, f.name, f.desc));
        }
        return plain;
    }

    @Override
    public BasicValue copyOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.ILOAD && value instanceof Value v) {
            return new Value(v.getType(), v.constant, v.arrayLength, ((VarInsnNode) insn).var);
        }
        if (insn.getOpcode() == Opcodes.ILOAD) {
            return new Value(Type.INT_TYPE, null, null, ((VarInsnNode) insn).var);
        }
        if (insn.getOpcode() == Opcodes.ISTORE && value instanceof Value v && v.local >= 0) {
            return stored(v); // j = i: i's value at the store
        }
        if (value instanceof Value v && v.local >= 0) {
            return v.isKnown() ? new Value(v.getType(), v.constant, v.arrayLength, -1, v.object) : new BasicValue(v.getType());
        }
        return value; // a base and offset stay with the value stored (j = i + 1 holds i's value at the store)
    }

    @Override
    public BasicValue unaryOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
        BasicValue plain = super.unaryOperation(insn, value);
        Integer c = constant(value);
        switch (insn.getOpcode()) {
            case Opcodes.NEWARRAY:
            case Opcodes.ANEWARRAY:
                return c == null || c < 0 ? plain : array(plain, c);
            case Opcodes.ARRAYLENGTH:
                return value instanceof Value v && v.arrayLength != null ? intValue(v.arrayLength) : plain;
            case Opcodes.INEG:
                return c == null ? plain : intValue(-c);
            case Opcodes.IINC:
                return c == null ? plain : intValue(c + ((IincInsnNode) insn).incr);
            case Opcodes.GETFIELD: {
                FieldInsnNode f = (FieldInsnNode) insn;
                OptionalInt length = fields.length(f.owner, f.name, f.desc, false);
                if (length.isPresent()) {
                    return array(plain, length.getAsInt());
                }
                return value instanceof Value v && v.object != null
                        ? fixed(plain, statics.finalField(v.object, f.owner, f.name, f.desc)) : plain;
            }
            default:
                return plain;
        }
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue value1, BasicValue value2)
            throws AnalyzerException {
        BasicValue plain = super.binaryOperation(insn, value1, value2);
        Integer a = constant(value1);
        Integer b = constant(value2);
        Value sum = sumWithLocal(insn.getOpcode(), value1, value2);
        if (a == null || b == null) {
            return sum != null ? sum : plain;
        }
        if (sum != null) { // a constant too: kept with its base, so that later passes, where it is not, agree
            return new Value(Type.INT_TYPE, insn.getOpcode() == Opcodes.IADD ? a + b : a - b, null, -1, null,
                    sum.base, sum.offset, sum.negated);
        }
        switch (insn.getOpcode()) {
            case Opcodes.IADD: return intValue(a + b);
            case Opcodes.ISUB: return intValue(a - b);
            case Opcodes.IMUL: return intValue(a * b);
            case Opcodes.IDIV: return b == 0 ? plain : intValue(a / b);
            case Opcodes.IREM: return b == 0 ? plain : intValue(a % b);
            case Opcodes.ISHL: return intValue(a << b);
            case Opcodes.ISHR: return intValue(a >> b);
            case Opcodes.IUSHR: return intValue(a >>> b);
            case Opcodes.IAND: return intValue(a & b);
            case Opcodes.IOR: return intValue(a | b);
            case Opcodes.IXOR: return intValue(a ^ b);
            default: return plain;
        }
    }

    /**
     * {@code i + c}, {@code c + i}, {@code i - c} or {@code c - i} for an int loaded from local {@code i}: a value
     * with that base and offset (whoever reads it checks that the sum cannot wrap); else null.
     */
    private static Value sumWithLocal(int opcode, BasicValue value1, BasicValue value2) {
        Integer a = constant(value1);
        Integer b = constant(value2);
        long offset;
        int base;
        boolean negated = false;
        if (opcode == Opcodes.IADD && b != null && local(value1) >= 0) {
            base = local(value1);
            offset = b;
        } else if (opcode == Opcodes.IADD && a != null && local(value2) >= 0) {
            base = local(value2);
            offset = a;
        } else if (opcode == Opcodes.ISUB && b != null && local(value1) >= 0) {
            base = local(value1);
            offset = -(long) b;
        } else if (opcode == Opcodes.ISUB && a != null && local(value2) >= 0) {
            base = local(value2);
            offset = a;
            negated = true;
        } else {
            return null;
        }
        return offset < Integer.MIN_VALUE || offset > Integer.MAX_VALUE ? null
                : new Value(Type.INT_TYPE, null, null, -1, null, base, (int) offset, negated);
    }

    /**
     * The length of a string literal, asked through {@code String.length()} or {@code CharSequence.length()}
     * (a literal is a {@code String}, whose length never changes); the plain result of any other call.
     */
    @Override
    public BasicValue naryOperation(AbstractInsnNode insn, List<? extends BasicValue> values) throws AnalyzerException {
        BasicValue plain = super.naryOperation(insn, values);
        if (insn instanceof MethodInsnNode call && call.name.equals("length") && call.desc.equals("()I")
                && (call.owner.equals("java/lang/String") || call.owner.equals("java/lang/CharSequence"))
                && call.getOpcode() != Opcodes.INVOKESTATIC
                && values.get(0) instanceof Value receiver && receiver.object instanceof StringLiteral literal) {
            return intValue(literal.text().length());
        }
        return plain;
    }

    /**
     * Merges to a {@link Value} whenever information is lost: ASM's {@code Frame.merge} compares the
     * result with the old value by {@code equals}, and a plain {@link BasicValue} equals any value of its
     * type, so returning one would keep the old, more specific value.
     */
    @Override
    public BasicValue merge(BasicValue value1, BasicValue value2) {
        if (value1.equals(value2) && value2.equals(value1)) {
            return value1;
        }
        Type type = value1.getType();
        if (type == null || !type.equals(value2.getType())) {
            return BasicValue.UNINITIALIZED_VALUE;
        }
        Integer constant = null;
        Integer length = null;
        int local = -1;
        Object object = null;
        int base = -1;
        int offset = 0;
        boolean negated = false;
        if (value1 instanceof Value a && value2 instanceof Value b) {
            constant = Objects.equals(a.constant, b.constant) ? a.constant : null;
            length = Objects.equals(a.arrayLength, b.arrayLength) ? a.arrayLength : null;
            local = a.local == b.local ? a.local : -1;
            object = sameObject(a.object, b.object) ? a.object : null;
            if (a.base == b.base && a.offset == b.offset && a.negated == b.negated) {
                base = a.base;
                offset = a.offset;
                negated = a.negated;
            }
        }
        return new Value(type, constant, length, local, object, base, offset, negated);
    }
}
