package dev.headroom.core.timing;

import dev.headroom.core.TimingExceptions;
import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.callgraph.AssertCode;
import dev.headroom.core.callgraph.ColdCode;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.RecordMethods;
import dev.headroom.core.callgraph.Site;
import dev.headroom.core.classpath.Annotations;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.heap.StaticObjects;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.LazyText;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.Verdict;
import dev.headroom.core.model.WorstCase;
import dev.headroom.core.roots.RootFinder;
import dev.headroom.core.threads.Beside;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Worst-case execution cost of the roots under a cost model.
 *
 * <p>Per method, computed once and reused by every caller: the control-flow graph (exception edges
 * included), its natural loops, a bound for each loop (inferred for counted loops, else the
 * {@code Loops.bound(N)} marker inside the loop, else {@code @LoopBound(N)} on the method, else the
 * flow-facts file, else none: {@code unbounded-loop}), and the longest path through the loop-collapsed
 * graph, where each call instruction costs its most expensive target. {@code @AssumeCost}, a flow-facts
 * cost and a cost-model method cost are trusted, in that order; a call naming a JVM intrinsic the model
 * prices costs that price (see {@link Intrinsics}). A method is unbounded when one of its
 * loops is, when it takes part in recursion, or when a call it makes cannot be analysed (a missing
 * class, native code with no declared cost, a virtual call whose targets are not known, an
 * {@code invokedynamic} other than a lambda); the root then has no bound, with the reason.
 *
 * <p>A root's bound covers the runs that complete normally (unless {@link TimingExceptions#INCLUDE}): each
 * method also gets the timing of its normal runs, where its cold code ({@link ColdBlocks}) is left out and
 * a call costs its callee's normal runs, or all its runs inside a try range whose handler recovers (the
 * callee may throw part-way and the run still completes). The unbounded-loop search runs over the timings
 * of all runs, and tells the loops reached only through cold code apart (cold findings).
 *
 * <p>Calls are taken from the call graph ({@link CallGraph.Node#calls()}, every target of each site).
 * Where the graph has no call for an invoke instruction (methods it describes by a rule-pack entry, cold
 * sites inside summarised code, safe native methods), the instruction is resolved here: static, special,
 * private and final targets are followed; any other virtual call is unbounded.
 *
 * <p>Assumptions: classes are initialised before the roots run (static initialisers are not counted);
 * {@code invokedynamic} call sites are linked; the glue code of lambda objects generated at run time is
 * not counted; an exception handler does not re-enter itself.
 *
 * <p>Not thread-safe: one instance per analysis.
 */
public final class TimingAnalysis {
    private static final String LOOP_BOUND = "Ldev/headroom/annotations/LoopBound;";
    private static final String ASSUME_COST = "Ldev/headroom/annotations/AssumeCost;";
    private static final String DEADLINE = "Ldev/headroom/annotations/Deadline;";
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private final CallGraph graph;
    private final Hierarchy hierarchy;
    private final CostModel model;
    private final FlowFacts facts;
    private final FieldArrayLengths fieldLengths;
    private final StaticObjects statics;
    private final boolean assertionsEnabled;
    private final TimingExceptions exceptions;
    /** Each method met, with its timing once made: one lookup per call, and none for a site's targets once listed. */
    private final Map<MethodRef, KnownMethod> byMethod = new HashMap<>();
    /**
     * Whether each method called names an intrinsic and its cost (empty: it does not, or the flow facts give it a
     * cost): asked at every call site of every analysis, which builds the cost model's keys as strings.
     */
    private final Map<MethodRef, OptionalLong> intrinsicCosts = new HashMap<>();
    /** Methods analysed again for what one call passes them (see {@link #inContext}), by what their timings read. */
    private final ContextCache<Contextual> contexts = new ContextCache<>();
    /**
     * The timings in a context, in the order they were made: the unbounded-loop search's order (the cache's keys
     * hash objects by identity, so its order would vary by run).
     */
    private final List<MethodTiming> contextual = new ArrayList<>();
    /** The methods being analysed, outermost first (to name cycles); each one's place is in its {@link KnownMethod}. */
    private final List<MethodRef> inProgress = new ArrayList<>();
    /** Changes whenever {@link #inProgress} does: two calls back into a method with the same value see the same cycle. */
    private long stackVersion;
    /** Each call instruction's targets as the timing reads them. */
    private final CallTargets callTargets;
    /** The roots' worst paths, cause paths and worst cases. */
    private final RootPaths paths = new RootPaths(this::timingMade);
    /** Each method's bound from its blocks' costs. */
    private final MethodBound methodBounds = new MethodBound(this::isRoot);
    /** Whether the throw sites below the roots are listed on a second thread while the unbounded loops are searched. */
    private boolean twoThreads;
    /**
     * The roots being bounded, by graph number (a loop-free method keeps its worst path's lines only when it is
     * one); a root the caller's graph does not hold is kept by ref.
     */
    private final boolean[] isRoot;
    private final Set<MethodRef> rootsOutsideGraph = new HashSet<>();

    /** Bounds the runs that complete normally, with assertions disabled. */
    public TimingAnalysis(CallGraph graph, Hierarchy hierarchy, CostModel model, FlowFacts facts) {
        this(graph, hierarchy, model, facts, false, TimingExceptions.EXCLUDE, StaticObjects.NONE);
    }

    /**
     * @param assertionsEnabled whether the program runs with {@code -ea} (assert code is then not cold)
     * @param exceptions        whether a root's bound covers its throw paths too, or only the runs that
     *                          complete normally
     * @param statics           what the static initialisers fixed: a loop bounded by the capacity of an
     *                          object a static final field holds is bounded by that capacity
     */
    public TimingAnalysis(CallGraph graph, Hierarchy hierarchy, CostModel model, FlowFacts facts,
                          boolean assertionsEnabled, TimingExceptions exceptions, StaticObjects statics) {
        this.statics = statics;
        this.assertionsEnabled = assertionsEnabled;
        this.exceptions = exceptions;
        this.graph = graph;
        this.isRoot = new boolean[graph.size()];
        this.hierarchy = hierarchy;
        this.model = model;
        this.facts = facts;
        this.fieldLengths = new FieldArrayLengths(hierarchy.classes());
        this.callTargets = new CallTargets(hierarchy, facts, model, this::entry);
    }

    /** Where the integer programs' answers are kept: in this run only (the default), or across runs too. */
    public TimingAnalysis solvedPrograms(SolvedPrograms programs) {
        methodBounds.solvedPrograms(programs);
        return this;
    }

    /**
     * With two threads, once every root is timed, the throw sites below the roots are listed on a second thread
     * while this one searches the unbounded loops: the two read the timings, which nothing changes then, and keep
     * what they make apart. The results are the same with one thread (the default).
     */
    public TimingAnalysis twoThreads(boolean twoThreads) {
        this.twoThreads = twoThreads;
        return this;
    }

    /**
     * How a call's targets are costed: by all their runs or by their normal runs, and whether the call is
     * recorded for the unbounded-loop search (in the pass over all runs, with whether the call site is cold).
     */
    private record Use(boolean normalRuns, boolean record, boolean coldSite) {
        static Use of(boolean normalRuns) {
            return new Use(normalRuns, false, false);
        }

        static Use record(boolean coldSite) {
            return new Use(false, true, coldSite);
        }

        MethodTiming runs(MethodTiming callee) {
            return normalRuns ? callee.normalRuns() : callee;
        }
    }

    /** A method's timing for what a call knows of its arguments, and the parameters it depends on ({@link ContextReads}). */
    private record Contextual(MethodTiming timing, long dependsOn) {
    }

    /** The cost of one call instruction: the most expensive of its targets. */
    private record SiteCost(long cost, CharSequence reason, MethodRef cause, MethodTiming worst) {
    }

    /**
     * Bounds every root and finds the unbounded loops on its paths.
     *
     * @param byLocation one unbounded-loop finding per location, under the root with the shortest chain to it,
     *                   with the number of roots that reach it; otherwise one per location and root
     */
    public TimingResult analyze(List<RootFinder.Found> roots, boolean byLocation) {
        List<RootTiming> rootTimings = new ArrayList<>();
        List<TimingFinding> findings = new ArrayList<>();
        List<RootFinder.Found> sorted = new ArrayList<>(roots);
        sorted.sort((a, b) -> a.root().compareTo(b.root()));
        sorted.forEach(found -> markRoot(found.method().ref()));
        List<UnboundedLoopSearch.Start> starts = new ArrayList<>();
        List<MethodTiming> timed = new ArrayList<>();
        Map<LoadedClass, Integer> lastRootOf = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            lastRootOf.put(sorted.get(i).method().owner(), i);
        }
        for (int i = 0; i < sorted.size(); i++) {
            RootFinder.Found found = sorted.get(i);
            MethodRef ref = found.method().ref();
            MethodTiming own = timing(ref);
            // On the one object the program can have of its class, if there is one: what it knows is the root's.
            MethodTiming onInstance = onTheOnlyInstance(found.method(), own);
            // Its unbounded loops are searched from there when that gives it a bound (then there are none);
            // otherwise from its own timing, as for any root, so a location keeps the count of every root reaching it.
            starts.add(new UnboundedLoopSearch.Start(ref,
                    onInstance != null && onInstance.normalRuns().bounded() ? onInstance : null));
            MethodTiming t = (onInstance != null ? onInstance : own).normalRuns();
            MethodNode m = found.method().method();
            Long deadline = annotationLong(m, DEADLINE, "cycles");
            List<String> path = t.bounded() ? paths.worstPath(t) : paths.causePath(t);
            Verdict verdict = deadline == null ? null
                    : t.bounded() && t.cost <= deadline ? Verdict.PASS : Verdict.FAIL;
            timed.add(t);
            rootTimings.add(new RootTiming(ref.toId(), t.bounded(), t.bounded() ? t.cost : 0, deadline, verdict, path,
                    List.of(), t.bounded() ? paths.worstCase(t) : WorstCase.NONE));
            if (verdict == Verdict.FAIL) {
                String message = t.bounded()
                        ? "worst-case cost " + t.cost + " cycles (" + model.name() + " cost model) is above the deadline of "
                          + deadline + " cycles by " + (t.cost - deadline) + "; worst path: " + String.join(" -> ", path)
                        : "no worst-case bound under the " + model.name() + " cost model, so the deadline of " + deadline
                          + " cycles cannot be shown to hold: " + t.reason;
                findings.add(new TimingFinding(Rule.DEADLINE_EXCEEDED, ref, ref, firstLine(m), message, List.of(), 1, 1, false));
            }
            if (lastRootOf.get(found.method().owner()) == i) {
                // Its roots are timed; a later root's analysis may still read its code (a helper not timed yet, a
                // re-analysis in a caller's context), which parses it again: with every method of a large program a
                // root, the trees go as the roots do.
                found.method().owner().dropTree();
            }
        }
        // The throw sites below all roots are ranked together, so they are listed once every root is timed; the
        // paths above are made as each root is timed: a cause path reads the timings made so far (a method's
        // timing inside a cycle is kept only when the cycle's first method is done), and taking them later would
        // lengthen some paths.
        List<List<String>> exits;
        try (Beside<List<List<String>>> listing = Beside.start(twoThreads, "headroom-exits",
                () -> new ExceptionalExits<MethodTiming>(x -> x.exits, x -> x.normalCallees,
                        x -> x.owner != null && x.owner.input(), RootPaths.MAX_PATH).of(timed))) {
            UnboundedLoopSearch loops = unboundedLoopSearch();
            findings.addAll(byLocation ? loops.byLocation(starts) : loops.perRoot(starts));
            exits = listing.get();
        }
        for (int i = 0; i < rootTimings.size(); i++) {
            RootTiming r = rootTimings.get(i);
            rootTimings.set(i, new RootTiming(r.root(), r.bounded(), r.wcet(), r.deadline(), r.verdict(), r.worstPath(),
                    exits.get(i), r.worstCase()));
        }
        findings.sort(null);
        return new TimingResult(new TimingReport(model.name(), rootTimings), findings);
    }

    /** The loops of a method with their bounds (the method is analysed if it was not yet). */
    public List<LoopBound> loops(MethodRef method) {
        return List.copyOf(timing(method).loops);
    }

    /** The methods analysed in a call's context, an entry per analysis, in the order they were made. */
    List<MethodRef> contextualAnalyses() {
        return contextual.stream().map(t -> t.ref).toList();
    }

    /** The worst-case cost of one call of the method, or empty when it has no bound. */
    public OptionalLong cost(MethodRef method) {
        MethodTiming t = timing(method).normalRuns();
        return t.bounded() ? OptionalLong.of(t.cost) : OptionalLong.empty();
    }

    /** Why the method has no bound, or empty when it has one. */
    public Optional<String> unboundedReason(MethodRef method) {
        return Optional.ofNullable(timing(method).normalRuns().reason).map(CharSequence::toString);
    }

    private void markRoot(MethodRef ref) {
        int n = graph.number(ref);
        if (n >= 0) {
            isRoot[n] = true;
        } else {
            rootsOutsideGraph.add(ref);
        }
    }

    private boolean isRoot(MethodRef ref) {
        int n = graph.number(ref);
        return n >= 0 ? isRoot[n] : rootsOutsideGraph.contains(ref);
    }

    // ---- per method ----

    private KnownMethod entry(MethodRef ref) {
        return byMethod.computeIfAbsent(ref, KnownMethod::new);
    }

    /** A method's timing once made, else null (never met, or still being analysed). */
    private MethodTiming timingMade(MethodRef ref) {
        KnownMethod k = byMethod.get(ref);
        return k == null ? null : k.timing;
    }

    private MethodTiming timing(MethodRef ref) {
        return timing(entry(ref));
    }

    private MethodTiming timing(KnownMethod k) {
        if (k.timing != null) {
            return k.timing;
        }
        MethodRef ref = k.ref;
        if (k.inProgressAt >= 0) {
            if (k.recursion == null || k.recursionAt != stackVersion) {
                k.recursion = new MethodTiming(ref, null).unbounded(cycleReason(inProgress, k.inProgressAt, ref));
                k.recursionAt = stackVersion;
            }
            return k.recursion;
        }
        CallGraph.Node node = graph.node(ref);
        LoadedClass owner;
        MethodNode method;
        if (node != null) {
            owner = node.owner();
            method = node.method();
        } else {
            Hierarchy.Resolution r = hierarchy.resolve(ref.owner(), ref.name(), ref.descriptor());
            if (!r.isFound()) {
                MethodTiming t = trusted(new MethodTiming(ref, null), null, ref);
                if (t == null) {
                    t = new MethodTiming(ref, null).unbounded(new LazyText(() -> "call to " + short_(ref)
                            + " cannot be analysed: " + r.problem()));
                }
                k.timing = t;
                return t;
            }
            owner = r.declared().owner();
            method = r.declared().method();
            MethodRef declared = r.declared().ref();
            if (!declared.equals(ref)) {
                MethodTiming t = timing(declared);
                k.timing = t;
                return t;
            }
        }
        MethodTiming t = trusted(new MethodTiming(ref, owner), method, ref);
        if (t == null) {
            t = new MethodTiming(ref, owner);
            if ((method.access & Opcodes.ACC_NATIVE) != 0) {
                t.unbounded("native method " + short_(ref) + " has no declared cost (give it @AssumeCost, or a cost in"
                        + " the cost model or the flow-facts file)");
            } else if (hierarchy.classes().unanalysable(method) != null) {
                t.unbounded("the bytecode of " + short_(ref) + " is invalid: " + hierarchy.classes().unanalysable(method));
            } else if ((method.access & Opcodes.ACC_ABSTRACT) != 0 || method.instructions.size() == 0) {
                t.unbounded("abstract method " + short_(ref) + " has no implementation to analyse");
            } else {
                enter(k);
                try {
                    analyzeBytecode(t, node, method);
                } finally {
                    leave(k);
                }
            }
        }
        k.timing = t;
        return t;
    }

    private void enter(KnownMethod k) {
        k.inProgressAt = inProgress.size();
        inProgress.add(k.ref);
        stackVersion++;
    }

    private void leave(KnownMethod k) {
        inProgress.remove(inProgress.size() - 1);
        k.inProgressAt = -1;
        stackVersion++;
    }

    /** A trusted cost: @AssumeCost, then the flow facts, then the cost model; null when none applies. */
    private MethodTiming trusted(MethodTiming t, MethodNode method, MethodRef ref) {
        Long assumed = method == null ? null : annotationLong(method, ASSUME_COST, "cycles");
        if (assumed != null) {
            t.cost = Math.max(0, assumed);
            return t;
        }
        Optional<FlowFacts.Fact> fact = facts.methodCost(ref);
        if (fact.isPresent()) {
            t.cost = fact.get().value();
            return t;
        }
        OptionalLong modelled = model.methodCost(ref);
        if (modelled.isPresent()) {
            t.cost = modelled.getAsLong();
            return t;
        }
        return null;
    }

    private void analyzeBytecode(MethodTiming t, CallGraph.Node node, MethodNode method) {
        analyzeBytecode(t, node, method, Map.of(), null);
    }

    /**
     * @param arguments what a call site knows of some arguments, by local (empty: any call)
     * @param reads     in a call's context, where what the timing reads of the frames is recorded; else null
     */
    private void analyzeBytecode(MethodTiming t, CallGraph.Node node, MethodNode method,
                                 Map<Integer, ConstantInterpreter.Value> arguments, ContextReads reads) {
        ControlFlow cfg;
        try {
            cfg = ControlFlow.of(method);
        } catch (ControlFlow.UnsupportedFlowException e) {
            t.unbounded(short_(t.ref) + " uses " + e.getMessage() + ", which the timing analysis does not model");
            return;
        }
        ConstantFrames values = new ConstantFrames(t.owner.internalName(), method, arguments, reads, fieldLengths,
                statics);
        boolean hasMarker = false;
        for (int i = 0; i < cfg.insns.size(); i++) {
            hasMarker |= LoopBounds.isMarker(cfg.insns.get(i));
        }
        Frame<BasicValue>[] frames =
                !cfg.loops.isEmpty() || hasMarker ? values.get() : null;
        String file = t.owner.sourceFile() != null ? t.owner.sourceFile() : t.owner.internalName() + ".class";

        LoopBounds loopBounds = new LoopBounds(cfg, frames, t.ref, annotationLong(method, LOOP_BOUND, "value"), facts);
        t.loops = loopBounds.loops().isEmpty() ? Collections.emptyList() : new ArrayList<>(loopBounds.loops());
        long[] bounds = loopBounds.bounds();

        // Block costs, with the most expensive target of every call; then the bound of every run, and of the
        // runs that complete normally.
        ColdCode coldCode = node != null && node.facts().coldCode() != null ? node.facts().coldCode()
                : ColdCode.of(method, AssertCode.of(t.owner, assertionsEnabled));
        ColdBlocks cold = ColdBlocks.of(cfg, coldCode);
        for (LoopBound lb : t.loops) {
            if (cold.isColdHeader(lb.header())) {
                if (t.coldLoops.isEmpty()) {
                    t.coldLoops = new HashSet<>();
                }
                t.coldLoops.add(lb.header());
            }
        }
        CallTargets.MethodCalls calls = new CallTargets.MethodCalls(node, cfg.insns.size());
        BlockCosts all = blockCosts(t, calls, cfg, values, cold, false);
        Consumer<Ipet> constraints = loopBounds.constrained() ? loopBounds::constrain : null;
        if (exceptions == TimingExceptions.EXCLUDE && (cold.any() || t.calleeNormalDiffers)) {
            MethodTiming normal = new MethodTiming(t.ref, t.owner);
            normal.normal = normal; // a timing of normal runs is its own
            normal.loops = new ArrayList<>(t.loops);
            BlockCosts normalCosts = blockCosts(normal, calls, cfg, values, cold, true);
            normal.exits = List.copyOf(cold.throwSites(file, t.ref));
            methodBounds.finish(normal, cfg, normalCosts, bounds, cold.blocks(), lb -> !cold.isColdHeader(lb.header()), file,
                    constraints);
            t.normal = normal;
        } // else both timings are the same (no cold code here or below): one is kept
        methodBounds.finish(t, cfg, all, bounds, cold.deadBlocks(), lb -> !cold.isDeadHeader(lb.header()), file,
                constraints);
        t.calls = t.calls.trimmed();
    }

    /**
     * @param normalRuns the costs of runs that complete normally: cold blocks cost nothing, and a call costs
     *                   its callee's normal runs, or all its runs inside a try range whose handler recovers (the
     *                   callee may throw after running part of itself, and the run still completes)
     */
    private BlockCosts blockCosts(MethodTiming t, CallTargets.MethodCalls calls, ControlFlow cfg,
                                  ConstantFrames values, ColdBlocks cold, boolean normalRuns) {
        BlockCosts costs = new BlockCosts(cfg);
        for (int b = 0; b < cfg.blockCount; b++) {
            if (!cfg.reachable[b] || cold.isDead(b) || (normalRuns && cold.isCold(b))) {
                continue;
            }
            boolean calleeNormalRuns = normalRuns && !cold.inRecoveringTry(b);
            long cost = 0;
            for (int i = cfg.blockStart[b]; i < cfg.blockEnd[b]; i++) {
                AbstractInsnNode insn = cfg.insns.get(i);
                int op = insn.getOpcode();
                if (op < 0) {
                    continue;
                }
                cost = LongestPath.add(cost, model.opcodeCost(op));
                if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode) {
                    SiteCost site = siteCost(t, calls, i, insn, cfg.lineAt[i], values,
                            normalRuns ? Use.of(calleeNormalRuns) : Use.record(cold.isCold(b)));
                    if (site.reason != null && costs.reason == null) {
                        costs.reason = site.reason;
                        costs.cause = site.cause;
                    }
                    costs.call[i] = site.cost;
                    costs.callee[i] = site.worst;
                    cost = LongestPath.add(cost, site.cost);
                }
            }
            costs.block[b] = cost;
        }
        return costs;
    }

    /** @param calls the graph's calls of the method, by instruction */
    private SiteCost siteCost(MethodTiming t, CallTargets.MethodCalls calls, int index, AbstractInsnNode insn, int line,
                              ConstantFrames values, Use use) {
        List<Call> here = calls.at(index);
        if (insn instanceof InvokeDynamicInsnNode indy) {
            if (indy.bsm.getOwner().equals(LAMBDA_METAFACTORY)) {
                return new SiteCost(0, null, null, null);
            }
            if (RecordMethods.isRecordMethod(indy)) {
                return recordMethodCost(t, here, indy, line, use);
            }
            return new SiteCost(0, "invokedynamic " + indy.name + " in " + short_(t.ref) + " (bootstrap "
                    + indy.bsm.getOwner().replace('/', '.') + "#" + indy.bsm.getName()
                    + ") runs code generated at run time that is not analysed", null, null);
        }
        MethodInsnNode mi = (MethodInsnNode) insn;
        if (mi.owner.equals(LoopBounds.LOOPS_OWNER)) {
            return new SiteCost(model.opcodeCost(Opcodes.RETURN), null, null, null); // the marker's empty body
        }
        MethodRef calledAs = new MethodRef(mi.owner, mi.name, mi.desc);
        OptionalLong intrinsic = intrinsicCosts.get(calledAs); // no lambda: it would capture this, a new one per call
        if (intrinsic == null) {
            intrinsic = facts.methodCost(calledAs).isPresent() ? OptionalLong.empty() : model.intrinsicCost(calledAs);
            intrinsicCosts.put(calledAs, intrinsic);
        }
        if (intrinsic.isPresent()) { // a JVM intrinsic: its compiled form's cost, its bytecode is not walked
            return new SiteCost(intrinsic.getAsLong(), null, null, null);
        }
        CallTargets.SiteTargets site = calls.targets[index];
        if (site == null) {
            site = callTargets.of(t, here, mi);
            calls.targets[index] = site;
        }
        List<KnownMethod> targets = site.targets();
        CharSequence unanalysable = site.unanalysable();
        MethodRef unanalysableRef = site.unanalysableRef();
        long worst = 0;
        MethodTiming worstTarget = null;
        CharSequence reason = unanalysable;
        MethodRef cause = unanalysableRef;
        for (KnownMethod k : targets) {
            MethodRef target = k.ref;
            MethodTiming all = timing(k);
            MethodTiming inContext = all.bounded() ? null : inContext(k, all, mi, values, index);
            MethodTiming callee = use.runs(all);
            t.calleeNormalDiffers |= all.normal != null || (inContext != null && inContext.normal != null);
            if (inContext != null && use.runs(inContext).bounded()) {
                callee = use.runs(inContext); // bounded by what this call passes: no unbounded loop on this path
            } else if (use.record()) {
                // What is unbounded on this path is what is unbounded for what the call passes, where it has a context
                t.calls = t.calls.plus(line, target, use.coldSite(), inContext);
            }
            if (use.normalRuns() && callee.leavesOutExits()) {
                t.normalCallees = MethodTiming.added(t.normalCallees, callee);
            }
            if (!callee.bounded()) {
                if (reason == null) {
                    reason = callee.reason;
                    cause = target;
                }
            } else if (worstTarget == null || callee.cost > worst) {
                worst = callee.cost;
                worstTarget = callee;
            }
        }
        return new SiteCost(worst, reason, cause, worstTarget);
    }

    /**
     * The callee's timing for what this call passes it, when loops (its own or its callees') leave it without
     * a bound and the call passes a constant or an array of known length: {@code Arrays.fill(buffer, 0)} on a final field of
     * 64 elements runs its loop 64 times. The callee is analysed again with those arguments, once per method
     * and value of the parameters its timing reads ({@link #analyzedIn}); what it passes on to its own callees is
     * known there in turn. Null when nothing is known of the arguments or the callee has no bound for another
     * reason (recursion, a native method).
     */
    private MethodTiming inContext(KnownMethod target, MethodTiming contextFree, MethodInsnNode mi,
                                   ConstantFrames values, int index) {
        if (target.inProgressAt >= 0 || !contextMayBound(contextFree)) {
            return null;
        }
        Map<Integer, ConstantInterpreter.Value> known = values.knownArgumentsAt(index, mi);
        if (known == null) {
            return null;
        }
        ContextReads reads = values.reads();
        Contextual in = known.isEmpty() ? null : analyzedIn(target.ref, contextFree, known);
        if (reads != null) {
            // What this call passes counts for the callee's parameters its timing here depends on; where nothing is
            // known, another context of this method may know some of them: all of them count.
            reads.dependOnArguments(index, mi, in == null ? ContextReads.ALL : in.dependsOn());
        }
        return in == null ? null : in.timing();
    }

    /**
     * A root's timing on the one object of its class the program can have ({@link StaticObjects#onlyInstance}),
     * when its own timing has no bound because of loops: the fields of that object may bound them. Null otherwise.
     */
    private MethodTiming onTheOnlyInstance(Hierarchy.Declared root, MethodTiming contextFree) {
        if (root.is(Opcodes.ACC_STATIC) || !contextMayBound(contextFree)) {
            return null;
        }
        Optional<Object> instance = statics.onlyInstance(root.owner().internalName());
        if (instance.isEmpty()) {
            return null;
        }
        ConstantInterpreter.Value receiver = new ConstantInterpreter.Value(BasicValue.REFERENCE_VALUE.getType(), null, null,
                -1, instance.get());
        Contextual in = analyzedIn(root.ref(), contextFree, Map.of(0, receiver));
        return in == null ? null : in.timing();
    }

    /**
     * Whether what is known of a method's arguments could give it a bound: it has bytecode here, and loops (its own
     * or its callees') leave it without one, in all its runs or in those that complete normally.
     */
    private boolean contextMayBound(MethodTiming contextFree) {
        return contextFree.owner != null
                && (unboundedByLoops(contextFree, false) || unboundedByLoops(contextFree.normalRuns(), true));
    }

    /**
     * The method analysed again with what is known of its arguments, once per method and what of them its timing
     * depends on; null when its bytecode is not found.
     */
    private Contextual analyzedIn(MethodRef target, MethodTiming contextFree, Map<Integer, ConstantInterpreter.Value> known) {
        Contextual cached = contexts.find(target, known);
        if (cached != null) {
            return cached;
        }
        CallGraph.Node node = graph.node(target);
        Optional<MethodNode> method = node != null ? Optional.of(node.method())
                : Optional.of(hierarchy.resolve(target.owner(), target.name(), target.descriptor()))
                        .filter(Hierarchy.Resolution::isFound)
                        .filter(r -> r.declared().ref().equals(target))
                        .map(r -> r.declared().method());
        if (method.isEmpty()) {
            return null;
        }
        MethodTiming t = new MethodTiming(target, contextFree.owner);
        ContextReads reads = new ContextReads(contextFree.owner.internalName(), method.get());
        KnownMethod k = entry(target);
        enter(k);
        try {
            analyzeBytecode(t, node, method.get(), known, reads);
        } finally {
            leave(k);
        }
        Contextual made = new Contextual(t, reads.dependsOn());
        contexts.put(target, known, reads.dependsOn(), made);
        contextual.add(t);
        return made;
    }

    /**
     * Whether a method has no bound because of a loop, its own or one in a callee on the way to the cause,
     * rather than recursion, a native method or a call that cannot be analysed: only then can what a call
     * passes give it one.
     */
    private boolean unboundedByLoops(MethodTiming t, boolean normalRuns) {
        if (normalRuns) {
            if (t.normalUnboundedByLoops == null) {
                t.normalUnboundedByLoops = followCauses(t, true);
            }
            return t.normalUnboundedByLoops;
        }
        if (t.unboundedByLoops == null) {
            t.unboundedByLoops = followCauses(t, false);
        }
        return t.unboundedByLoops;
    }

    /** Follows the causes (of all runs, or of the runs that complete normally) to the method whose own code has no bound. */
    private boolean followCauses(MethodTiming t, boolean normalRuns) {
        Set<MethodRef> seen = new HashSet<>();
        MethodTiming at = t;
        while (at.cause != null && seen.add(at.ref)) {
            MethodTiming next = timingMade(at.cause);
            if (next == null) {
                return false;
            }
            at = normalRuns ? MethodTiming.normalCause(next) : next;
        }
        return at.cause == null && at.loops.stream().anyMatch(lb -> !lb.bounded());
    }

    /**
     * A record's generated equals or hashCode, costed as the code javac would write by hand for it: per
     * component, read both fields and compare them, or fold the component's hash into the result; a
     * primitive is compared or hashed as the JDK's generated code does ({@code Float.compare}, the
     * wrapper's static {@code hashCode}), a reference component through its own equals or hashCode, at its
     * most expensive target. toString builds a String of every component, which has no bound.
     */
    private SiteCost recordMethodCost(MethodTiming t, List<Call> here, InvokeDynamicInsnNode indy, int line,
                                      Use use) {
        if (indy.name.equals("toString")) {
            return new SiteCost(0, "record toString in " + short_(t.ref) + " builds a String of every component,"
                    + " whose length has no bound", null, null);
        }
        boolean equals = indy.name.equals("equals");
        long cost = equals
                ? ops(Opcodes.ALOAD, Opcodes.ALOAD, Opcodes.IF_ACMPNE, Opcodes.ALOAD, Opcodes.INSTANCEOF, Opcodes.IFEQ,
                      Opcodes.ALOAD, Opcodes.CHECKCAST, Opcodes.ASTORE, Opcodes.IRETURN)
                : ops(Opcodes.ICONST_0, Opcodes.ISTORE, Opcodes.ILOAD, Opcodes.IRETURN);
        MethodTiming worstTarget = null;
        long worst = -1;
        for (String component : RecordMethods.components(indy)) {
            Type type = Type.getType(component);
            long each = equals ? ops(Opcodes.ALOAD, Opcodes.GETFIELD, Opcodes.ALOAD, Opcodes.GETFIELD, Opcodes.IFEQ)
                    : ops(Opcodes.ILOAD, Opcodes.BIPUSH, Opcodes.IMUL, Opcodes.ALOAD, Opcodes.GETFIELD, Opcodes.IADD,
                          Opcodes.ISTORE);
            Set<MethodRef> targets = new LinkedHashSet<>();
            if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                each = LongestPath.add(each, ops(Opcodes.DUP, Opcodes.IFNULL, Opcodes.INVOKEVIRTUAL));
                String descriptor = RecordMethods.componentMethodDescriptor(indy.name);
                for (Call call : here) {
                    if (call.site() instanceof Site.Invoke in
                            && in.owner().equals(type.getInternalName()) && in.descriptor().equals(descriptor)) {
                        MethodRef target = CallTargets.targetOf(call.target());
                        if (target == null) {
                            return new SiteCost(0, "call to " + in.owner().replace('/', '.') + "#" + indy.name
                                    + " for a component of the record in " + short_(t.ref) + " cannot be analysed",
                                    null, null);
                        }
                        targets.add(target);
                    }
                }
                if (targets.isEmpty()) { // a call the graph does not record (a safe JDK method): direct ones only
                    if (type.getSort() == Type.ARRAY) {
                        targets.add(new MethodRef("java/lang/Object", indy.name, descriptor)); // arrays override none
                    } else {
                        callTargets.resolveHere(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, type.getInternalName(),
                                indy.name, descriptor, false)).ifPresent(targets::add);
                    }
                }
                if (targets.isEmpty()) {
                    return new SiteCost(0, "the record " + indy.name + " in " + short_(t.ref) + " calls " + indy.name
                            + " on a component of type " + type.getClassName() + " whose targets the call graph does"
                            + " not give", null, null);
                }
            } else {
                MethodRef helper = primitiveHelper(type, equals);
                if (helper != null) {
                    each = LongestPath.add(each, ops(Opcodes.INVOKESTATIC));
                    targets.add(helper);
                }
            }
            long slowest = 0;
            for (MethodRef target : targets) {
                if (use.record()) {
                    t.calls = t.calls.plus(line, target, use.coldSite(), null);
                }
                MethodTiming callee = use.runs(timing(target));
                t.calleeNormalDiffers |= callee.normal != null;
                if (use.normalRuns() && callee.leavesOutExits()) {
                    t.normalCallees = MethodTiming.added(t.normalCallees, callee);
                }
                if (!callee.bounded()) {
                    return new SiteCost(0, callee.reason, target, null);
                }
                if (callee.cost >= slowest) {
                    slowest = callee.cost;
                    if (callee.cost > worst) {
                        worst = callee.cost;
                        worstTarget = callee;
                    }
                }
            }
            cost = LongestPath.add(cost, LongestPath.add(each, slowest));
        }
        return new SiteCost(cost, null, null, worstTarget);
    }

    /** The static JDK method the generated code calls for a primitive component, or null when it is inline. */
    private static MethodRef primitiveHelper(Type type, boolean equals) {
        String wrapper = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            default -> "java/lang/Double";
        };
        if (equals) {
            return type.getSort() == Type.FLOAT || type.getSort() == Type.DOUBLE
                    ? new MethodRef(wrapper, "compare", "(" + type.getDescriptor() + type.getDescriptor() + ")I")
                    : null;
        }
        return new MethodRef(wrapper, "hashCode", "(" + type.getDescriptor() + ")I");
    }

    private long ops(int... opcodes) {
        long cost = 0;
        for (int op : opcodes) {
            cost = LongestPath.add(cost, model.opcodeCost(op));
        }
        return cost;
    }

    /**
     * The search over every method analysed so far that has no bound. A method named through a subclass
     * shares the timing of its declaration but keeps its own name in chains, as it does in the call graph.
     */
    private UnboundedLoopSearch unboundedLoopSearch() {
        List<UnboundedLoopSearch.Method> unbounded = new ArrayList<>();
        for (KnownMethod k : byMethod.values()) {
            if (k.timing != null && !k.timing.bounded()) {
                unbounded.add(searched(k.ref, k.timing, null));
            }
        }
        for (MethodTiming t : contextual) {
            if (!t.bounded()) {
                unbounded.add(searched(t.ref, t, t));
            }
        }
        return new UnboundedLoopSearch(unbounded);
    }

    private static UnboundedLoopSearch.Method searched(MethodRef ref, MethodTiming t, Object context) {
        List<LoopBound> loops = t.loops.stream().filter(lb -> !lb.bounded()).toList();
        String file = t.owner != null && t.owner.sourceFile() != null ? t.owner.sourceFile()
                : ref.owner().replace('/', '.');
        return new UnboundedLoopSearch.Method(ref, t.owner != null && t.owner.input(), file, loops, t.coldLoops,
                t.calls, context);
    }

    /**
     * "recursion: " and a cycle, for a message: JDK cycles run through thousands of methods, and the reason is
     * kept by every method the cycle makes unbounded, so long ones show their first methods, the count and the
     * end. Only those methods are kept, and the text is made when a report asks for it: most never are.
     */
    private static CharSequence cycleReason(List<MethodRef> stack, int start, MethodRef closing) {
        int size = stack.size() - start + 1; // the stack from start, then the method that closes the cycle
        List<MethodRef> shown = new ArrayList<>(size <= 8 ? stack.subList(start, stack.size())
                : stack.subList(start, start + 5));
        if (size > 8) {
            shown.add(stack.get(stack.size() - 1));
        }
        shown.add(closing);
        return new LazyText(() -> "recursion: " + (size <= 8 ? names(shown) : names(shown.subList(0, 5)) + " -> ... "
                + (size - 7) + " more ... -> " + names(shown.subList(5, 7))));
    }

    private static String names(List<MethodRef> methods) {
        StringJoiner joined = new StringJoiner(" -> ");
        methods.forEach(m -> joined.add(short_(m)));
        return joined.toString();
    }

    // ---- helpers ----

    private static Long annotationLong(MethodNode m, String descriptor, String element) {
        Optional<AnnotationNode> a = Annotations.find(m.invisibleAnnotations, m.visibleAnnotations, descriptor);
        if (a.isEmpty()) {
            return null;
        }
        Object v = Annotations.value(a.get(), element);
        return v instanceof Number n ? n.longValue() : null;
    }

    private static int firstLine(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof org.objectweb.asm.tree.LineNumberNode ln) {
                return ln.line;
            }
        }
        return 0;
    }

    /** A method in messages and worst paths: its Java signature. */
    static String short_(MethodRef ref) {
        return JavaSignatures.qualified(ref.toId());
    }
}
