package dev.headroom.core.callgraph;

import dev.headroom.core.model.MethodId;
import java.util.Comparator;

/**
 * A method by JVM internal owner name, name and descriptor: the key of the call graph. A class rather
 * than a record so that its hash is computed once: it keys every map of the analyses.
 *
 * <p>A method inherited by several classes may be in the graph once per receiver class that reaches it
 * ({@link #receiver()}), where its calls on {@code this} depend on that class: such a copy is a node of
 * its own, but names the same declared method (its {@link #toId()} and {@link #declared()}).
 */
public final class MethodRef implements Comparable<MethodRef> {
    private static final Comparator<MethodRef> ORDER = Comparator.comparing(MethodRef::owner)
            .thenComparing(MethodRef::name)
            .thenComparing(MethodRef::descriptor)
            .thenComparing(MethodRef::receiver, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final String owner;
    private final String name;
    private final String descriptor;
    private final String receiver;
    private final int hash;
    /** Made on first use: every finding and chain frame on this method names it. */
    private MethodId id;

    public MethodRef(String owner, String name, String descriptor) {
        this(owner, name, descriptor, null);
    }

    private MethodRef(String owner, String name, String descriptor, String receiver) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.receiver = receiver;
        int declared = (owner.hashCode() * 31 + name.hashCode()) * 31 + descriptor.hashCode();
        this.hash = receiver == null ? declared : declared * 31 + receiver.hashCode();
    }

    /** This method's copy for receivers of one class (internal name). */
    MethodRef forReceiver(String receiverClass) {
        return new MethodRef(owner, name, descriptor, receiverClass);
    }

    /** The receiver class of a copy for one class of receivers, else null. */
    public String receiver() {
        return receiver;
    }

    /** The declared method, without a receiver class. */
    public MethodRef declared() {
        return receiver == null ? this : new MethodRef(owner, name, descriptor);
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
        MethodId known = id; // read once: the path analysis's thread and the analysis thread both ask (--threads)
        if (known == null) {
            known = MethodId.ofInternal(owner, name, descriptor);
            id = known;
        }
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof MethodRef other && hash == other.hash && owner.equals(other.owner)
                && name.equals(other.name) && descriptor.equals(other.descriptor)
                && java.util.Objects.equals(receiver, other.receiver));
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
