package dev.headroom.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A method named by its class (Java binary name with dots, {@code com.acme.Outer$Inner}), name and JVM
 * descriptor.
 */
public record MethodId(String className, String name, String descriptor) implements Comparable<MethodId> {

    private static final Comparator<MethodId> ORDER = Comparator.comparing(MethodId::className)
            .thenComparing(MethodId::name)
            .thenComparing(MethodId::descriptor);

    public MethodId {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /** Builds an id from a JVM internal class name ({@code com/acme/Motor}). */
    public static MethodId ofInternal(String internalClassName, String name, String descriptor) {
        // Kept once per class (intern): a large program names each class's methods in many findings and frames.
        return new MethodId(internalClassName.replace('/', '.').intern(), name, descriptor);
    }

    public String internalClassName() {
        return className.replace('.', '/');
    }

    /** The class name without its package. */
    public String simpleClassName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    // Written out, with the generated methods' hash (maps keep their order): those run through method handles
    // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MethodId m && className.equals(m.className) && name.equals(m.name)
                && descriptor.equals(m.descriptor);
    }

    @Override
    public int hashCode() {
        return (className.hashCode() * 31 + name.hashCode()) * 31 + descriptor.hashCode();
    }

    @Override
    public int compareTo(MethodId other) {
        return ORDER.compare(this, other);
    }

    /** {@code com.acme.Motor#onTick()V}: the form used in patterns and messages. */
    @Override
    public String toString() {
        return className + "#" + name + descriptor;
    }
}
