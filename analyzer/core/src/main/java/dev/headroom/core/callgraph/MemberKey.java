package dev.headroom.core.callgraph;

import java.util.Objects;

/**
 * A class (the owner named by a call or a field access, or a receiver class), a member's name and a descriptor: the
 * key of the resolutions, selections and dispatches made once each, and of the fields' flow nodes. Its equals and
 * hashCode are written out: a record's generated ones call through method handles, and on the launcher's C1-compiled
 * code those calls were 2% of a profile of every Guava method, two fifths of it for these keys, which are hashed at
 * every call edge.
 */
record MemberKey(String type, String name, String descriptor) {
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MemberKey other && name.equals(other.name) && type.equals(other.type)
                && Objects.equals(descriptor, other.descriptor);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + name.hashCode()) * 31 + Objects.hashCode(descriptor);
    }
}
