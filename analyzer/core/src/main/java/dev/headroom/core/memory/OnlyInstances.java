package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.memory.Value.HeapObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The one object of a class that a program can have, when the static initialisers make it and nothing else
 * can: every {@code new} of the class or a subclass in the input classes is in a static initialiser (which runs
 * once), each of those initialisers ran to its end, and together they made exactly one such object. A root that
 * is an instance method of the class then runs on that object, and its fixed fields bound its loops.
 *
 * <p>Objects are assumed to be made by {@code new} in the program's own code, its classes loaded by one class
 * loader: a class (or a subclass of it that is made) that is {@code Cloneable} or {@code Serializable} has no
 * single object, since a clone or a deserialised copy is another, nor has an interface (a lambda or a proxy
 * implements it without {@code new}); reflection and {@code Unsafe.allocateInstance} are assumed not to make
 * them, as for the other static facts (writes to final fields by reflection are assumed not to happen either).
 */
final class OnlyInstances {
    private final StaticInterpreter interpreter;
    private final ClassRepository classes;
    private final Hierarchy hierarchy;
    /** For each class the input classes make with {@code new}: the classes whose static initialisers make it. */
    private Map<String, Set<String>> madeInStaticInitializers;
    /** The classes some method other than a static initialiser makes with {@code new}. */
    private Set<String> madeElsewhere;
    /**
     * Those classes and all their supertypes: a type has an object made elsewhere when it is in here (asked once per
     * root's class; walking the classes made elsewhere for each was 1.6% of the analysis thread's samples on every
     * Guava method).
     */
    private Set<String> aboveMadeElsewhere;
    private final Map<String, Optional<HeapObject>> answers = new HashMap<>();

    OnlyInstances(StaticInterpreter interpreter, ClassRepository classes, Hierarchy hierarchy) {
        this.interpreter = interpreter;
        this.classes = classes;
        this.hierarchy = hierarchy;
    }

    Optional<HeapObject> of(String type) {
        return answers.computeIfAbsent(type, this::find);
    }

    private Optional<HeapObject> find(String type) {
        if (madeInStaticInitializers == null) {
            indexNewInstructions();
        }
        // An interface's objects may be lambdas or proxies, made without new.
        if (!isClass(type) || aboveMadeElsewhere.contains(type)) {
            return Optional.empty();
        }
        List<HeapObject> objects = new ArrayList<>();
        for (Map.Entry<String, Set<String>> made : madeInStaticInitializers.entrySet()) {
            if (!hierarchy.isSubtype(made.getKey(), type)) {
                continue;
            }
            if (isCopyable(made.getKey())) {
                return Optional.empty();
            }
            for (String owner : made.getValue()) {
                ClassState state = interpreter.initialize(owner);
                if (!state.done || state.stopped != null || state.callStopped != null) {
                    return Optional.empty();
                }
            }
            objects.addAll(interpreter.madeByStaticInitializers(made.getKey()));
        }
        return objects.size() == 1 && objects.get(0).unbounded == null && !isCopyable(type)
                ? Optional.of(objects.get(0)) : Optional.empty();
    }

    private boolean isClass(String type) {
        return classes.find(type).map(c -> (c.node().access & Opcodes.ACC_INTERFACE) == 0).orElse(false);
    }

    private boolean isCopyable(String type) {
        return hierarchy.isSubtype(type, "java/lang/Cloneable") || hierarchy.isSubtype(type, "java/io/Serializable");
    }

    /** One pass over the input classes' code: where each class is made with {@code new}. */
    private void indexNewInstructions() {
        madeInStaticInitializers = new TreeMap<>();
        madeElsewhere = new HashSet<>();
        for (String name : classes.inputClassNames()) {
            Optional<LoadedClass> c = classes.find(name);
            if (c.isEmpty()) {
                continue;
            }
            for (MethodNode m : c.get().node().methods) {
                boolean staticInitializer = m.name.equals("<clinit>");
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn.getOpcode() == Opcodes.NEW && insn instanceof TypeInsnNode t) {
                        if (staticInitializer) {
                            madeInStaticInitializers.computeIfAbsent(t.desc, k -> new TreeSet<>()).add(name);
                        } else {
                            madeElsewhere.add(t.desc);
                        }
                    }
                }
            }
        }
        aboveMadeElsewhere = new HashSet<>();
        for (String made : madeElsewhere) {
            aboveMadeElsewhere.addAll(hierarchy.supertypes(made));
        }
        if (!madeElsewhere.isEmpty()) {
            aboveMadeElsewhere.add("java/lang/Object"); // every class is a subtype of it (Hierarchy.isSubtype)
        }
    }
}
