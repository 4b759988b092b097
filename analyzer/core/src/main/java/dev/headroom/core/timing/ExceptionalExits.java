package dev.headroom.core.timing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The throw sites a bound of normal runs leaves out, below one root: each method's own, through the
 * callees whose normal runs it adds up. Sorted, the throw sites in user code first; at most a given
 * number, the last entry then counting the others.
 */
final class ExceptionalExits {
    private ExceptionalExits() {
    }

    /**
     * @param exits     a timing's own left-out throw sites
     * @param callees   the timings whose normal runs it adds up
     * @param userCode  whether a timing is of a method in the input classes
     */
    static <T> List<String> of(T root, Function<T, List<String>> exits, Function<T, List<T>> callees,
                               Function<T, Boolean> userCode, int max) {
        Set<String> user = new TreeSet<>();
        Set<String> library = new TreeSet<>();
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<T> work = new ArrayList<>();
        work.add(root);
        seen.add(root);
        for (int head = 0; head < work.size(); head++) {
            T t = work.get(head);
            (userCode.apply(t) ? user : library).addAll(exits.apply(t));
            for (T callee : callees.apply(t)) {
                if (seen.add(callee)) {
                    work.add(callee);
                }
            }
        }
        List<String> all = new ArrayList<>(user);
        all.addAll(library);
        if (all.size() <= max) {
            return all;
        }
        List<String> shown = new ArrayList<>(all.subList(0, max - 1));
        shown.add("... " + (all.size() - max + 1) + " more");
        return shown;
    }
}
