package dev.headroom.core.memory;

import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.LoadedClass;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * Which static fields of the inputs the static footprint counts: all of them (the whole program, for a RAM
 * budget), or only the static state the roots use: the fields that a method of the call graph reads or
 * writes ({@code getstatic}/{@code putstatic}, resolved to the class that declares the field, as the JVM
 * resolves it), with everything reachable from them. A field only its class's static initialiser touches,
 * or that is reached only by reflection or {@code Unsafe} offsets, is outside the roots' scope.
 */
public final class StaticScope {
    private static final StaticScope ALL = new StaticScope(null);

    /** {@code owner.name} (internal owner names) of the fields in scope; null for every field. */
    private final Set<String> fields;

    private StaticScope(Set<String> fields) {
        this.fields = fields;
    }

    /** Every static field of the inputs. */
    public static StaticScope all() {
        return ALL;
    }

    /**
     * The static fields the methods of this call graph read or write. While no class read from elsewhere is in a
     * package of {@code java.base}, the methods of {@code java.base} are passed over: its code names no field of a
     * class outside it ({@code java.base} requires no other module; no static field access in JDK 17's 6,445 classes
     * does, nor in JDK 25's 7,401), so none of an input's, and its classes read with their code on demand (from the
     * cache of the JDK's scans) are not parsed for this. On every Guava method as a root, reading and parsing them
     * took three fifths of this. A library's class in a package of {@code java.base} is noticed only once read; one
     * that {@code java.base}'s code names in a field access alone is passed over unread, which changes nothing a run
     * can do: a JVM takes a class of those packages from the JDK, never from the class path.
     */
    public static StaticScope usedBy(CallGraph graph, Hierarchy hierarchy) {
        Set<String> used = new HashSet<>();
        Map<String, Optional<String>> resolved = new HashMap<>();
        boolean javaBaseOwnFields = !hierarchy.classes().javaBaseShadowed();
        for (CallGraph.Node node : graph.nodes()) {
            if (javaBaseOwnFields && node.owner().system()) {
                continue;
            }
            for (AbstractInsnNode insn : node.method().instructions) {
                if (insn instanceof FieldInsnNode f
                        && (f.getOpcode() == Opcodes.GETSTATIC || f.getOpcode() == Opcodes.PUTSTATIC)) {
                    resolved.computeIfAbsent(f.owner + "." + f.name + ":" + f.desc, k -> declaring(hierarchy, f))
                            .ifPresent(used::add);
                }
            }
        }
        return new StaticScope(Set.copyOf(used));
    }

    /** Whether the footprint counts this static field of an input class. */
    public boolean includes(String owner, String field) {
        return fields == null || fields.contains(owner + "." + field);
    }

    /** Whether every field is in scope. */
    public boolean isAll() {
        return fields == null;
    }

    /** {@code owner.name} of the class among the reference's owner and its supertypes that declares the field. */
    private static Optional<String> declaring(Hierarchy hierarchy, FieldInsnNode f) {
        for (String type : hierarchy.supertypes(f.owner)) {
            Optional<LoadedClass> c = hierarchy.classes().find(type);
            if (c.isEmpty()) {
                continue;
            }
            for (FieldNode field : c.get().node().fields) {
                if ((field.access & Opcodes.ACC_STATIC) != 0 && field.name.equals(f.name) && field.desc.equals(f.desc)) {
                    return Optional.of(type + "." + f.name);
                }
            }
        }
        return Optional.empty();
    }
}
