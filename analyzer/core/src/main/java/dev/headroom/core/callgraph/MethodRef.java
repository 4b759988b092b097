package dev.headroom.core.callgraph;

import dev.headroom.core.model.MethodId;
import java.util.Comparator;

/**
 * A method by JVM internal owner name, name and descriptor: the key of the call graph. A class rather
 * than a record so that its hash is computed once: it keys every map of the analyses.
 */
public final class MethodRef implements Comparable<MethodRef> {
    private static final Comparator<MethodRef> ORDER = Comparator.comparing(MethodRef::owner)
            .thenComparing(MethodRef::name)
            .thenComparing(MethodRef::descriptor);

    private final String owner;
    private final String name;
    private final String descriptor;
    private final int hash;

    public MethodRef(String owner, String name, String descriptor) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.hash = (owner.hashCode() * 31 + name.hashCode()) * 31 + descriptor.hashCode();
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String descriptor() {
        return descriptor;
    }

    public MethodId toId() {
        return MethodId.ofInternal(owner, name, descriptor);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof MethodRef other && hash == other.hash && owner.equals(other.owner)
                && name.equals(other.name) && descriptor.equals(other.descriptor));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(MethodRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return owner.replace('/', '.') + "#" + name + descriptor;
    }
}
