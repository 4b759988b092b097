package dev.headroom.core.callgraph;

import dev.headroom.core.model.MethodId;
import java.util.Comparator;

/** A method by JVM internal owner name, name and descriptor: the key of the call graph. */
public record MethodRef(String owner, String name, String descriptor) implements Comparable<MethodRef> {
    private static final Comparator<MethodRef> ORDER = Comparator.comparing(MethodRef::owner)
            .thenComparing(MethodRef::name)
            .thenComparing(MethodRef::descriptor);

    public MethodId toId() {
        return MethodId.ofInternal(owner, name, descriptor);
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
