package dev.headroom.core.callgraph;

/**
 * Which objects a large {@link SmallSet} (or a type-flow node's types and edges) holds, by their own {@code equals}
 * and {@code hashCode}: open addressing over one array, no entry object per member. The largest sets of a call graph
 * hold thousands of receiver types, and a {@code HashSet} spent 32 bytes of node per member on them (two million
 * nodes on every Guava method). It answers membership only: the members' order is their array's.
 */
final class MembershipIndex {
    private Object[] slots;
    private int size;

    /** An index of the first {@code count} members. */
    MembershipIndex(Object[] members, int count) {
        slots = new Object[Integer.highestOneBit(Math.max(4, count) * 4)];
        for (int i = 0; i < count; i++) {
            add(members[i]);
        }
    }

    /** Adds a member; false when it was held already. */
    boolean add(Object member) {
        int mask = slots.length - 1;
        for (int i = spread(member.hashCode()) & mask; ; i = (i + 1) & mask) {
            Object held = slots[i];
            if (held == null) {
                slots[i] = member;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            if (held.equals(member)) {
                return false;
            }
        }
    }

    /** Twice the slots; the members, all different, each go to the first free slot from their hash (no equals). */
    private void grow() {
        Object[] old = slots;
        slots = new Object[old.length * 2];
        int mask = slots.length - 1;
        for (Object member : old) {
            if (member != null) {
                int i = spread(member.hashCode()) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = member;
            }
        }
    }

    /** Mixes the high bits into the low ones: identity and string hashes of neighbours differ mostly above. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
