package dev.headroom.core.callgraph;

import java.util.Arrays;

/**
 * A set that is an array while small and gains a hash index once it grows: the call-graph builder keeps
 * one per call site and flow node (hundreds of thousands on a large program), and most hold one or two
 * members. Insertion order is kept; appending while iterating by index is safe.
 */
final class SmallSet {
    static final Object[] EMPTY = {};
    /** Above this many members, membership is asked of a hash set. */
    static final int INDEX_FROM = 8;

    private Object[] members = EMPTY;
    private int count;
    private MembershipIndex index;

    /** Adds a member unless held already; false when it was. */
    boolean add(Object member) {
        if (index != null ? !index.add(member) : contains(members, count, member)) {
            return false;
        }
        members = append(members, count++, member);
        if (index == null && count > INDEX_FROM) {
            index = new MembershipIndex(members, count);
        }
        return true;
    }

    static boolean contains(Object[] members, int count, Object member) {
        for (int i = 0; i < count; i++) {
            if (members[i].equals(member)) {
                return true;
            }
        }
        return false;
    }

    /** Puts a member at {@code count}, growing the array when full; returns the array that holds it. */
    static Object[] append(Object[] members, int count, Object member) {
        Object[] to = count < members.length ? members : Arrays.copyOf(members, Math.max(2, count * 2));
        to[count] = member;
        return to;
    }
}
