package dev.headroom.core.paths;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.ReachCounts;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.LazyText;
import dev.headroom.core.model.Rule;
import dev.headroom.core.rules.EventKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The path rules (growth, allocation, blocking, recursion, unanalysable calls) per root.
 *
 * <p>User methods (the inputs) are followed line by line: a finding is reported at the line of the user
 * method where it happens, or where the user method calls into library code that leads to it (the last
 * call site in the user's classes), with the whole chain as evidence. What library methods do is
 * summarised once for all roots ({@link LibrarySummaries}); each user method's own findings are computed
 * once and shared by every root that reaches it. A root's walk goes through library methods too, so
 * user code that library code calls back (a comparator, a key's hashCode) is on the root's path.
 */
public final class PathAnalysis {
    private final CallGraph graph;
    private final LocalEvents localEvents;
    private final CallCycles cycles;
    /** The cycles through hot calls only: recursion found only through a cold call is cold. */
    private final CallCycles hotCycles;
    private final LibrarySummaries library;
    /** The graph by number, for walks that visit tens of thousands of methods per root. */
    private final CallGraph.Node[] nodes;
    /** By node: the calls the walks follow, each packed into a long ({@link Steps}), duplicates dropped. */
    private final long[][] steps;
    private final List<Local>[] localFindings;
    /** Per-walk state, reused across roots: a slot belongs to the current walk when its epoch matches. */
    private final int[] epoch;
    private final boolean[] reachedCold;
    /** By node: the method and line of the call the walk reached it by; -1 for a root of the walk. */
    private final int[] parentFrom;
    private final int[] parentLine;
    private final Trail[] trail;
    /** The root whose walk reached the method first, for walks from several roots at once. */
    private final int[] source;
    private int currentEpoch;
    /** The followed calls as successor lists, hot ones only and all, for counting the roots that reach a method. */
    private List<int[]> hotSuccessors;
    private List<int[]> allSuccessors;
    private final Map<MethodRef, Map<LibrarySummaries.Key, LibraryEffect>> libraryEffects = new HashMap<>();
    private static final int[] NO_LINES = {};
    /** The findings' message texts, each kept once. */
    private final Map<String, String> messageTexts = new HashMap<>();

    /** The message, remedy and frames of a library method's effect, shared by every call of the method. */
    private record LibraryEffect(CharSequence message, String remedy, List<Frame> chain) {
    }

    /**
     * A call followed by the walk, from the node whose list holds it, as one long (the graph of every Guava method
     * has a million): the line in the high half, whether the call is cold in bit 31, the callee's number below.
     */
    private static final class Steps {
        static long of(int line, boolean cold, int to) {
            return (long) line << 32 | (cold ? 1L << 31 : 0) | to;
        }

        static int to(long step) {
            return (int) (step & Integer.MAX_VALUE);
        }

        static boolean cold(long step) {
            return (step & 1L << 31) != 0;
        }

        static int line(long step) {
            return (int) (step >> 32);
        }
    }

    /** A finding located in one user method, with the frames after its line. */
    private record Local(FindingKey key, boolean cold, CharSequence message, String remedy, List<Frame> tail) {
        Rule rule() {
            return key.rule;
        }

        int line() {
            return key.line;
        }
    }

    /**
     * One finding per rule and line of a user method. Made once per local finding and looked up once per
     * root that reaches it, so its hash is computed once.
     */
    private static final class FindingKey {
        final Rule rule;
        final MethodRef location;
        final int line;
        private final int hash;

        FindingKey(Rule rule, MethodRef location, int line) {
            this.rule = rule;
            this.location = location;
            this.line = line;
            this.hash = (rule.hashCode() * 31 + location.hashCode()) * 31 + line;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || (o instanceof FindingKey k && hash == k.hash && rule == k.rule && line == k.line
                    && location.equals(k.location));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The frames from a root to a call, shared by every method reached through that call. */
    private record Trail(Trail parent, Frame frame, int length) {
        static final Trail EMPTY = new Trail(null, null, 0);

        Trail then(Frame next) {
            return new Trail(this, next, length + 1);
        }

        void copyInto(Frame[] frames) {
            Trail t = this;
            for (int i = length - 1; i >= 0; i--, t = t.parent) {
                frames[i] = t.frame;
            }
        }
    }

    /** A finding before its chain is built: most candidates lose to a hotter or shorter one. */
    private record Candidate(Rule rule, boolean cold, MethodRef location, int line, CharSequence message, String remedy,
                             MethodRef root, Trail prefix, List<Frame> tail) {
        int chainLength() {
            return prefix.length() + 1 + tail.size();
        }

        List<Frame> chain(Frame here) {
            Frame[] frames = new Frame[chainLength()];
            prefix.copyInto(frames);
            frames[prefix.length()] = here;
            for (int i = 0; i < tail.size(); i++) {
                frames[prefix.length() + 1 + i] = tail.get(i);
            }
            return java.util.Arrays.asList(frames);
        }
    }

    @SuppressWarnings("unchecked")
    public PathAnalysis(CallGraph graph) {
        this.graph = graph;
        int n = graph.size();
        nodes = new CallGraph.Node[n];
        int i = 0;
        for (CallGraph.Node node : graph.nodes()) {
            nodes[i++] = node;
        }
        steps = new long[n][];
        for (int k = 0; k < n; k++) {
            steps[k] = stepsOf(k);
        }
        localFindings = new List[n];
        epoch = new int[n];
        reachedCold = new boolean[n];
        parentFrom = new int[n];
        parentLine = new int[n];
        trail = new Trail[n];
        source = new int[n];
        this.localEvents = new LocalEvents(graph);
        this.cycles = new CallCycles(graph, true);
        this.hotCycles = new CallCycles(graph, true, true);
        this.library = new LibrarySummaries(graph, localEvents, new CallCycles(graph, false),
                new CallCycles(graph, false, true));
    }

    /** Every finding on the paths of one root, one per rule and line of a user method. */
    public List<PathFinding> findingsFor(MethodRef root) {
        List<PathFinding> result = new ArrayList<>();
        for (Map.Entry<FindingKey, Candidate> e : candidates(List.of(root), null).entrySet()) {
            result.add(finding(e.getValue()));
        }
        return result;
    }

    /** A finding for a group of roots, with how many of them have it on a hot path and on any path. */
    public record Reached(PathFinding finding, int hotRoots, int roots) {
    }

    /**
     * Every finding on the paths of a group of roots, one per rule and line of a user method, each under
     * the root with the shortest chain to it (hot paths first), for grouping by location. One walk from all
     * the roots at once, and the roots that reach each method are counted without a walk per root: the
     * work grows with the graph, not with the graph times the roots.
     */
    public List<Reached> findingsForAll(List<MethodRef> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        int[] sources = roots.stream().mapToInt(graph::number).toArray();
        if (hotSuccessors == null) {
            allSuccessors = successors();
            hotSuccessors = hotSuccessors(allSuccessors);
        }
        // The keys some root can have on a hot path: a hot local event, or a synchronized root's entry.
        Set<FindingKey> hotKeys = new HashSet<>();
        Map<FindingKey, Candidate> best = candidates(roots, hotKeys);
        for (MethodRef root : roots) {
            Event entry = entry(root);
            if (entry != null) {
                hotKeys.add(new FindingKey(entry.rule(), root, entry.line()));
                if (!graph.node(root).isInput()) {
                    // Not walked for its own findings, but its hot lines can share the entry's key.
                    computeLocals(graph.node(root)).stream().filter(f -> !f.cold()).forEach(f -> hotKeys.add(f.key()));
                }
            }
        }
        LineCounts lines = new LineCounts(nodes.length, best.keySet(), hotKeys);
        int[] hotReach = ReachCounts.of(lines.leadingTo(hotSuccessors, true), sources);
        int[] anyReach = ReachCounts.of(lines.leadingTo(allSuccessors, false), sources);
        List<Reached> result = new ArrayList<>(best.size());
        for (Map.Entry<FindingKey, Candidate> e : best.entrySet()) {
            FindingKey key = e.getKey();
            int m = lines.countedAt(key);
            int hotRoots = hotKeys.contains(key) ? Math.max(1, hotReach[m]) : 0;
            result.add(new Reached(finding(e.getValue()), hotRoots, Math.max(hotRoots, anyReach[m])));
        }
        return result;
    }

    /**
     * Where each finding's roots are counted. A method inherited by several classes is in the graph once per
     * receiver class, and a root that reaches several copies of it has their line once: a line with copies is
     * counted at a node of its own past the graph's, which every copy with the line leads to (over hot calls,
     * only the copies where the line is hot). Every other line is counted at its method's node.
     */
    private final class LineCounts {
        /** The extra node of each line with copies, by each copy's key. */
        private final Map<FindingKey, Integer> lineNodes = new LinkedHashMap<>();
        private final Set<FindingKey> hotKeys;
        private int lineCount;

        LineCounts(int nodeCount, Set<FindingKey> keys, Set<FindingKey> hotKeys) {
            this.hotKeys = hotKeys;
            Map<FindingKey, List<FindingKey>> copies = new LinkedHashMap<>();
            for (FindingKey key : keys) {
                if (key.location.receiver() != null) {
                    copies.computeIfAbsent(new FindingKey(key.rule, key.location.declared(), key.line),
                            k -> new ArrayList<>()).add(key);
                }
            }
            for (Map.Entry<FindingKey, List<FindingKey>> line : copies.entrySet()) {
                // A copy's line and the declared method's own (reached with receivers of its own class) are one.
                FindingKey own = line.getKey();
                List<FindingKey> all = new ArrayList<>(line.getValue());
                if (keys.contains(own)) {
                    all.add(own);
                }
                if (all.size() > 1) {
                    int at = nodeCount + lineCount++;
                    all.forEach(k -> lineNodes.put(k, at));
                }
            }
        }

        int countedAt(FindingKey key) {
            Integer at = lineNodes.get(key);
            return at != null ? at : graph.number(key.location);
        }

        /** The successors with an edge from each copy to its lines' nodes (the graph's own lists when none). */
        List<int[]> leadingTo(List<int[]> successors, boolean hotOnly) {
            Map<Integer, int[]> toLines = new HashMap<>();
            lineNodes.forEach((key, at) -> {
                if (!hotOnly || hotKeys.contains(key)) {
                    toLines.merge(graph.number(key.location), new int[] {at}, (a, b) -> {
                        int[] both = Arrays.copyOf(a, a.length + 1);
                        both[a.length] = b[0];
                        return both;
                    });
                }
            });
            return ReachCounts.withSinks(successors, lineCount, m -> toLines.getOrDefault(m, NO_LINES));
        }
    }

    /**
     * The best candidate of every key on the paths of the roots, walked at once.
     *
     * @param hotKeys null when walking one root of many, whose walks share each method's findings; else the set
     *                that gets the keys of the hot findings, which are then computed once and not kept (every method
     *                of a large program held them at once)
     */
    private Map<FindingKey, Candidate> candidates(List<MethodRef> roots, Set<FindingKey> hotKeys) {
        List<Integer> reached = walk(roots.stream().mapToInt(graph::number).toArray());
        Map<FindingKey, Candidate> best = new LinkedHashMap<>();
        for (MethodRef root : roots) {
            Event entry = entry(root);
            if (entry != null) {
                best.putIfAbsent(new FindingKey(entry.rule(), root, entry.line()), new Candidate(entry.rule(), false,
                        root, entry.line(), "the root is a synchronized method: may wait for its monitor", null, root,
                        Trail.EMPTY, List.of()));
            }
        }
        for (int m : reached) {
            if (!nodes[m].isInput()) {
                continue;
            }
            List<Local> locals = hotKeys == null ? locals(m) : computeLocals(nodes[m]);
            if (locals.isEmpty()) {
                continue;
            }
            Trail prefix = prefix(m);
            boolean methodCold = reachedCold[m];
            MethodRef root = nodes[source[m]].ref();
            for (Local f : locals) {
                boolean cold = f.cold() || methodCold;
                if (hotKeys != null && !f.cold()) {
                    hotKeys.add(f.key());
                }
                Candidate old = best.get(f.key());
                if (old == null || (old.cold() && !cold)
                        || (old.cold() == cold && prefix.length() + 1 + f.tail().size() < old.chainLength())) {
                    best.put(f.key(), new Candidate(f.rule(), cold, nodes[m].ref(), f.line(), f.message(), f.remedy(),
                            root, prefix, f.tail()));
                }
            }
        }
        return best;
    }

    /** A synchronized root waits for its monitor on entry. */
    private Event entry(MethodRef root) {
        CallGraph.Node rootNode = graph.node(root);
        return LocalEvents.onEntry(rootNode, rootNode.facts().firstLine(), false);
    }

    private PathFinding finding(Candidate c) {
        // Equal texts made at different methods (every constructor's "allocates: new int[]") are kept once.
        String message = messageTexts.computeIfAbsent(c.message().toString(), text -> text);
        return new PathFinding(c.rule(), c.cold(), c.location(), c.line(), message, c.remedy(), c.root(),
                c.chainLength(), () -> c.chain(new Frame(c.location().toId(), c.line())));
    }

    /** Each node's successors over every followed call. */
    private List<int[]> successors() {
        List<int[]> result = new ArrayList<>(nodes.length);
        for (long[] out : steps) {
            int[] to = new int[out.length];
            for (int i = 0; i < out.length; i++) {
                to[i] = Steps.to(out[i]);
            }
            result.add(to);
        }
        return result;
    }

    /** Each node's successors over hot calls: the same array as over all calls where none of its calls is cold. */
    private List<int[]> hotSuccessors(List<int[]> all) {
        List<int[]> result = new ArrayList<>(nodes.length);
        for (int m = 0; m < steps.length; m++) {
            long[] out = steps[m];
            int hot = 0;
            for (long s : out) {
                if (!Steps.cold(s)) {
                    hot++;
                }
            }
            if (hot == out.length) {
                result.add(all.get(m));
                continue;
            }
            int[] to = new int[hot];
            int count = 0;
            for (long s : out) {
                if (!Steps.cold(s)) {
                    to[count++] = Steps.to(s);
                }
            }
            result.add(to);
        }
        return result;
    }

    /**
     * Breadth first over every followed call from the roots, hot calls first: a method reached by a hot path
     * is hot even when a cold path reaches it too, and each method keeps the shortest path from the first
     * root that reaches it. Returns the reached methods in the order reached.
     */
    private List<Integer> walk(int[] roots) {
        currentEpoch++;
        List<Integer> order = new ArrayList<>();
        for (int root : roots) {
            if (epoch[root] != currentEpoch) {
                visit(root, -1, 0, false, order);
            }
        }
        for (int head = 0; head < order.size(); head++) {
            int from = order.get(head);
            for (long s : steps[from]) {
                if (!Steps.cold(s) && epoch[Steps.to(s)] != currentEpoch) {
                    visit(Steps.to(s), from, Steps.line(s), false, order);
                }
            }
        }
        for (int head = 0; head < order.size(); head++) {
            int from = order.get(head);
            for (long s : steps[from]) {
                if (epoch[Steps.to(s)] != currentEpoch) {
                    visit(Steps.to(s), from, Steps.line(s), true, order);
                }
            }
        }
        return order;
    }

    /** @param from the method whose call at {@code line} reached m, or -1 for a root */
    private void visit(int m, int from, int line, boolean cold, List<Integer> order) {
        epoch[m] = currentEpoch;
        parentFrom[m] = from;
        parentLine[m] = line;
        reachedCold[m] = cold;
        trail[m] = null;
        source[m] = from < 0 ? m : source[from];
        order.add(m);
    }

    /** The node's followed calls in call order, each (line, cold, callee) once. */
    private long[] stepsOf(int k) {
        List<Call> calls = nodes[k].calls();
        long[] result = new long[calls.size()];
        int count = 0;
        // Over 16 calls, the steps met so far by open addressing, each stored plus one so 0 marks a free slot: a step
        // is never -1, whose low 31 bits would make the callee's number Integer.MAX_VALUE.
        long[] seen = calls.size() > 16 ? new long[Integer.highestOneBit(calls.size()) * 4] : null;
        for (int c = 0; c < calls.size(); c++) {
            int to = nodes[k].callee(c);
            if (to >= 0) {
                Call call = calls.get(c);
                long step = Steps.of(call.site().line(), call.site().cold(), to);
                if (seen != null ? addTo(seen, step + 1) : !contains(result, count, step)) {
                    result[count++] = step;
                }
            }
        }
        return count == result.length ? result : Arrays.copyOf(result, count);
    }

    /** Adds a nonzero value to a table of a power-of-two length at least twice what it will hold; false when held. */
    private static boolean addTo(long[] table, long value) {
        int mask = table.length - 1;
        long mixed = value * 0x9E3779B97F4A7C15L;
        for (int i = (int) (mixed ^ (mixed >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = value;
                return true;
            }
            if (table[i] == value) {
                return false;
            }
        }
    }

    private static boolean contains(long[] values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** The frames from the root to the call of m, built once per method and walk from its parent's. */
    private Trail prefix(int m) {
        List<Integer> pending = new ArrayList<>();
        int current = m;
        while (trail[current] == null && parentFrom[current] >= 0) {
            pending.add(current);
            current = parentFrom[current];
        }
        Trail t = trail[current] != null ? trail[current] : Trail.EMPTY;
        for (int k = pending.size() - 1; k >= 0; k--) {
            int reached = pending.get(k);
            t = t.then(new Frame(nodes[parentFrom[reached]].ref().toId(), parentLine[reached]));
            trail[reached] = t;
        }
        return t;
    }

    private List<Local> locals(int m) {
        if (localFindings[m] == null) {
            localFindings[m] = computeLocals(nodes[m]);
        }
        return localFindings[m];
    }

    /** A user method's own findings: its events, its calls into library code that has effects, its recursive calls. */
    private List<Local> computeLocals(CallGraph.Node node) {
        List<Local> result = new ArrayList<>();
        for (Event e : localEvents.of(node)) {
            result.add(new Local(new FindingKey(e.rule(), node.ref(), e.line()), e.cold(), e.message(), e.remedy(),
                    e.target() == null ? List.of() : List.of(new Frame(e.target().toId(), 0))));
        }
        List<Call> calls = node.calls();
        for (int c = 0; c < calls.size(); c++) {
            Call call = calls.get(c);
            if (call.target() instanceof Target.Method m && !graph.node(node.callee(c)).isInput()) {
                for (LibrarySummaries.Key key : library.effects(m.ref()).keySet()) {
                    result.add(libraryEffect(node.ref(), call, m.ref(), key));
                }
            }
            if (cycles.staysOnCycle(node, c)) {
                result.add(recursiveCall(node, c));
            }
        }
        return result;
    }

    private Local libraryEffect(MethodRef caller, Call call, MethodRef callee, LibrarySummaries.Key key) {
        LibraryEffect effect = libraryEffects.computeIfAbsent(callee, k -> new HashMap<>())
                .computeIfAbsent(key, k -> describe(callee, key));
        return new Local(new FindingKey(key.rule(), caller, call.site().line()), key.cold() || call.site().cold(),
                effect.message(), effect.remedy(), effect.chain());
    }

    /** What a library method's effect says, the same at every call of the method: made once per method and effect. */
    private LibraryEffect describe(MethodRef callee, LibrarySummaries.Key key) {
        LibrarySummaries.Origin origin = library.origin(callee, key);
        CharSequence message = new LazyText(() -> "call to " + Names.method(callee) + " " + LocalEvents.verb(key.rule())
                + " inside library code: " + origin.event().message()
                + (origin.method().equals(callee) ? "" : " (in " + Names.method(origin.method()) + ")"));
        return new LibraryEffect(message, LocalEvents.libraryRemedy(key.rule(), origin.event()),
                List.copyOf(library.chain(callee, key)));
    }

    private Local recursiveCall(CallGraph.Node node, int c) {
        MethodRef m = node.ref();
        Call call = node.calls().get(c);
        MethodRef to = Target.followed(call.target());
        CharSequence message;
        if (to.equals(m)) {
            message = new LazyText(() -> "recursive call: " + Names.method(m) + " calls itself");
        } else {
            int size = cycles.cycleSize(m);
            message = new LazyText(() -> "recursive call: " + Names.method(m) + " calls " + Names.method(to)
                    + ", which leads back to it (a cycle of " + size + " methods)");
        }
        boolean cold = call.site().cold() || !hotCycles.staysOnCycle(node, c);
        return new Local(new FindingKey(Rule.RECURSION, m, call.site().line()), cold, message,
                LocalEvents.remedy(EventKind.RECURSION), List.of(new Frame(to.toId(), 0)));
    }

}
