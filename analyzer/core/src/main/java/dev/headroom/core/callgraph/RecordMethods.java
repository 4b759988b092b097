package dev.headroom.core.callgraph;

import dev.headroom.core.rules.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/**
 * A record's {@code equals}, {@code hashCode} and {@code toString}, which javac leaves to one
 * {@code invokedynamic} bootstrapped by {@code java.lang.runtime.ObjectMethods}. The code the JDK generates
 * is known: it reads every component through the getter handles the bootstrap is given, compares and
 * hashes primitive components inline (with {@code Float.compare} and the wrappers' static
 * {@code hashCode}), and calls {@code equals}, {@code hashCode} or {@code toString} on each reference
 * component; {@code toString} builds a new String. The analyses see it as those calls, made at the
 * {@code invokedynamic}.
 */
public final class RecordMethods {
    public static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";
    private static final Set<String> NAMES = Set.of("equals", "hashCode", "toString");

    private RecordMethods() {
    }

    /** An {@code invokedynamic} of a record's equals, hashCode or toString that this class can model. */
    public static boolean isRecordMethod(InvokeDynamicInsnNode indy) {
        return indy.bsm.getOwner().equals(OBJECT_METHODS) && indy.bsm.getName().equals("bootstrap")
                && NAMES.contains(indy.name) && indy.bsmArgs.length >= 2 && indy.bsmArgs[0] instanceof Type
                && components(indy) != null;
    }

    /** The descriptors of the record's components, in order (from the getter handles); null if malformed. */
    public static List<String> components(InvokeDynamicInsnNode indy) {
        List<String> descriptors = new ArrayList<>();
        for (int k = 2; k < indy.bsmArgs.length; k++) {
            if (!(indy.bsmArgs[k] instanceof Handle getter) || getter.getTag() != Opcodes.H_GETFIELD) {
                return null;
            }
            descriptors.add(getter.getDesc());
        }
        return descriptors;
    }

    /** The method a reference component's value has called on it. */
    public static String componentMethodDescriptor(String name) {
        return switch (name) {
            case "equals" -> "(Ljava/lang/Object;)Z";
            case "hashCode" -> "()I";
            default -> "()Ljava/lang/String;";
        };
    }

    /**
     * The sites of one record method: a virtual call of the same method on every reference component
     * (an array component's is {@code Object}'s own), and for {@code toString} the String it allocates.
     */
    static List<Site> sites(InvokeDynamicInsnNode indy, int index, int line, boolean cold) {
        List<Site> sites = new ArrayList<>();
        String descriptor = componentMethodDescriptor(indy.name);
        for (String component : components(indy)) {
            Type type = Type.getType(component);
            if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                sites.add(new Site.Invoke(index, line, cold, Opcodes.INVOKEVIRTUAL, type.getInternalName(), indy.name,
                        descriptor, false, false));
            }
        }
        if (indy.name.equals("toString")) {
            sites.add(new Site.Allocation(index, line, cold, "record toString (a new String of every component)",
                    null, EventKind.CONCATENATION));
        }
        return sites;
    }
}
