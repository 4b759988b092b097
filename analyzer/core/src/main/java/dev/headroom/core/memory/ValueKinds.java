package dev.headroom.core.memory;

import dev.headroom.core.memory.Value.DoubleV;
import dev.headroom.core.memory.Value.External;
import dev.headroom.core.memory.Value.FloatV;
import dev.headroom.core.memory.Value.IntV;
import dev.headroom.core.memory.Value.LongV;
import dev.headroom.core.memory.Value.Null;
import dev.headroom.core.memory.Value.Unknown;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The static interpreter's values by kind ({@code I}, {@code J}, {@code F}, {@code D}, {@code L}; {@code V} for none):
 * what a load or array load gives, a constant's value, a field's default, a value stored into a narrow array.
 */
final class ValueKinds {
    private ValueKinds() {
    }

    static char kindOfLoad(int op) {
        return switch (op) {
            case Opcodes.ILOAD -> 'I';
            case Opcodes.LLOAD -> 'J';
            case Opcodes.FLOAD -> 'F';
            case Opcodes.DLOAD -> 'D';
            default -> 'L';
        };
    }

    static char kindOfArrayLoad(int op) {
        return switch (op) {
            case Opcodes.LALOAD -> 'J';
            case Opcodes.FALOAD -> 'F';
            case Opcodes.DALOAD -> 'D';
            case Opcodes.AALOAD -> 'L';
            default -> 'I';
        };
    }

    static Value narrowForArray(int op, Value v) {
        if (v instanceof IntV i) {
            return switch (op) {
                case Opcodes.BASTORE -> new IntV((byte) i.v());
                case Opcodes.CASTORE -> new IntV((char) i.v());
                case Opcodes.SASTORE -> new IntV((short) i.v());
                default -> v;
            };
        }
        return v;
    }

    static Value ldc(Object cst) {
        if (cst instanceof Integer i) {
            return new IntV(i);
        } else if (cst instanceof Long l) {
            return new LongV(l);
        } else if (cst instanceof Float f) {
            return new FloatV(f);
        } else if (cst instanceof Double d) {
            return new DoubleV(d);
        } else if (cst instanceof String text) {
            return new External("a string literal", null, text);
        } else if (cst instanceof Type t && t.getSort() != Type.METHOD) {
            return new External("a class literal", t.getDescriptor());
        }
        return new External("a constant " + cst, null);
    }

    static Value defaultValue(char kind) {
        return switch (kind) {
            case 'J' -> new LongV(0);
            case 'F' -> new FloatV(0);
            case 'D' -> new DoubleV(0);
            case 'L', '[' -> new Null();
            default -> new IntV(0);
        };
    }

    static char normalKind(char kind) {
        return kind == 'J' || kind == 'D' || kind == 'F' ? kind : 'I';
    }

    static char kindOf(Type t) {
        return switch (t.getSort()) {
            case Type.VOID -> 'V';
            case Type.LONG -> 'J';
            case Type.FLOAT -> 'F';
            case Type.DOUBLE -> 'D';
            case Type.OBJECT, Type.ARRAY -> 'L';
            default -> 'I';
        };
    }

    /** What a call not followed returns: nothing for {@code V}, else a value of the kind not known, with why. */
    static Value unknownResult(char kind, String reason) {
        if (kind == 'V') {
            return null;
        }
        return new Unknown(kind, kind == 'L' ? reason : null);
    }
}
