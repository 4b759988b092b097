package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.heap.StaticObjects;
import dev.headroom.core.heap.StaticObjects.StringLiteral;
import dev.headroom.core.memory.Value.External;
import dev.headroom.core.memory.Value.HeapObject;
import dev.headroom.core.memory.Value.IntV;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The static initialisers' results as far as they are exact and final: a static final field of an input
 * class whose initialiser ran to its end, holding an int or an object that could be followed to its end (not
 * unbounded); and the final fields of such objects. Anything else is not known.
 *
 * <p>A call the initialiser made that could not be followed does not matter here: a static final field is
 * assigned only by its own class's initialiser, a final instance field only by its class's constructors,
 * and an object whose constructor was not followed to its end is unbounded. The JVM enforces those rules for
 * class files of Java 9 and later; for older ones the declaring class is checked to assign the field nowhere
 * else.
 */
final class InitializedObjects implements StaticObjects {
    private final StaticInterpreter interpreter;
    private final ClassRepository classes;
    private final Hierarchy hierarchy;
    private final Map<String, Optional<Known>> staticFields = new HashMap<>();
    private final Map<String, Boolean> finalFields = new HashMap<>();
    private final OnlyInstances onlyInstances;

    InitializedObjects(StaticInterpreter interpreter, ClassRepository classes, Hierarchy hierarchy) {
        this.interpreter = interpreter;
        this.classes = classes;
        this.hierarchy = hierarchy;
        this.onlyInstances = new OnlyInstances(interpreter, classes, hierarchy);
    }

    @Override
    public Optional<Object> onlyInstance(String className) {
        return onlyInstances.of(className).map(o -> o);
    }

    @Override
    public Optional<Known> staticField(String owner, String name, String descriptor) {
        // Asked for every field read of every method the timing analyses: the answers are kept.
        return staticFields.computeIfAbsent(owner + "." + name + ":" + descriptor,
                k -> readStaticField(owner, name, descriptor));
    }

    private Optional<Known> readStaticField(String owner, String name, String descriptor) {
        Optional<ClassState> state = interpreter.state(owner);
        if (state.isEmpty() || !state.get().done || state.get().stopped != null
                || !declaresStaticFinalOnce(owner, name, descriptor)
                || assignedOutside(owner, Opcodes.PUTSTATIC, name, descriptor, "<clinit>")) {
            return Optional.empty();
        }
        return known(state.get().statics.get(name), descriptor);
    }

    @Override
    public Optional<Known> finalField(Object object, String owner, String name, String descriptor) {
        if (!(object instanceof HeapObject o) || o.array || o.unbounded != null
                || !finalFields.computeIfAbsent(o.type + " " + owner + "." + name + ":" + descriptor,
                        k -> isFixedField(o.type, owner, name, descriptor))) {
            return Optional.empty();
        }
        return known(o.fields.get(name + ":" + descriptor), descriptor);
    }

    /**
     * Whether the field a read through {@code owner} names is final in objects of {@code type} and assigned only
     * by constructors. The interpreter keeps an object's field values by name and descriptor, so exactly one
     * class of the type may declare one of that name and descriptor.
     */
    private boolean isFixedField(String type, String owner, String name, String descriptor) {
        String declaring = null;
        for (String t : hierarchy.supertypes(type)) {
            Optional<LoadedClass> c = classes.find(t);
            if (c.isEmpty()) {
                return false; // a class not seen may declare a field of the same name
            }
            for (FieldNode f : c.get().node().fields) {
                if ((f.access & Opcodes.ACC_STATIC) == 0 && f.name.equals(name) && f.desc.equals(descriptor)) {
                    if (declaring != null || (f.access & Opcodes.ACC_FINAL) == 0) {
                        return false;
                    }
                    declaring = t;
                }
            }
        }
        return declaring != null && hierarchy.supertypes(owner).contains(declaring)
                && !assignedOutside(declaring, Opcodes.PUTFIELD, name, descriptor, "<init>");
    }

    /** Whether the input class declares one field of that name, and it is static and final with that descriptor. */
    private boolean declaresStaticFinalOnce(String owner, String name, String descriptor) {
        Optional<LoadedClass> c = classes.find(owner);
        if (c.isEmpty() || !c.get().input()) {
            return false;
        }
        int named = 0;
        boolean matches = false;
        int staticFinal = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
        for (FieldNode f : c.get().node().fields) {
            if (f.name.equals(name)) {
                named++;
                matches |= f.desc.equals(descriptor) && (f.access & staticFinal) == staticFinal;
            }
        }
        return named == 1 && matches;
    }

    /** Whether a method of the class other than those named {@code allowedIn} assigns the field. */
    private boolean assignedOutside(String owner, int opcode, String name, String descriptor, String allowedIn) {
        LoadedClass c = classes.find(owner).orElse(null);
        if (c == null) {
            return true;
        }
        for (MethodNode m : c.node().methods) {
            if (m.name.equals(allowedIn) || m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() == opcode && insn instanceof FieldInsnNode f
                        && f.name.equals(name) && f.desc.equals(descriptor)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Known> known(Value v, String descriptor) {
        if (v instanceof IntV i && descriptor.equals("I")) {
            return Optional.of(new Known(i.v(), null, null));
        }
        if (v instanceof External e && e.literalText() != null && descriptor.startsWith("L")) {
            return Optional.of(new Known(null, null, new StringLiteral(e.literalText())));
        }
        if (v instanceof HeapObject o && o.unbounded == null) {
            boolean knownLength = o.array && o.length >= 0 && o.length <= Integer.MAX_VALUE;
            return Optional.of(new Known(null, knownLength ? (int) o.length : null, o));
        }
        return Optional.empty();
    }
}
