package dev.headroom.core.memory;

import dev.headroom.core.memory.StaticInterpreter.Stop;
import dev.headroom.core.memory.Value.DoubleV;
import dev.headroom.core.memory.Value.FloatV;
import dev.headroom.core.memory.Value.IntV;
import dev.headroom.core.memory.Value.LongV;
import dev.headroom.core.memory.Value.Unknown;
import org.objectweb.asm.Opcodes;

/** Java arithmetic on constant values; unknown in, unknown out. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Value intOp(int op, Value a, Value b, String where, int line) throws Stop {
        if (!(a instanceof IntV x) || !(b instanceof IntV y)) {
            return new Unknown('I', null);
        }
        int p = x.v();
        int q = y.v();
        if ((op == Opcodes.IDIV || op == Opcodes.IREM) && q == 0) {
            throw new Stop("divides by zero in " + where + (line > 0 ? " at line " + line : ""));
        }
        return new IntV(switch (op) {
            case Opcodes.IADD -> p + q;
            case Opcodes.ISUB -> p - q;
            case Opcodes.IMUL -> p * q;
            case Opcodes.IDIV -> p / q;
            case Opcodes.IREM -> p % q;
            case Opcodes.ISHL -> p << q;
            case Opcodes.ISHR -> p >> q;
            case Opcodes.IUSHR -> p >>> q;
            case Opcodes.IAND -> p & q;
            case Opcodes.IOR -> p | q;
            default -> p ^ q;
        });
    }

    static Value longOp(int op, Value a, Value b, String where, int line) throws Stop {
        boolean shift = op == Opcodes.LSHL || op == Opcodes.LSHR || op == Opcodes.LUSHR;
        if (!(a instanceof LongV x)) {
            return new Unknown('J', null);
        }
        long p = x.v();
        if (shift) {
            if (!(b instanceof IntV s)) {
                return new Unknown('J', null);
            }
            return new LongV(switch (op) {
                case Opcodes.LSHL -> p << s.v();
                case Opcodes.LSHR -> p >> s.v();
                default -> p >>> s.v();
            });
        }
        if (!(b instanceof LongV y)) {
            return new Unknown('J', null);
        }
        long q = y.v();
        if ((op == Opcodes.LDIV || op == Opcodes.LREM) && q == 0) {
            throw new Stop("divides by zero in " + where + (line > 0 ? " at line " + line : ""));
        }
        return new LongV(switch (op) {
            case Opcodes.LADD -> p + q;
            case Opcodes.LSUB -> p - q;
            case Opcodes.LMUL -> p * q;
            case Opcodes.LDIV -> p / q;
            case Opcodes.LREM -> p % q;
            case Opcodes.LAND -> p & q;
            case Opcodes.LOR -> p | q;
            default -> p ^ q;
        });
    }

    static Value floatingOp(int op, Value a, Value b) {
        boolean isDouble = op >= Opcodes.DADD && op <= Opcodes.DREM && (op - Opcodes.IADD) % 4 == 3;
        if (a instanceof FloatV x && b instanceof FloatV y) {
            float p = x.v();
            float q = y.v();
            return new FloatV(switch (op) {
                case Opcodes.FADD -> p + q;
                case Opcodes.FSUB -> p - q;
                case Opcodes.FMUL -> p * q;
                case Opcodes.FDIV -> p / q;
                default -> p % q;
            });
        }
        if (a instanceof DoubleV x && b instanceof DoubleV y) {
            double p = x.v();
            double q = y.v();
            return new DoubleV(switch (op) {
                case Opcodes.DADD -> p + q;
                case Opcodes.DSUB -> p - q;
                case Opcodes.DMUL -> p * q;
                case Opcodes.DDIV -> p / q;
                default -> p % q;
            });
        }
        return new Unknown(isDouble ? 'D' : 'F', null);
    }

    static Value unary(int op, Value v) {
        char resultKind = switch (op) {
            case Opcodes.LNEG, Opcodes.I2L, Opcodes.F2L, Opcodes.D2L -> 'J';
            case Opcodes.FNEG, Opcodes.I2F, Opcodes.L2F, Opcodes.D2F -> 'F';
            case Opcodes.DNEG, Opcodes.I2D, Opcodes.L2D, Opcodes.F2D -> 'D';
            default -> 'I';
        };
        double d;
        long l;
        if (v instanceof IntV i) {
            l = i.v();
            d = i.v();
        } else if (v instanceof LongV x) {
            l = x.v();
            d = x.v();
        } else if (v instanceof FloatV f) {
            d = f.v();
            l = (long) f.v();
        } else if (v instanceof DoubleV x) {
            d = x.v();
            l = (long) x.v();
        } else {
            return new Unknown(resultKind, null);
        }
        return switch (op) {
            case Opcodes.INEG -> new IntV(-(int) l);
            case Opcodes.LNEG -> new LongV(-l);
            case Opcodes.FNEG -> new FloatV(-(float) d);
            case Opcodes.DNEG -> new DoubleV(-d);
            case Opcodes.I2L -> new LongV(l);
            case Opcodes.I2F, Opcodes.L2F -> new FloatV(v instanceof LongV x ? (float) x.v() : (float) l);
            case Opcodes.I2D, Opcodes.L2D -> new DoubleV(v instanceof LongV x ? (double) x.v() : (double) l);
            case Opcodes.L2I -> new IntV((int) l);
            case Opcodes.F2I, Opcodes.D2I -> new IntV((int) d);
            case Opcodes.F2L, Opcodes.D2L -> new LongV((long) d);
            case Opcodes.F2D -> new DoubleV(d);
            case Opcodes.D2F -> new FloatV((float) d);
            case Opcodes.I2B -> new IntV((byte) l);
            case Opcodes.I2C -> new IntV((char) l);
            default -> new IntV((short) l);
        };
    }

    static Value compare(int op, Value a, Value b) {
        if (op == Opcodes.LCMP) {
            return a instanceof LongV x && b instanceof LongV y ? new IntV(Long.compare(x.v(), y.v())) : new Unknown('I', null);
        }
        double p;
        double q;
        if (a instanceof FloatV x && b instanceof FloatV y) {
            p = x.v();
            q = y.v();
        } else if (a instanceof DoubleV x && b instanceof DoubleV y) {
            p = x.v();
            q = y.v();
        } else {
            return new Unknown('I', null);
        }
        if (Double.isNaN(p) || Double.isNaN(q)) {
            return new IntV(op == Opcodes.FCMPG || op == Opcodes.DCMPG ? 1 : -1);
        }
        return new IntV(Double.compare(p, q) == 0 || p == q ? 0 : p < q ? -1 : 1);
    }
}
