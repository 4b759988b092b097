package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.heap.StaticObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final Map<String, Token> TOKENS = new HashMap<>();

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
                Map<Integer, String> knowable = knowable(m);
                List<Integer> params = List.copyOf(knowable.keySet());
                for (int k = 0; k < CONTEXTS_PER_METHOD && !params.isEmpty(); k++) {
                    Map<Integer, ConstantInterpreter.Value> one = context(knowable, random);
                    int changed = params.get(random.nextInt(params.size()));
                    Map<Integer, ConstantInterpreter.Value> other = new TreeMap<>(one);
                    ConstantInterpreter.Value value = other.containsKey(changed) && random.nextBoolean() ? null
                            : knownValue(knowable.get(changed), changed, random);
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

    /**
     * The locals of the parameters a call can know (the receiver, ints, arrays, objects), in order, each with the kind
     * of value it can be known as: "int", "array" or "object".
     */
    private static Map<Integer, String> knowable(MethodNode m) {
        Map<Integer, String> locals = new LinkedHashMap<>();
        int local = 0;
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            locals.put(local++, "object");
        }
        for (Type t : Type.getArgumentTypes(m.desc)) {
            String kind = switch (t.getSort()) {
                case Type.INT, Type.SHORT, Type.BYTE, Type.CHAR, Type.BOOLEAN -> "int";
                case Type.ARRAY -> "array";
                case Type.OBJECT -> "object";
                default -> null;
            };
            if (kind != null) {
                locals.put(local, kind);
            }
            local += t.getSize();
        }
        return locals;
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
    private static Map<Integer, ConstantInterpreter.Value> context(Map<Integer, String> knowable, Random random) {
        Map<Integer, ConstantInterpreter.Value> known = new TreeMap<>();
        knowable.forEach((local, kind) -> {
            if (random.nextBoolean()) {
                known.put(local, knownValue(kind, local, random));
            }
        });
        return known;
    }

    /** The values compared; a problem for each that differs without deriving from the parameter the contexts differ in. */
    private static int compare(String owner, MethodNode m, Map<Integer, ConstantInterpreter.Value> one,
                               Map<Integer, ConstantInterpreter.Value> other, int changed, List<String> problems) {
        Frame<BasicValue>[] inOne;
        Frame<BasicValue>[] inOther;
        Frame<ParamProvenance.Derived>[] provenance;
        try {
            inOne = new Analyzer<>(new ConstantInterpreter(ConstantInterpreter.FieldLengths.NONE, EVERY_FIELD, one))
                    .analyze(owner, m);
            inOther = new Analyzer<>(new ConstantInterpreter(ConstantInterpreter.FieldLengths.NONE, EVERY_FIELD, other))
                    .analyze(owner, m);
            provenance = new Analyzer<>(new ParamProvenance()).analyze(owner, m);
        } catch (AnalyzerException e) {
            return 0;
        }
        long changedBit = ParamProvenance.bit(changed);
        String where = owner + "." + m.name + m.desc;
        int compared = 0;
        for (int i = 0; i < inOne.length; i++) {
            if ((inOne[i] == null) != (inOther[i] == null) || (inOne[i] == null) != (provenance[i] == null)) {
                problems.add(where + " #" + i + ": reached in one analysis only");
                continue;
            }
            if (inOne[i] == null) {
                continue;
            }
            for (int l = 0; l < inOne[i].getLocals(); l++) {
                compared++;
                if (changedWithout(inOne[i].getLocal(l), inOther[i].getLocal(l), provenance[i].getLocal(l), changedBit)) {
                    problems.add(where + " at " + i + ", local " + l + ", knowing " + one + " or " + other + ": "
                            + inOne[i].getLocal(l) + " against " + inOther[i].getLocal(l));
                }
            }
            for (int s = 0; s < inOne[i].getStackSize(); s++) {
                compared++;
                if (changedWithout(inOne[i].getStack(s), inOther[i].getStack(s), provenance[i].getStack(s), changedBit)) {
                    problems.add(where + " at " + i + ", stack " + s + ", knowing " + one + " or " + other + ": "
                            + inOne[i].getStack(s) + " against " + inOther[i].getStack(s));
                }
            }
        }
        return compared;
    }

    /** Whether a value differs between the two analyses though it does not derive from the parameter they differ in. */
    private static boolean changedWithout(BasicValue one, BasicValue other, ParamProvenance.Derived derived,
                                          long changedBit) {
        return !same(one, other) && (derived.params & changedBit) == 0;
    }

    /** The same value: both plain of one type, or both known alike. */
    private static boolean same(BasicValue a, BasicValue b) {
        if (a instanceof ConstantInterpreter.Value || b instanceof ConstantInterpreter.Value) {
            return a instanceof ConstantInterpreter.Value && a.equals(b);
        }
        return Objects.equals(a, b);
    }
}
