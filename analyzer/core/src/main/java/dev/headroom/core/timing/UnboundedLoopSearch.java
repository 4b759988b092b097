package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, for each root, every loop without a bound on its paths, reported in user code with the chain.
 *
 * <p>Only methods without a bound take part: a method has a bound only when all its loops and all its
 * callees have one, so nothing below a bounded method can hold an unbounded loop. Those methods are
 * numbered once and their calls resolved once, so that each root's walk is a breadth-first search over
 * int arrays (each method reached by a shortest chain) with no per-root allocation but the findings.
 * A loop in library code is reported at the last call made from user code on the chain.
 */
final class UnboundedLoopSearch {
    /** A method without a bound: where it is, its unbounded loops and its calls in order. */
    record Method(MethodRef ref, boolean userCode, String file, List<LoopBound> unboundedLoops,
                  List<Call> calls) {
    }

    /** A call to an analysed method, at a line of the caller. */
    record Call(int line, MethodRef callee) {
    }

    /** Where a finding is reported, and for which root (null when the roots are merged). */
    private record Key(MethodRef root, MethodRef location, int line) {
    }

    /** A finding being collected: the first one found, and how many roots reach it. */
    private static final class Collected {
        final TimingFinding first;
        int roots = 1;

        Collected(TimingFinding first) {
            this.first = first;
        }
    }

    private final boolean mergeRoots;
    private final Method[] methods;
    private final Map<MethodRef, Integer> ids = new HashMap<>();
    private final int[][] callees;
    private final int[][] callLines;
    private final Map<Key, Collected> findings = new LinkedHashMap<>();

    // Per-walk state, reused: a method's stamp is the number of the walk that reached it.
    private final int[] stamp;
    private final int[] parent;
    private final int[] lineInParent;
    private final int[] userCaller;
    private final int[] userCallLine;
    private final int[] queue;
    private int walk;

    /**
     * @param unbounded  the methods without a bound, in a deterministic order
     * @param mergeRoots one finding per location for all roots, with their count; otherwise one per root
     */
    UnboundedLoopSearch(List<Method> unbounded, boolean mergeRoots) {
        this.mergeRoots = mergeRoots;
        this.methods = unbounded.toArray(new Method[0]);
        for (int i = 0; i < methods.length; i++) {
            ids.put(methods[i].ref(), i);
        }
        callees = new int[methods.length][];
        callLines = new int[methods.length][];
        for (int i = 0; i < methods.length; i++) {
            List<Call> calls = methods[i].calls();
            int[] to = new int[calls.size()];
            int[] at = new int[calls.size()];
            int n = 0;
            for (Call c : calls) {
                Integer id = ids.get(c.callee());
                if (id != null) {
                    to[n] = id;
                    at[n++] = c.line();
                }
            }
            callees[i] = Arrays.copyOf(to, n);
            callLines[i] = Arrays.copyOf(at, n);
        }
        stamp = new int[methods.length];
        parent = new int[methods.length];
        lineInParent = new int[methods.length];
        userCaller = new int[methods.length];
        userCallLine = new int[methods.length];
        queue = new int[methods.length];
    }

    /** Searches from one root (roots in order: under merging, the first root to reach a location keeps it). */
    void search(MethodRef root) {
        Integer start = ids.get(root);
        if (start == null) {
            return; // the root has a bound
        }
        walk++;
        Set<Key> reported = new HashSet<>();
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        stamp[start] = walk;
        parent[start] = -1;
        userCaller[start] = -1;
        while (head < tail) {
            int at = queue[head++];
            Method m = methods[at];
            for (LoopBound loop : m.unboundedLoops()) {
                boolean inLibrary = !m.userCode() && userCaller[at] >= 0;
                MethodRef location = inLibrary ? methods[userCaller[at]].ref() : m.ref();
                int line = inLibrary ? userCallLine[at] : loop.line();
                Key key = new Key(mergeRoots ? null : root, location, line);
                if (!reported.add(key)) {
                    continue;
                }
                Collected known = findings.get(key);
                if (known != null) {
                    known.roots++;
                    continue;
                }
                List<Frame> chain = chain(at);
                chain.add(new Frame(m.ref().toId(), loop.line()));
                findings.put(key, new Collected(new TimingFinding(Rule.UNBOUNDED_LOOP, root, location, line,
                        "loop at " + m.file() + ":" + loop.line() + " (header instruction " + loop.header() + ") in "
                                + m.ref() + " has no bound: " + loop.detail(), chain, 1)));
            }
            int[] to = callees[at];
            for (int k = 0; k < to.length; k++) {
                int next = to[k];
                if (stamp[next] == walk) {
                    continue;
                }
                stamp[next] = walk;
                parent[next] = at;
                lineInParent[next] = callLines[at][k];
                userCaller[next] = m.userCode() ? at : userCaller[at];
                userCallLine[next] = m.userCode() ? callLines[at][k] : userCallLine[at];
                queue[tail++] = next;
            }
        }
    }

    /** The findings of every search so far. */
    List<TimingFinding> findings() {
        List<TimingFinding> all = new ArrayList<>();
        for (Collected c : findings.values()) {
            all.add(c.roots == 1 ? c.first : c.first.reachedBy(c.roots));
        }
        return all;
    }

    /** The frames from the root to a method, each with the line of its call. */
    private List<Frame> chain(int to) {
        List<Frame> frames = new ArrayList<>();
        for (int at = to; parent[at] >= 0; at = parent[at]) {
            frames.add(new Frame(methods[parent[at]].ref().toId(), lineInParent[at]));
        }
        Collections.reverse(frames);
        return frames;
    }
}
