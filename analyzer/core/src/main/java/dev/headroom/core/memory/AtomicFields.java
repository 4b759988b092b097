package dev.headroom.core.memory;

import dev.headroom.core.memory.Value.HeapObject;
import dev.headroom.core.memory.Value.IntV;
import dev.headroom.core.memory.Value.LongV;
import dev.headroom.core.memory.Value.Null;
import dev.headroom.core.memory.Value.Unknown;
import java.util.Map;

/**
 * The plain reads and writes of {@code AtomicInteger}, {@code AtomicLong}, {@code AtomicBoolean} and
 * {@code AtomicReference} in a static initializer, on the {@code value} field their constructors write.
 * Their bytecode goes through {@code Unsafe} with a field offset, which the interpreter cannot follow;
 * a static initializer runs on one thread, so every access mode (plain, opaque, acquire/release,
 * volatile) reads and writes the same single value. A weak compare-and-set may fail spuriously and is not
 * modelled (nor is anything else): the call is then followed, and stops as before.
 */
final class AtomicFields {
    /** The field each class keeps its value in, by internal name. */
    private static final Map<String, String> VALUE_FIELD = Map.of(
            "java/util/concurrent/atomic/AtomicInteger", "value:I",
            "java/util/concurrent/atomic/AtomicLong", "value:J",
            "java/util/concurrent/atomic/AtomicBoolean", "value:I",
            "java/util/concurrent/atomic/AtomicReference", "value:Ljava/lang/Object;");

    private AtomicFields() {
    }

    /**
     * The call's result ({@link Null} for a void method) when it is a modelled access on an object the
     * interpreter created of exactly that class; null when the call is to be followed instead.
     */
    static Value apply(String owner, String name, String desc, Value[] args) {
        String field = VALUE_FIELD.get(owner);
        if (field == null || args.length == 0 || !(args[0] instanceof HeapObject o) || o.array || !o.type.equals(owner)) {
            return null;
        }
        char kind = field.charAt(field.indexOf(':') + 1);
        Value current = o.fields.getOrDefault(field, kind == 'J' ? new LongV(0) : kind == 'I' ? new IntV(0) : new Null());
        switch (name) {
            case "get", "getPlain", "getOpaque", "getAcquire", "intValue", "longValue" -> {
                return desc.startsWith("()") && !desc.endsWith("V") ? current : null;
            }
            case "set", "lazySet", "setPlain", "setOpaque", "setRelease" -> {
                o.fields.put(field, args[1]);
                return new Null();
            }
            case "getAndSet" -> {
                o.fields.put(field, args[1]);
                return current;
            }
            case "compareAndSet" -> {
                Value same = same(current, args[1], kind);
                if (same instanceof IntV s && s.v() == 1) {
                    o.fields.put(field, args[2]);
                }
                if (same instanceof Unknown) {
                    o.fields.put(field, new Unknown(kind == 'L' ? 'L' : kind, "a compare-and-set on a value that is not known"));
                }
                return same;
            }
            case "getAndIncrement", "getAndDecrement", "incrementAndGet", "decrementAndGet", "getAndAdd", "addAndGet" -> {
                if (kind == 'L' || owner.endsWith("AtomicBoolean")) {
                    return null;
                }
                String verb = name.toLowerCase(java.util.Locale.ROOT);
                Value delta = verb.contains("increment") ? one(kind, 1) : verb.contains("decrement") ? one(kind, -1) : args[1];
                Value updated = add(current, delta, kind);
                o.fields.put(field, updated);
                return name.startsWith("getAnd") ? current : updated;
            }
            default -> {
                return null;
            }
        }
    }

    private static Value one(char kind, int v) {
        return kind == 'J' ? new LongV(v) : new IntV(v);
    }

    private static Value add(Value a, Value b, char kind) {
        if (a instanceof IntV x && b instanceof IntV y) {
            return new IntV(x.v() + y.v());
        }
        if (a instanceof LongV x && b instanceof LongV y) {
            return new LongV(x.v() + y.v());
        }
        return new Unknown(kind, null);
    }

    /** 1 when the two are the same value (the same object for references), 0 when not, unknown when either is. */
    private static Value same(Value a, Value b, char kind) {
        if (a instanceof IntV x && b instanceof IntV y) {
            return new IntV(x.v() == y.v() ? 1 : 0);
        }
        if (a instanceof LongV x && b instanceof LongV y) {
            return new IntV(x.v() == y.v() ? 1 : 0);
        }
        if (kind == 'L' && (a instanceof HeapObject || a instanceof Null) && (b instanceof HeapObject || b instanceof Null)) {
            return new IntV(a == b || (a instanceof Null && b instanceof Null) ? 1 : 0);
        }
        return new Unknown('I', null);
    }
}
