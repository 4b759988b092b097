package dev.headroom.core.timing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The throw sites a bound of normal runs leaves out, below one root: each method's own, through the
 * callees whose normal runs it adds up. Sorted, the throw sites in user code first; at most a given
 * number, the last entry then saying that there are more. Each method's first sites are computed once
 * and shared by every root above it (the first of a union are among the first of its parts).
 *
 * @param <T> a method's timing of normal runs; the callees form no cycle (recursion has no such timing)
 */
final class ExceptionalExits<T> {
    /** A throw site, and whether it is in user code. */
    private record Exit(boolean user, String site) implements Comparable<Exit> {
        @Override
        public int compareTo(Exit other) {
            return user != other.user ? (user ? -1 : 1) : site.compareTo(other.site);
        }
    }

    private final Function<T, List<String>> own;
    private final Function<T, List<T>> callees;
    private final Predicate<T> userCode;
    private final int max;
    private final Map<T, List<Exit>> first = new IdentityHashMap<>();

    /**
     * @param own      a timing's own left-out throw sites
     * @param callees  the timings whose normal runs it adds up
     * @param userCode whether a timing is of a method in the input classes
     * @param max      the most entries a root lists
     */
    ExceptionalExits(Function<T, List<String>> own, Function<T, List<T>> callees, Predicate<T> userCode, int max) {
        this.own = own;
        this.callees = callees;
        this.userCode = userCode;
        this.max = max;
    }

    List<String> of(T root) {
        List<Exit> exits = first(root);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < exits.size() && i < max; i++) {
            result.add(exits.get(i).site());
        }
        if (exits.size() > max) {
            result.set(max - 1, "... and more");
        }
        return result;
    }

    /** The first {@code max + 1} exits below a timing (one more than listed, to tell that there are more). */
    private List<Exit> first(T t) {
        List<Exit> known = first.get(t);
        if (known != null) {
            return known;
        }
        // The first max + 1 of the union: each part is sorted, so a part is read only while its exits can
        // still enter the kept ones.
        TreeSet<Exit> kept = new TreeSet<>();
        boolean user = userCode.test(t);
        for (String site : own.apply(t)) {
            keep(kept, new Exit(user, site));
        }
        Set<T> merged = Collections.newSetFromMap(new IdentityHashMap<>());
        for (T callee : callees.apply(t)) {
            if (callee != t && merged.add(callee)) {
                for (Exit e : first(callee)) {
                    if (!keep(kept, e)) {
                        break;
                    }
                }
            }
        }
        List<Exit> result = new ArrayList<>(kept);
        first.put(t, result);
        return result;
    }

    /** Adds an exit to the first {@code max + 1}; false when it comes after all of them (so do the next ones). */
    private boolean keep(TreeSet<Exit> kept, Exit e) {
        if (kept.size() > max && e.compareTo(kept.last()) >= 0) {
            return false;
        }
        if (kept.add(e) && kept.size() > max + 1) {
            kept.pollLast();
        }
        return true;
    }
}
