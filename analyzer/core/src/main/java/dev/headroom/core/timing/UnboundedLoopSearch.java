package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.ReachCounts;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the loops without a bound on the roots' paths, reported in user code with the chain: a loop in a
 * user method at its header, and a loop in library code at each user call that leads to it through
 * library code alone (the nearest such loop below that call is named). A root has the finding when it
 * reaches the user method, so the findings of a root depend on what it reaches, not on the order of a walk.
 *
 * <p>Only methods without a bound take part: a method has a bound only when all its loops and all its
 * callees have one, so nothing below a bounded method can hold an unbounded loop. The methods are
 * numbered once and their calls resolved once. Per root, a breadth-first walk over int arrays gives
 * each user method a shortest chain; grouped by location, one walk from all the roots at once gives the
 * chains and {@link ReachCounts} the number of roots that reach each method.
 *
 * <p>A finding is cold when the loop is reached only through cold code: a loop in cold code, or a call
 * from cold code on every chain to it. The walks are made twice: over hot calls to hot loops first, whose
 * findings are hot, then over every call, which adds the cold ones.
 */
final class UnboundedLoopSearch {
    /**
     * A method without a bound: where it is, its unbounded loops and its calls in order. {@code context} is
     * null for the method's own timing, and for its timing in the context of one call (what the call passes
     * it) the identity of that timing, which the call names.
     */
    record Method(MethodRef ref, boolean userCode, String file, List<LoopBound> unboundedLoops,
                  Set<Integer> coldLoops, RecordedCalls calls, Object context) {
        boolean hasLoop(boolean hotOnly) {
            return unboundedLoops.stream().anyMatch(loop -> !hotOnly || !coldLoops.contains(loop.header()));
        }
    }

    /**
     * A root, and the identity of its timing when it is analysed in a context (on the one object of its class),
     * else null: the walk starts there.
     */
    record Start(MethodRef root, Object context) {
    }

    /** Where a finding is reported, and for which root (null when the roots are merged). */
    private record Key(MethodRef root, MethodRef location, int line) {
        // Written out: a record's generated equals and hashCode call through method handles, slow in the
        // launcher's C1-compiled code, and the search hashes a key per line of every method it walks.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Key other && line == other.line && location.equals(other.location)
                    && java.util.Objects.equals(root, other.root);
        }

        @Override
        public int hashCode() {
            return (java.util.Objects.hashCode(root) * 31 + location.hashCode()) * 31 + line;
        }
    }

    /** The nearest unbounded loop below a library method, through library methods only. */
    private record Below(int[] path, int[] lines, LoopBound loop) {
    }

    /** Where a search of library code below a method starts, over hot calls only or every call. */
    private record BelowKey(int start, boolean hotOnly) {
        // Written out, with the generated methods' hash (maps keep their order): those run through method handles
        // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof BelowKey k && start == k.start && hotOnly == k.hotOnly;
        }

        @Override
        public int hashCode() {
            return start * 31 + Boolean.hashCode(hotOnly);
        }
    }

    private final Method[] methods;
    private final Map<MethodRef, Integer> ids = new HashMap<>();
    private final Map<Object, Integer> contextIds = new IdentityHashMap<>();
    private final int[][] callees;
    private final int[][] callLines;
    private final boolean[][] callCold;
    /**
     * For a library method: whether an unbounded loop can be reached from it through library methods only,
     * over every call ([0]) and over hot calls to hot loops ([1]).
     */
    private final boolean[][] loopBelow;
    private final Map<BelowKey, Below> below = new HashMap<>();

    // Walk state, reused: a method's stamp is the number of the walk that reached it.
    private final int[] stamp;
    private final int[] parent;
    private final int[] lineInParent;
    private final int[] source;
    private final int[] queue;
    private int walk;

    /** @param unbounded the methods without a bound, in a deterministic order */
    UnboundedLoopSearch(List<Method> unbounded) {
        this.methods = unbounded.toArray(new Method[0]);
        int n = methods.length;
        for (int i = 0; i < n; i++) {
            if (methods[i].context() == null) {
                ids.put(methods[i].ref(), i);
            } else {
                contextIds.put(methods[i].context(), i);
            }
        }
        callees = new int[n][];
        callLines = new int[n][];
        callCold = new boolean[n][];
        for (int i = 0; i < n; i++) {
            RecordedCalls calls = methods[i].calls();
            int[] to = new int[calls.size()];
            int[] at = new int[calls.size()];
            boolean[] cold = new boolean[calls.size()];
            int k = 0;
            for (int c = 0; c < calls.size(); c++) {
                Object context = calls.context(c);
                Integer id = context != null ? contextIds.get(context) : ids.get(calls.callee(c));
                if (id != null) {
                    to[k] = id;
                    cold[k] = calls.cold(c);
                    at[k++] = calls.line(c);
                }
            }
            callees[i] = Arrays.copyOf(to, k);
            callLines[i] = Arrays.copyOf(at, k);
            callCold[i] = Arrays.copyOf(cold, k);
        }
        loopBelow = new boolean[][] {loopBelow(false), loopBelow(true)};
        stamp = new int[n];
        parent = new int[n];
        lineInParent = new int[n];
        source = new int[n];
        queue = new int[n];
    }

    /** One finding per root and location, each root in turn. */
    List<TimingFinding> perRoot(List<Start> roots) {
        Map<Key, TimingFinding> found = new LinkedHashMap<>();
        for (Start s : roots) {
            MethodRef root = s.root();
            Integer start = id(s);
            if (start == null) {
                continue; // the root has a bound
            }
            for (boolean hotOnly : new boolean[] {true, false}) {
                for (int m : walk(new int[] {start}, hotOnly)) {
                    collect(m, root, found, null, hotOnly);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** One finding per location, under the root with the shortest chain to it, with how many roots reach it. */
    List<TimingFinding> byLocation(List<Start> roots) {
        int[] sources = roots.stream().map(this::id).filter(id -> id != null).mapToInt(Integer::intValue).toArray();
        if (sources.length == 0) {
            return List.of();
        }
        Map<Key, TimingFinding> found = new LinkedHashMap<>();
        Key[][] anyLines = lines(false);
        Map<Key, Integer> lineNodes = lineNodes(anyLines);
        Key[][] hotLines = lineNodes.isEmpty() ? anyLines : lines(true);
        Counts counts = new Counts(lineNodes, reaching(true, hotLines, lineNodes, sources),
                reaching(false, anyLines, lineNodes, sources));
        for (boolean hotOnly : new boolean[] {true, false}) {
            for (int m : walk(sources, hotOnly)) {
                collect(m, null, found, counts, hotOnly);
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The roots that reach each method over hot calls and over every call, each line reached through several
     * methods (a method's timings in several contexts, copies of an inherited method) counted at a node of its own.
     */
    private record Counts(Map<Key, Integer> lineNodes, int[] hot, int[] any) {
        int at(int method, Key line) {
            return lineNodes.getOrDefault(line, method);
        }
    }

    /**
     * A node past the methods' for each line where several methods can have a finding (its timings in several
     * contexts, copies of an inherited method): a root that reaches two of them has the line once.
     */
    private Map<Key, Integer> lineNodes(Key[][] lines) {
        Map<Key, Integer> methodsAt = new LinkedHashMap<>();
        for (Key[] ofMethod : lines) {
            for (Key line : ofMethod) {
                methodsAt.merge(line, 1, Integer::sum);
            }
        }
        Map<Key, Integer> result = new LinkedHashMap<>();
        methodsAt.forEach((line, count) -> {
            if (count > 1) {
                result.put(line, methods.length + result.size());
            }
        });
        return result;
    }

    /** The sources that reach each method, and each line of {@code lineNodes} through any method with it. */
    private int[] reaching(boolean hotOnly, Key[][] lines, Map<Key, Integer> lineNodes, int[] sources) {
        return ReachCounts.of(ReachCounts.withSinks(successors(hotOnly), lineNodes.size(),
                m -> Arrays.stream(lines[m]).map(lineNodes::get).filter(Objects::nonNull)
                        .mapToInt(Integer::intValue).toArray()), sources);
    }

    /**
     * By method: the lines of a user method where a walk can make a finding, its unbounded loops and its calls into
     * library code with one below (over hot calls to hot loops only, or any), by declared method and line.
     */
    private Key[][] lines(boolean hotOnly) {
        Key[][] result = new Key[methods.length][];
        int index = hotOnly ? 1 : 0;
        for (int m = 0; m < methods.length; m++) {
            Method method = methods[m];
            Set<Key> lines = new LinkedHashSet<>();
            if (method.userCode()) {
                for (LoopBound loop : method.unboundedLoops()) {
                    if (!hotOnly || !method.coldLoops().contains(loop.header())) {
                        lines.add(new Key(null, method.ref().declared(), loop.line()));
                    }
                }
                for (int k = 0; k < callees[m].length; k++) {
                    int callee = callees[m][k];
                    if (!methods[callee].userCode() && loopBelow[index][callee] && !(hotOnly && callCold[m][k])) {
                        lines.add(new Key(null, method.ref().declared(), callLines[m][k]));
                    }
                }
            }
            result[m] = lines.toArray(new Key[0]);
        }
        return result;
    }

    /** Where a root's walk starts: its timing in its context, or its own; null when that one has a bound. */
    private Integer id(Start s) {
        return s.context() != null ? contextIds.get(s.context()) : ids.get(s.root());
    }

    private List<int[]> successors(boolean hotOnly) {
        List<int[]> result = new ArrayList<>(callees.length);
        for (int i = 0; i < callees.length; i++) {
            int[] to = callees[i];
            boolean[] cold = callCold[i];
            result.add(hotOnly ? java.util.stream.IntStream.range(0, to.length).filter(k -> !cold[k]).map(k -> to[k]).toArray()
                    : to);
        }
        return result;
    }

    /**
     * The findings located in a user method reached by the last walk: its own unbounded loops, and its calls
     * into library code with an unbounded loop below. Under one root, or merged (root null) with the count.
     * The first walk's (hot only) are hot; a later walk adds only the findings not found yet, as cold.
     */
    private void collect(int m, MethodRef root, Map<Key, TimingFinding> found, Counts counts, boolean hotOnly) {
        Method method = methods[m];
        if (!method.userCode()) {
            return;
        }
        MethodRef reportedRoot = root != null ? root : methods[source[m]].ref();
        // Merged over the roots, a line is reported once, whichever copy of an inherited method a walk reaches first.
        MethodRef reportedAt = root != null ? method.ref() : method.ref().declared();
        for (LoopBound loop : method.unboundedLoops()) {
            Key key = new Key(root, reportedAt, loop.line());
            if (!found.containsKey(key) && (!hotOnly || !method.coldLoops().contains(loop.header()))) {
                List<Frame> chain = chain(m);
                chain.add(new Frame(method.ref().toId(), loop.line()));
                found.put(key, finding(reportedRoot, method.ref(), loop.line(), m, loop, chain,
                        counts, m, hotOnly));
            }
        }
        int index = hotOnly ? 1 : 0;
        for (int k = 0; k < callees[m].length; k++) {
            int callee = callees[m][k];
            int line = callLines[m][k];
            Key key = new Key(root, reportedAt, line);
            if (methods[callee].userCode() || !loopBelow[index][callee] || found.containsKey(key)
                    || (hotOnly && callCold[m][k])) {
                continue;
            }
            Below b = below(callee, hotOnly);
            List<Frame> chain = chain(m);
            chain.add(new Frame(method.ref().toId(), line));
            for (int i = 0; i < b.path().length - 1; i++) {
                chain.add(new Frame(methods[b.path()[i]].ref().toId(), b.lines()[i]));
            }
            int loopMethod = b.path()[b.path().length - 1];
            chain.add(new Frame(methods[loopMethod].ref().toId(), b.loop().line()));
            found.put(key, finding(reportedRoot, method.ref(), line, loopMethod, b.loop(), chain, counts, m, hotOnly));
        }
    }

    /**
     * A finding found by a walk over hot calls ({@code hotOnly}: a hot one) or over every call (a cold one). Under
     * one root (no counts), or with the roots that reach its line, over hot calls and over any.
     */
    private TimingFinding finding(MethodRef root, MethodRef location, int line, int loopMethod, LoopBound loop,
                                  List<Frame> chain, Counts counts, int at, boolean hotOnly) {
        Method in = methods[loopMethod];
        int hotRoots = hotOnly ? 1 : 0;
        int roots = 1;
        if (counts != null) {
            int node = counts.at(at, new Key(null, location.declared(), line));
            hotRoots = hotOnly ? counts.hot()[node] : 0;
            roots = Math.max(hotRoots, counts.any()[node]);
        }
        return new TimingFinding(Rule.UNBOUNDED_LOOP, root, location, line, "loop at " + loop.at(in.file())
                + " in " + JavaSignatures.qualified(in.ref().toId()) + " has no bound: " + loop.detail(),
                chain, roots, hotRoots, !hotOnly);
    }

    /**
     * Breadth first from the sources (in order) over every call: each method keeps the shortest chain from
     * the first source that reaches it. Returns the methods in the order reached.
     */
    private int[] walk(int[] sources, boolean hotOnly) {
        walk++;
        int tail = 0;
        for (int s : sources) {
            if (stamp[s] != walk) {
                stamp[s] = walk;
                parent[s] = -1;
                source[s] = s;
                queue[tail++] = s;
            }
        }
        for (int head = 0; head < tail; head++) {
            int at = queue[head];
            int[] to = callees[at];
            for (int k = 0; k < to.length; k++) {
                int next = to[k];
                if (stamp[next] != walk && !(hotOnly && callCold[at][k])) {
                    stamp[next] = walk;
                    parent[next] = at;
                    lineInParent[next] = callLines[at][k];
                    source[next] = source[at];
                    queue[tail++] = next;
                }
            }
        }
        return Arrays.copyOf(queue, tail);
    }

    /** The frames from the walk's source to a method, each with the line of its call. */
    private List<Frame> chain(int to) {
        List<Frame> frames = new ArrayList<>();
        for (int at = to; parent[at] >= 0; at = parent[at]) {
            frames.add(new Frame(methods[parent[at]].ref().toId(), lineInParent[at]));
        }
        Collections.reverse(frames);
        return frames;
    }

    /**
     * Which library methods have an unbounded loop below them through library methods (hot calls to hot
     * loops only, or any): one backward pass.
     */
    private boolean[] loopBelow(boolean hotOnly) {
        int n = methods.length;
        List<List<Integer>> callers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            callers.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (!methods[i].userCode()) {
                for (int k = 0; k < callees[i].length; k++) {
                    if (!(hotOnly && callCold[i][k])) {
                        callers.get(callees[i][k]).add(i);
                    }
                }
            }
        }
        boolean[] result = new boolean[n];
        int[] work = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (!methods[i].userCode() && methods[i].hasLoop(hotOnly)) {
                result[i] = true;
                work[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int caller : callers.get(work[head])) {
                if (!result[caller] && !methods[caller].userCode()) {
                    result[caller] = true;
                    work[tail++] = caller;
                }
            }
        }
        return result;
    }

    /** The nearest unbounded loop below a library method (breadth first through library methods), once each. */
    private Below below(int start, boolean hotOnly) {
        BelowKey cacheKey = new BelowKey(start, hotOnly);
        Below known = below.get(cacheKey);
        if (known != null) {
            return known;
        }
        Map<Integer, Integer> from = new HashMap<>();
        Map<Integer, Integer> line = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        List<Integer> order = new ArrayList<>();
        seen.add(start);
        order.add(start);
        int found = -1;
        for (int head = 0; head < order.size() && found < 0; head++) {
            int at = order.get(head);
            if (methods[at].hasLoop(hotOnly)) {
                found = at;
                break;
            }
            for (int k = 0; k < callees[at].length; k++) {
                int next = callees[at][k];
                if (!methods[next].userCode() && loopBelow[hotOnly ? 1 : 0][next] && !(hotOnly && callCold[at][k])
                        && seen.add(next)) {
                    from.put(next, at);
                    line.put(next, callLines[at][k]);
                    order.add(next);
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        for (int at = found; at != start; at = from.get(at)) {
            path.add(at);
        }
        path.add(start);
        Collections.reverse(path);
        int[] nodes = path.stream().mapToInt(Integer::intValue).toArray();
        int[] lines = new int[nodes.length - 1];
        for (int i = 1; i < nodes.length; i++) {
            lines[i - 1] = line.get(nodes[i]);
        }
        Method loopMethod = methods[found];
        Below result = new Below(nodes, lines, loopMethod.unboundedLoops().stream()
                .filter(loop -> !hotOnly || !loopMethod.coldLoops().contains(loop.header())).findFirst().orElseThrow());
        below.put(cacheKey, result);
        return result;
    }
}
