package dev.headroom.core.timing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The throw sites a bound of normal runs leaves out, below each root: each method's own, through the
 * callees whose normal runs it adds up. Sorted, the throw sites in user code first; at most a given
 * number, the last entry then saying that there are more. Each method's first sites are computed once
 * and shared by every root above it (the first of a union are among the first of its parts).
 *
 * <p>The sites below all roots are sorted once and then compared by their rank: a scan with every method
 * of a library as a root merges the lists of tens of thousands of methods, and the sites' texts share long
 * prefixes (the class names).
 *
 * @param <T> a method's timing of normal runs; the callees form no cycle (recursion has no such timing)
 */
final class ExceptionalExits<T> {
    private final Function<T, List<String>> own;
    private final Function<T, List<T>> callees;
    private final Predicate<T> userCode;
    private final int max;
    /** Each timing's first {@code max + 1} sites, as ranks in ascending order. */
    private final Map<T, int[]> first = new IdentityHashMap<>();
    /** A site's rank by its text, for sites in user code and in other code. */
    private final Map<String, Integer> userRank = new HashMap<>();
    private final Map<String, Integer> otherRank = new HashMap<>();
    private String[] byRank;

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

    /** Each root's list, in the order of the roots. */
    List<List<String>> of(List<T> roots) {
        rank(roots);
        List<List<String>> all = new ArrayList<>(roots.size());
        for (T root : roots) {
            int[] exits = first(root);
            List<String> result = new ArrayList<>();
            for (int i = 0; i < exits.length && i < max; i++) {
                result.add(byRank[exits[i]]);
            }
            if (exits.length > max) {
                result.set(max - 1, "... and more");
            }
            all.add(result);
        }
        return all;
    }

    /** Ranks every site below the roots: those in user code first, each part in the order of its texts. */
    private void rank(List<T> roots) {
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<T> work = new ArrayDeque<>();
        for (T root : roots) {
            if (seen.add(root)) {
                work.push(root);
            }
        }
        while (!work.isEmpty()) {
            T t = work.pop();
            Map<String, Integer> ranks = userCode.test(t) ? userRank : otherRank;
            for (String site : own.apply(t)) {
                ranks.put(site, 0);
            }
            for (T callee : callees.apply(t)) {
                if (seen.add(callee)) {
                    work.push(callee);
                }
            }
        }
        List<String> user = new ArrayList<>(userRank.keySet());
        List<String> other = new ArrayList<>(otherRank.keySet());
        Collections.sort(user);
        Collections.sort(other);
        byRank = new String[user.size() + other.size()];
        int rank = 0;
        for (String site : user) {
            userRank.put(site, rank);
            byRank[rank++] = site;
        }
        for (String site : other) {
            otherRank.put(site, rank);
            byRank[rank++] = site;
        }
    }

    /** The first {@code max + 1} exits below a timing (one more than listed, to tell that there are more). */
    private int[] first(T t) {
        int[] known = first.get(t);
        if (known != null) {
            return known;
        }
        // The first max + 1 of the union: each part is sorted, so a part is read only while its exits can
        // still enter the kept ones.
        Kept kept = new Kept(max + 1);
        Map<String, Integer> ranks = userCode.test(t) ? userRank : otherRank;
        for (String site : own.apply(t)) {
            kept.offer(ranks.get(site));
        }
        // A callee listed twice offers the same ranks twice, which changes nothing: the set only saves the work
        // where the list is long (most lists are short, and a set per timing was most of what this allocated).
        List<T> parts = callees.apply(t);
        Set<T> merged = parts.size() > 8 ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        for (T callee : parts) {
            if (callee != t && (merged == null || merged.add(callee))) {
                for (int e : first(callee)) {
                    if (!kept.offer(e)) {
                        break;
                    }
                }
            }
        }
        int[] result = kept.toArray();
        first.put(t, result);
        return result;
    }

    /** The least distinct ranks offered, at most a given number of them, in ascending order. */
    private static final class Kept {
        private final int[] ranks;
        private int size;

        Kept(int capacity) {
            ranks = new int[capacity];
        }

        /** Keeps a rank among the least; false when it comes after all of them (so do the next ones). */
        boolean offer(int rank) {
            if (size == ranks.length && rank >= ranks[size - 1]) {
                return false;
            }
            int at = Arrays.binarySearch(ranks, 0, size, rank);
            if (at >= 0) {
                return true;
            }
            int insert = -at - 1;
            int moved = Math.min(size, ranks.length - 1) - insert;
            System.arraycopy(ranks, insert, ranks, insert + 1, moved);
            ranks[insert] = rank;
            size = Math.min(size + 1, ranks.length);
            return true;
        }

        int[] toArray() {
            return Arrays.copyOf(ranks, size);
        }
    }
}
