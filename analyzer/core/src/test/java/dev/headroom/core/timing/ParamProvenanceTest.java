package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.heap.StaticObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.junit.jupiter.api.Test;

/**
 * What a call knows of a method's parameters changes the constant interpreter's value only where
 * {@link ParamProvenance} says that value derives from one of them: on every method of some of the JDK's classes
 * (strings, arrays, collections), each analysed in pairs of random contexts that differ in one parameter (known in
 * one and not the other, or known with two values), every local and stack value at every instruction that differs
 * between the two must derive from that parameter. Objects read through final fields of known objects are known too
 * (a made-up static state), so knowledge flows through field reads. All the values that break this are listed
 * together.
 */
class ParamProvenanceTest {
    private static final List<Class<?>> CLASSES = List.of(String.class, Integer.class, Long.class, Character.class,
            java.util.Arrays.class, java.util.ArrayList.class, java.util.HashMap.class, java.util.ArrayDeque.class,
            java.util.BitSet.class, java.util.Collections.class, java.lang.invoke.MethodType.class);
    private static final String[] JDK_INTERNAL = {"java/lang/StringLatin1", "java/lang/StringUTF16", "java/lang/StringConcatHelper"};
    private static final int CONTEXTS_PER_METHOD = 4;

    /** An object a made-up static state knows; its final fields are known as well, each the same every time. */
    private record Token(String path) {
    }

    /** One token per path, as a real static state gives one object per field (tokens compare by identity). */
    private static final Map<String, Token> TOKENS = new java.util.HashMap<>();

    private static Token token(String path) {
        return TOKENS.computeIfAbsent(path, Token::new);
    }

    /** Knows every final field of a known object: an int, an array's length or another object, from the field's name. */
    private static final StaticObjects EVERY_FIELD = new StaticObjects() {
        @Override
        public Optional<Known> staticField(String owner, String name, String descriptor) {
            return Optional.empty();
        }

        @Override
        public Optional<Known> finalField(Object object, String owner, String name, String descriptor) {
            int n = Math.floorMod(Objects.hash(object, name), 50);
            return switch (descriptor.charAt(0)) {
                case 'I', 'S', 'B', 'C', 'Z' -> Optional.of(new Known(n, null, null));
                case '[' -> Optional.of(new Known(null, n, token(object + "." + name)));
                case 'L' -> Optional.of(new Known(null, null, token(object + "." + name)));
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<Object> onlyInstance(String className) {
            return Optional.empty();
        }
    };

    @Test
    void aValueThatAKnownArgumentChangesDerivesFromIt() throws IOException {
        List<String> problems = new ArrayList<>();
        Random random = new Random(2026);
        int compared = 0;
        List<String> names = new ArrayList<>();
        CLASSES.forEach(c -> names.add(Type.getInternalName(c)));
        names.addAll(List.of(JDK_INTERNAL));
        for (String name : names) {
            ClassNode owner = new ClassNode();
            new ClassReader(name).accept(owner, 0);
            for (MethodNode m : owner.methods) {
                if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    continue;
                }
                List<Integer> params = knowable(m);
                for (int k = 0; k < CONTEXTS_PER_METHOD && !params.isEmpty(); k++) {
                    Map<Integer, ConstantInterpreter.Value> one = context(m, random);
                    int changed = params.get(random.nextInt(params.size()));
                    Map<Integer, ConstantInterpreter.Value> other = new TreeMap<>(one);
                    ConstantInterpreter.Value value = other.containsKey(changed) && random.nextBoolean() ? null
                            : knownValue(kindOf(m, changed), changed, random);
                    if (value == null) {
                        other.remove(changed);
                    } else {
                        other.put(changed, value);
                    }
                    compared += compare(owner.name, m, one, other, changed, problems);
                }
            }
        }
        assertTrue(compared > 100_000, "values compared: " + compared);
        if (!problems.isEmpty()) {
            fail(problems.size() + " values changed by an argument they do not derive from:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(50, problems.size()))));
        }
    }

    /** The locals of the parameters a call can know (the receiver, ints, arrays, objects), in order. */
    private static List<Integer> knowable(MethodNode m) {
        List<Integer> locals = new ArrayList<>();
        int local = 0;
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            locals.add(local++);
        }
        for (Type t : Type.getArgumentTypes(m.desc)) {
            if (kindOf(t) != null) {
                locals.add(local);
            }
            local += t.getSize();
        }
        return locals;
    }

    /** The kind of value a parameter's local can be known as: "int", "array" or "object"; null for none. */
    private static String kindOf(MethodNode m, int local) {
        int at = 0;
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            if (local == 0) {
                return "object";
            }
            at = 1;
        }
        for (Type t : Type.getArgumentTypes(m.desc)) {
            if (at == local) {
                return kindOf(t);
            }
            at += t.getSize();
        }
        throw new IllegalArgumentException("no parameter at local " + local);
    }

    private static String kindOf(Type t) {
        return switch (t.getSort()) {
            case Type.INT, Type.SHORT, Type.BYTE, Type.CHAR, Type.BOOLEAN -> "int";
            case Type.ARRAY -> "array";
            case Type.OBJECT -> "object";
            default -> null;
        };
    }

    /** A random known value of a kind: an int, an array of some length, an object (a string literal or a token). */
    private static ConstantInterpreter.Value knownValue(String kind, int local, Random random) {
        return switch (kind) {
            case "int" -> new ConstantInterpreter.Value(Type.INT_TYPE, random.nextInt(40) - 4, null, -1);
            case "array" -> new ConstantInterpreter.Value(BasicValue.REFERENCE_VALUE.getType(), null, random.nextInt(40),
                    -1, token("array" + local + "." + random.nextInt(3)));
            default -> new ConstantInterpreter.Value(BasicValue.REFERENCE_VALUE.getType(), null, null, -1,
                    random.nextBoolean() ? new StaticObjects.StringLiteral("text" + random.nextInt(3))
                    : token("arg" + local + "." + random.nextInt(3)));
        };
    }

    /** Each parameter a call can know, known or not at random. */
    private static Map<Integer, ConstantInterpreter.Value> context(MethodNode m, Random random) {
        Map<Integer, ConstantInterpreter.Value> known = new TreeMap<>();
        for (int local : knowable(m)) {
            if (random.nextBoolean()) {
                known.put(local, knownValue(kindOf(m, local), local, random));
            }
        }
        return known;
    }

    /** The values compared; a problem for each that differs without deriving from a known parameter. */
    private static int compare(String owner, MethodNode m, Map<Integer, ConstantInterpreter.Value> known,
                               Map<Integer, ConstantInterpreter.Value> otherwise, int changed, List<String> problems) {
        Frame<BasicValue>[] free;
        Frame<BasicValue>[] inContext;
        Frame<ParamProvenance.Derived>[] provenance;
        try {
            free = new Analyzer<>(new ConstantInterpreter(ConstantInterpreter.FieldLengths.NONE, EVERY_FIELD, otherwise))
                    .analyze(owner, m);
            inContext = new Analyzer<>(new ConstantInterpreter(ConstantInterpreter.FieldLengths.NONE, EVERY_FIELD, known))
                    .analyze(owner, m);
            provenance = new Analyzer<>(new ParamProvenance()).analyze(owner, m);
        } catch (AnalyzerException e) {
            return 0;
        }
        long knownMask = ParamProvenance.bit(changed);
        int compared = 0;
        for (int i = 0; i < free.length; i++) {
            if ((free[i] == null) != (inContext[i] == null) || (free[i] == null) != (provenance[i] == null)) {
                problems.add(owner + "." + m.name + m.desc + " #" + i + ": reached in one analysis only");
                continue;
            }
            if (free[i] == null) {
                continue;
            }
            for (int l = 0; l < free[i].getLocals(); l++) {
                compared++;
                if (changedWithout(free[i].getLocal(l), inContext[i].getLocal(l), provenance[i].getLocal(l), knownMask)) {
                    problems.add(owner + "." + m.name + m.desc + " at " + i + ", local " + l + ", knowing " + known
                            + " or " + otherwise + ": " + inContext[i].getLocal(l) + " against " + free[i].getLocal(l));
                }
            }
            for (int s = 0; s < free[i].getStackSize(); s++) {
                compared++;
                if (changedWithout(free[i].getStack(s), inContext[i].getStack(s), provenance[i].getStack(s), knownMask)) {
                    problems.add(owner + "." + m.name + m.desc + " at " + i + ", stack " + s + ", knowing " + known
                            + " or " + otherwise + ": " + inContext[i].getStack(s) + " against " + free[i].getStack(s));
                }
            }
        }
        return compared;
    }

    /** Whether a value differs between the two analyses though it does not derive from the parameter they differ in. */
    private static boolean changedWithout(BasicValue free, BasicValue inContext, ParamProvenance.Derived derived,
                                          long knownMask) {
        return !same(free, inContext) && (derived.params & knownMask) == 0;
    }

    /** The same value: both plain of one type, or both known alike. */
    private static boolean same(BasicValue a, BasicValue b) {
        if (a instanceof ConstantInterpreter.Value || b instanceof ConstantInterpreter.Value) {
            return a instanceof ConstantInterpreter.Value && a.equals(b);
        }
        return Objects.equals(a, b);
    }
}
