package dev.headroom.core.callgraph;

import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.classpath.Annotations;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.classpath.TypeHeader;
import dev.headroom.core.rules.MethodRule;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.rules.RuleKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Builds the call graph of the whole program, then keeps what the roots reach.
 *
 * <p>The program is every method of the input classes (constructors and initialisers included) and the
 * library code they call, so what a root reaches, and where its calls go, does not depend on the other
 * roots of the run. Virtual and interface calls go to:
 * <ul>
 *   <li>under VTA, the selections for the types that reach the call's receiver ({@link ProgramFlow}),
 *       narrowed by the declared type; a receiver from code Headroom does not see falls back to the
 *       classes and lambdas the program creates below the declared type, as under RTA;</li>
 *   <li>under RTA, the overriding methods of the classes created ({@code new}) anywhere in the program and
 *       the lambdas created there, and of the receivers of instance-method roots;</li>
 *   <li>under CHA, those of every concrete class on the classpath and in the JDK.</li>
 * </ul>
 * The sets grow while methods are reached, and every pending virtual call is offered each new type, so
 * the result does not depend on the order of discovery. Each method is scanned once.
 */
public final class CallGraphBuilder {
    private static final String OBJECT = "java/lang/Object";
    /**
     * {@code roots}: the program is what the roots reach, not every method of the inputs, so that the benchmarks can
     * weigh what results independent of the other roots cost (benchmarks/README.md). Results then depend on the
     * roots of the run and may miss receiver types: an internal switch ({@code -Dheadroom.internal.program}), never
     * a user option.
     */
    private static final boolean ROOTS_ONLY = "roots".equals(System.getProperty("headroom.internal.program"));
    private static final String ASSUME_COST = "Ldev/headroom/annotations/AssumeCost;";

    private final Hierarchy hierarchy;
    private final RuleLookup rules;
    private final DispatchPolicy policy;
    private final CallGraph graph = new CallGraph();
    /** The graph's node of each declared method reached (not of its copies for one receiver class). */
    private final ByDeclared<CallGraph.Node> nodes = new ByDeclared<>();
    private final Deque<CallGraph.Node> work = new ArrayDeque<>();
    private final Deque<CallGraph.Node> toUpgrade = new ArrayDeque<>();
    private final Deque<String> newTypes = new ArrayDeque<>();
    private final Deque<Site.LambdaShape> newLambdas = new ArrayDeque<>();
    private final Map<MethodRef, MethodFacts> factsCache = new HashMap<>();

    private final Set<String> instantiated = new HashSet<>();
    /** Supertype to the instantiated classes below it. */
    private final Map<String, List<String>> instantiatedBelow = new HashMap<>();
    private final Set<Site.LambdaShape> lambdas = new HashSet<>();
    /** Functional interface (or one of its supertypes) to the lambdas that implement it. */
    private final Map<String, List<Site.LambdaShape>> lambdasBelow = new HashMap<>();
    /** Static receiver type to the virtual call sites on it. */
    private final Map<String, List<VirtualSite>> sitesByOwner = new HashMap<>();
    private final List<VirtualSite> virtualSites = new ArrayList<>();
    /** Registered sites by caller, instruction and called method: a method reference may name its own interface. */
    private final Set<SiteKey> registeredSites = new HashSet<>();
    private boolean assertionsEnabled;
    /** The JDK's methods' facts and flow, kept across runs (none unless {@link #jdkScans} gives a cache). */
    private JdkScans jdkScans = JdkScans.none();
    /** Type propagation, under VTA only. */
    private final ProgramFlow flows;
    /** Which inherited methods are copied per receiver class (VTA). */
    private final ReceiverContexts receiverContexts;
    /** What a receiver class dispatches a name and descriptor to: every site on it asks again. */
    private final Map<MemberKey, Optional<Dispatched>> dispatched = new HashMap<>();
    /**
     * The sites that take their targets from the instantiated classes, by called type, name and descriptor:
     * they share their targets, so each instantiated class is dispatched once per group, not once per site.
     */
    private final Map<MemberKey, HierarchyGroup> hierarchyGroups = new HashMap<>();
    private final Map<String, List<HierarchyGroup>> hierarchyGroupsByOwner = new HashMap<>();

    public CallGraphBuilder(Hierarchy hierarchy, RuleBook rules, DispatchPolicy policy) {
        this.hierarchy = hierarchy;
        this.rules = new RuleLookup(rules, hierarchy);
        this.policy = policy;
        this.flows = policy == DispatchPolicy.VTA ? new ProgramFlow(hierarchy) : null;
        this.receiverContexts = new ReceiverContexts(hierarchy, this.rules);
    }

    /** Whether the program runs with {@code -ea}: the code of assert statements is then hot (see {@link ColdCode}). */
    public CallGraphBuilder assertions(boolean enabled) {
        this.assertionsEnabled = enabled;
        return this;
    }

    /** Where the facts and flow of the JDK's methods are kept across runs; the results are the same without. */
    public CallGraphBuilder jdkScans(JdkScans scans) {
        this.jdkScans = scans;
        return this;
    }

    /** The method selected for a receiver class, and the node it is (its copy for that class, or itself). */
    private record Dispatched(Hierarchy.Declared selected, MethodRef target) {
    }

    /** Sites on one type, name and descriptor whose targets are the instantiated classes' selections. */
    private static final class HierarchyGroup {
        final MemberKey key;
        final List<VirtualSite> sites = new ArrayList<>();
        final List<Dispatched> targets = new ArrayList<>();
        final SmallSet seen = new SmallSet();

        HierarchyGroup(MemberKey key) {
            this.key = key;
        }
    }

    /** A call site registered once; equals and hashCode written out, as {@link MemberKey}'s are. */
    private record SiteKey(MethodRef caller, int index, MemberKey called) {
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof SiteKey other && index == other.index && caller.equals(other.caller)
                    && called.equals(other.called);
        }

        @Override
        public int hashCode() {
            return (caller.hashCode() * 31 + index) * 31 + called.hashCode();
        }
    }

    /** A virtual or interface call site, with the targets found for it so far. */
    private static final class VirtualSite {
        final CallGraph.Node caller;
        final Site site;
        final String owner;
        final String name;
        final String descriptor;
        final Hierarchy.Declared resolved;
        /** The receiver's flow node under VTA; null: the targets come from the instantiated classes. */
        final TypeFlow.Node receiver;
        final SmallSet seen = new SmallSet();
        boolean hasTarget;
        boolean byHierarchy;
        boolean unknownResult;

        VirtualSite(CallGraph.Node caller, Site site, String owner, String name, String descriptor,
                    Hierarchy.Declared resolved, TypeFlow.Node receiver) {
            this.caller = caller;
            this.site = site;
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.resolved = resolved;
            this.receiver = receiver;
        }
    }

    /** Builds the graph of the program and returns the part the roots reach (methods of loaded classes). */
    public CallGraph build(Collection<Hierarchy.Declared> roots) {
        if (policy == DispatchPolicy.RTA) {
            seedReceivers(roots);
        } else if (policy == DispatchPolicy.CHA) {
            instantiateConcrete();
        }
        // The program before the roots: the order types flow in must not depend on which methods are roots
        // (a node that holds unknown takes no type after it, see TypeFlow).
        if (!ROOTS_ONLY) {
            reachProgram();
        }
        for (Hierarchy.Declared root : roots) {
            reach(root, true);
        }
        drain();
        while (flows != null && unknownResultsOfSitesWithoutTargets()) {
            drain();
        }
        resolveSitesWithoutTargets();
        CallGraph reached = graph.reachableFrom(roots.stream().map(Hierarchy.Declared::ref).toList());
        graph.built();
        return reached;
    }

    /**
     * Work queues instead of recursion: a new class offers itself to every waiting call site, which
     * reaches methods, which create classes... Order: upgrades, then types flowing, then classes, then
     * lambdas, then methods.
     */
    private void drain() {
        while (true) {
            if (!toUpgrade.isEmpty()) {
                upgrade(toUpgrade.poll());
            } else if (flows != null && flows.flow().hasPending()) {
                flows.flow().step();
            } else if (!newTypes.isEmpty()) {
                offerType(newTypes.poll());
            } else if (!newLambdas.isEmpty()) {
                offerLambda(newLambdas.poll());
            } else if (!work.isEmpty()) {
                process(work.poll());
            } else {
                break;
            }
        }
    }

    /** Every method of the input classes is reached, whether a root calls it or not. */
    private void reachProgram() {
        for (String name : hierarchy.classes().inputClassNames()) {
            Optional<LoadedClass> c = hierarchy.classes().find(name);
            if (c.isPresent()) {
                for (MethodNode m : c.get().node().methods) {
                    reach(hierarchy.declaredOf(c.get(), m), true);
                }
            }
        }
    }

    /** Under CHA every concrete class on the classpath is a receiver. */
    private void instantiateConcrete() {
        List<String> all = new ArrayList<>(hierarchy.classes().inputClassNames());
        all.addAll(hierarchy.classes().libraryClassNames());
        for (String name : all) {
            hierarchy.classes().header(name).filter(TypeHeader::isConcrete).ifPresent(h -> instantiate(name));
        }
    }

    /**
     * The receiver of an instance-method root is created by whoever calls the root, possibly outside the
     * inputs (a library's users create its queues): the root's class and its concrete subclasses among
     * the inputs are instantiated.
     */
    private void seedReceivers(Collection<Hierarchy.Declared> roots) {
        Set<String> receivers = new TreeSet<>(); // in name order, as the inputs are listed
        for (Hierarchy.Declared root : roots) {
            if (!root.is(Opcodes.ACC_STATIC)) {
                receivers.addAll(hierarchy.concreteInputClasses(root.owner().internalName()));
            }
        }
        receivers.forEach(this::instantiate);
    }

    private void noteCreation(Site site) {
        if (site instanceof Site.Allocation a && a.newType() != null) {
            instantiate(a.newType());
        } else if (site instanceof Site.Lambda l) {
            addLambda(l.shape());
            if (l.shape().implementation().getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                instantiate(l.shape().implementation().getOwner()); // a constructor reference creates these
            }
        }
    }

    private MethodFacts facts(Hierarchy.Declared d) {
        MethodFacts known = factsCache.get(d.ref());
        if (known == null) {
            Supplier<MethodFacts> scan = () -> MethodScanner.scan(d.method(), AssertCode.of(d.owner(), assertionsEnabled));
            known = jdkScans.covers(d.owner()) ? jdkScans.facts(d.ref(), scan) : scan.get();
            factsCache.put(d.ref(), known);
        }
        return known;
    }

    /**
     * What a method's values do, added to the flow: by its scan, or for a JDK method kept across runs by taking its
     * scan's steps again (recorded the first time).
     */
    private FlowInterpreter.CallValues[] flowOf(CallGraph.Node node) {
        Hierarchy.Declared d = node.declared();
        if (!jdkScans.covers(node.owner())) {
            return flows.scan(node);
        }
        if (d.is(Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) { // no code (a system class's code is not dropped)
            return null;
        }
        ProgramFlow.MethodNodes own = flows.of(d, node.ref());
        FlowLog log = jdkScans.log(d.ref());
        if (log != null) {
            return log.replay(flows, own);
        }
        FlowLog.Recorder recorder = new FlowLog.Recorder(flows, own);
        FlowInterpreter.CallValues[] values = flows.scan(recorder, d, node.ref(), node.facts());
        jdkScans.logged(d.ref(), recorder.log(values));
        return values;
    }

    /**
     * Adds a method to the graph. Methods reached only inside summarised library code (to find user
     * callbacks) are not "fully" reached: what they create does not count as instantiated, or every
     * class deep inside the JDK's summarised subsystems would become a dispatch target of the user's calls.
     */
    private CallGraph.Node reach(Hierarchy.Declared d, boolean full) {
        return reach(d, d.ref(), full);
    }

    /** Adds a method, or its copy for one receiver class when {@code ref} names one. */
    private CallGraph.Node reach(Hierarchy.Declared d, MethodRef ref, boolean full) {
        boolean declared = ref == d.ref(); // not a copy for one receiver class: the node is the Declared's own
        CallGraph.Node node = declared ? nodes.get(d) : null;
        if (node == null) {
            node = graph.node(ref);
            if (node == null) {
                node = graph.add(new CallGraph.Node(ref, d, facts(d)));
                work.add(node);
            }
            if (declared) {
                nodes.put(d, node);
            }
        }
        if (full) {
            makeFull(node);
        }
        return node;
    }

    /** Marks a node fully reached; its creations and callees follow from the queue. */
    private void makeFull(CallGraph.Node node) {
        if (!node.building.fullyReached) {
            node.building.fullyReached = true;
            toUpgrade.add(node);
        }
    }

    private void upgrade(CallGraph.Node node) {
        for (Site site : node.facts().sites()) {
            noteCreation(site);
        }
        if (node.building.coldCallsPending) {
            node.building.coldCallsPending = false;
            for (Site site : node.facts().sites()) {
                if (site instanceof Site.Invoke call && call.cold()) {
                    invoke(node, call);
                }
            }
        }
        if (node.building.processed) {
            for (Call call : List.copyOf(node.calls())) {
                if (call.target() instanceof Target.Method m) {
                    makeFull(graph.node(m.ref()));
                } else if (call.target() instanceof Target.CallbacksOnly c) {
                    noteOwnCreations(graph.node(c.ref()));
                }
            }
        }
    }

    /**
     * Resolves a node's calls. Inside summarised library code (not fully reached) only the hot calls are
     * followed: user code called back from where a JDK method builds an exception message is noise, and
     * the summary already speaks for the method. The cold calls follow if the node is fully reached later.
     */
    private void process(CallGraph.Node node) {
        node.building.processed = true;
        if (flows != null) {
            node.building.callValues = flowOf(node);
        }
        boolean full = node.building.fullyReached;
        for (Site site : node.facts().sites()) {
            if (site instanceof Site.Invoke call && (full || !call.cold())) {
                invoke(node, call);
            }
        }
        if (!full) {
            node.building.coldCallsPending = true;
        }
    }

    private void invoke(CallGraph.Node caller, Site.Invoke call) {
        Hierarchy.Resolution resolution = hierarchy.resolve(call.owner(), call.name(), call.descriptor());
        if (!resolution.isFound()) {
            MethodRef named = new MethodRef(call.owner(), call.name(), call.descriptor());
            Optional<MethodRule> rule = rules.lookup(named);
            caller.addCall(new Call(call, rule.isPresent() ? new Target.Summarised(named, rule.get())
                    : new Target.Unanalysable(named, resolution.problem())));
            unknownResult(caller, call);
            return;
        }
        Hierarchy.Declared d = resolution.declared();
        boolean direct = call.opcode() == Opcodes.INVOKESTATIC || call.opcode() == Opcodes.INVOKESPECIAL
                || call.owner().startsWith("[")
                || d.is(Opcodes.ACC_PRIVATE) || d.is(Opcodes.ACC_FINAL) || d.is(Opcodes.ACC_STATIC)
                || (d.owner().skeleton().access & Opcodes.ACC_FINAL) != 0
                || Hierarchy.isSignaturePolymorphic(d.owner().internalName(), d.signature());
        String exact = exactReceiver(call);
        Optional<Dispatched> onExact = exact == null ? Optional.empty() : direct
                ? Optional.of(new Dispatched(d, inReceiverContext(d, exact) ? d.ref().forReceiver(exact) : d.ref()))
                : dispatched(exact, call.name(), call.descriptor());
        if (onExact.isPresent()) {
            // The receiver is of exactly that final class, wherever it came from (code Headroom does not see included).
            if (flows != null) {
                receiverOf(onExact.get().selected(), onExact.get().target(), exact);
            }
            addTarget(caller, call, onExact.get().selected(), onExact.get().target(), Link.WITHOUT_RECEIVER);
        } else if (direct) {
            addTarget(caller, call, d, directTarget(caller, call, d), Link.WITH_RECEIVER);
        } else {
            FlowInterpreter.CallValues values = callValues(caller, call);
            register(new VirtualSite(caller, call, call.owner(), call.name(), call.descriptor(), d,
                    values == null ? null : values.arguments()[0]));
        }
    }

    /** The class of an instance call's receiver when the named class is final (not a constructor call); else null. */
    private String exactReceiver(Site.Invoke call) {
        boolean instance = call.opcode() == Opcodes.INVOKEVIRTUAL || call.opcode() == Opcodes.INVOKEINTERFACE
                || (call.opcode() == Opcodes.INVOKESPECIAL && !call.name().equals("<init>"));
        return instance && isFinalClass(call.owner()) ? call.owner() : null;
    }

    /**
     * A direct instance call (a private method, a {@code super} call) from a method's copy for one receiver
     * class goes to the callee's copy for that class when it has one: it runs on the same {@code this}.
     */
    private MethodRef directTarget(CallGraph.Node caller, Site.Invoke call, Hierarchy.Declared d) {
        String receiver = caller.ref().receiver();
        if (receiver == null || call.opcode() == Opcodes.INVOKESTATIC || d.signature().name.equals("<init>")
                || !hierarchy.isSubtype(receiver, d.owner().internalName()) || !inReceiverContext(d, receiver)) {
            return d.ref();
        }
        return d.ref().forReceiver(receiver);
    }

    private boolean isFinalClass(String internalName) {
        return hierarchy.classes().header(internalName)
                .filter(h -> !h.isInterface() && (h.access() & Opcodes.ACC_FINAL) != 0).isPresent();
    }

    private void register(VirtualSite vs) {
        MemberKey called = new MemberKey(vs.owner, vs.name, vs.descriptor);
        if (!registeredSites.add(new SiteKey(vs.caller.ref(), vs.site.index(), called))) {
            return;
        }
        virtualSites.add(vs);
        if (vs.receiver != null) {
            flows.flow().listen(vs.receiver, type -> receive(vs, type));
        } else {
            byHierarchy(vs);
        }
    }

    /** A type reached a VTA site's receiver: its selection is a target; unknown falls back to the hierarchy. */
    private void receive(VirtualSite vs, Object type) {
        if (type == TypeFlow.UNKNOWN) {
            if (!vs.byHierarchy) {
                byHierarchy(vs);
            }
        } else if (flows.flow().isSubtype(type, vs.owner)) {
            if (type instanceof Site.LambdaShape lambda) {
                dispatchToLambda(vs, lambda);
            } else {
                dispatch(vs, (String) type);
            }
        }
    }

    /** Takes the site's targets from the instantiated classes and lambdas below its declared type. */
    private void byHierarchy(VirtualSite vs) {
        vs.byHierarchy = true;
        sitesByOwner.computeIfAbsent(vs.owner, k -> new ArrayList<>()).add(vs);
        MemberKey key = new MemberKey(vs.owner, vs.name, vs.descriptor);
        HierarchyGroup group = hierarchyGroups.get(key);
        if (group == null) {
            group = new HierarchyGroup(key);
            hierarchyGroups.put(key, group);
            hierarchyGroupsByOwner.computeIfAbsent(vs.owner, k -> new ArrayList<>()).add(group);
            for (String type : List.copyOf(instantiatedBelow.getOrDefault(vs.owner, List.of()))) {
                offer(group, type);
            }
        }
        group.sites.add(vs);
        for (int i = 0; i < group.targets.size(); i++) {
            link(vs, group.targets.get(i));
        }
        for (Site.LambdaShape lambda : List.copyOf(lambdasBelow.getOrDefault(vs.owner, List.of()))) {
            dispatchToLambda(vs, lambda);
        }
    }

    /** An instantiated class below a group's type: its selection is a target of every site of the group. */
    private void offer(HierarchyGroup group, String type) {
        Optional<Dispatched> d = dispatched(type, group.key.name(), group.key.descriptor());
        if (d.isEmpty()) {
            return;
        }
        if (flows != null) {
            receiverOf(d.get().selected(), d.get().target(), type);
        }
        if (group.seen.add(d.get().target())) {
            group.targets.add(d.get());
            for (int i = 0; i < group.sites.size(); i++) {
                link(group.sites.get(i), d.get());
            }
        }
    }

    private void instantiate(String type) {
        if (!type.startsWith("[") && instantiated.add(type)) {
            newTypes.add(type);
        }
    }

    private void offerType(String type) {
        for (String supertype : hierarchy.supertypes(type)) {
            offerBelow(supertype, type);
        }
        if (!hierarchy.supertypes(type).contains(OBJECT)) {
            // The chain could not be followed to Object (a missing class); calls on Object still reach it.
            offerBelow(OBJECT, type);
        }
    }

    private void offerBelow(String supertype, String type) {
        instantiatedBelow.computeIfAbsent(supertype, k -> new ArrayList<>()).add(type);
        for (HierarchyGroup group : List.copyOf(hierarchyGroupsByOwner.getOrDefault(supertype, List.of()))) {
            offer(group, type);
        }
    }

    private void addLambda(Site.LambdaShape lambda) {
        if (lambdas.add(lambda)) {
            newLambdas.add(lambda);
        }
    }

    private void offerLambda(Site.LambdaShape lambda) {
        Set<String> above = new LinkedHashSet<>(hierarchy.supertypes(lambda.functionalInterface()));
        above.add(OBJECT);
        for (String supertype : above) {
            lambdasBelow.computeIfAbsent(supertype, k -> new ArrayList<>()).add(lambda);
            for (VirtualSite vs : List.copyOf(sitesByOwner.getOrDefault(supertype, List.of()))) {
                dispatchToLambda(vs, lambda);
            }
        }
    }

    private void dispatch(VirtualSite vs, String type) {
        Optional<Dispatched> d = dispatched(type, vs.name, vs.descriptor);
        if (d.isEmpty()) {
            return;
        }
        if (flows != null) {
            receiverOf(d.get().selected(), d.get().target(), type);
        }
        link(vs, d.get());
    }

    /** The method a receiver class selects, and its node: the copy for that class where calls on this differ. */
    private Optional<Dispatched> dispatched(String type, String name, String descriptor) {
        MemberKey key = new MemberKey(type, name, descriptor);
        Optional<Dispatched> known = dispatched.get(key);
        if (known == null) {
            Hierarchy.Declared selected = hierarchy.select(type, name, descriptor);
            known = selected == null ? Optional.empty() : Optional.of(new Dispatched(selected,
                    inReceiverContext(selected, type) ? selected.ref().forReceiver(type) : selected.ref()));
            dispatched.put(key, known);
        }
        return known;
    }

    private void link(VirtualSite vs, Dispatched d) {
        if (vs.seen.add(d.target())) {
            vs.hasTarget = true;
            addTarget(vs.caller, vs.site, d.selected(), d.target(), Link.WITHOUT_RECEIVER);
        }
    }

    /** Under VTA, a selected method's receiver holds the types it was selected for, one by one. */
    private void receiverOf(Hierarchy.Declared selected, MethodRef target, Object type) {
        TypeFlow.Node receiver = flows.of(selected, target).parameter(0);
        if (receiver != null) {
            flows.flow().add(receiver, type);
        }
    }

    /** Under VTA, whether a method selected for a receiver class is that class's own copy ({@link ReceiverContexts}). */
    private boolean inReceiverContext(Hierarchy.Declared d, String receiverClass) {
        return flows != null && receiverContexts.copied(d, receiverClass);
    }

    private void dispatchToLambda(VirtualSite vs, Site.LambdaShape lambda) {
        if (!lambda.answers(vs.name, vs.descriptor)) {
            dispatchToInheritedDefault(vs, lambda);
            return;
        }
        if (!vs.seen.add(lambda)) {
            return;
        }
        vs.hasTarget = true;
        Handle impl = lambda.implementation();
        if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            vs.caller.addCall(new Call(vs.site, new Target.Allocation(
                    "new " + impl.getOwner().replace('/', '.') + " (constructor reference)")));
        }
        Hierarchy.Resolution r = hierarchy.resolve(impl.getOwner(), impl.getName(), impl.getDesc());
        MethodRef named = new MethodRef(impl.getOwner(), impl.getName(), impl.getDesc());
        if (!r.isFound()) {
            vs.caller.addCall(new Call(vs.site, new Target.Unanalysable(named, r.problem())));
            return;
        }
        Hierarchy.Declared d = r.declared();
        boolean virtualImpl = (impl.getTag() == Opcodes.H_INVOKEVIRTUAL || impl.getTag() == Opcodes.H_INVOKEINTERFACE)
                && !d.is(Opcodes.ACC_PRIVATE) && !d.is(Opcodes.ACC_FINAL)
                && (d.owner().skeleton().access & Opcodes.ACC_FINAL) == 0;
        unknownResult(vs.caller, vs.site); // a lambda's arguments and result are not tracked
        if (virtualImpl) {
            register(new VirtualSite(vs.caller, vs.site, impl.getOwner(), impl.getName(), impl.getDesc(), d, null));
        } else {
            if (flows != null) {
                flows.unknownArguments(d);
            }
            addTarget(vs.caller, vs.site, d, d.ref(), Link.NONE);
        }
    }

    /**
     * A lambda object also has the default methods of its interface (javac's bridge methods among them):
     * a call of one of those on the lambda runs the default method.
     */
    private void dispatchToInheritedDefault(VirtualSite vs, Site.LambdaShape lambda) {
        Hierarchy.Declared inherited = hierarchy.select(lambda.functionalInterface(), vs.name, vs.descriptor);
        if (inherited == null) {
            return;
        }
        if (flows != null) {
            receiverOf(inherited, inherited.ref(), lambda);
        }
        if (vs.seen.add(inherited.ref())) {
            vs.hasTarget = true;
            addTarget(vs.caller, vs.site, inherited, inherited.ref(), Link.WITHOUT_RECEIVER);
        }
    }

    /** How a call's argument nodes join a followed target's parameters (VTA). */
    private enum Link {
        /** The receiver too (a call with one possible target). */
        WITH_RECEIVER,
        /** The receiver's types are given one by one, as they select the target. */
        WITHOUT_RECEIVER,
        /** Not tracked: the target's parameters are unknown already. */
        NONE
    }

    /** @param target the node the call reaches: the declared method, or its copy for one receiver class */
    private void addTarget(CallGraph.Node caller, Site site, Hierarchy.Declared d, MethodRef target, Link link) {
        MethodRef ref = d.ref();
        Optional<MethodRule> rule = rules.lookup(d);
        if (rule.isPresent()) {
            if (recorded(rule.get())) {
                caller.addCall(new Call(site, new Target.Summarised(ref, rule.get())));
            }
            boolean hasCode = !d.is(Opcodes.ACC_NATIVE) && !d.is(Opcodes.ACC_ABSTRACT);
            if (hasCode && !d.owner().input()) {
                CallGraph.Node summarised = reach(d, false);
                if (caller.building.fullyReached) {
                    noteOwnCreations(summarised);
                }
                caller.addCall(new Call(site, new Target.CallbacksOnly(ref)));
                linkArguments(caller, site, d, ref, link); // the callbacks inside see what is passed
            }
            unknownResult(caller, site); // the summary speaks for what it returns
            return;
        }
        String unanalysable = d.owner().codeChecked() ? hierarchy.classes().unanalysable(d.method()) : null;
        if (unanalysable != null) { // its code failed the checks when its class was read: unknown, never clean
            caller.addCall(new Call(site, new Target.Unanalysable(ref, "its bytecode is invalid: " + unanalysable)));
            unknownResult(caller, site);
            return;
        }
        if (d.is(Opcodes.ACC_NATIVE)) {
            if (!Annotations.has(d.signature().invisibleAnnotations, d.signature().visibleAnnotations, ASSUME_COST)) {
                caller.addCall(new Call(site, new Target.Unanalysable(ref,
                        "native method with no rule-pack entry and no @AssumeCost")));
            }
            unknownResult(caller, site);
            return;
        }
        if (d.is(Opcodes.ACC_ABSTRACT)) {
            caller.addCall(new Call(site, new Target.Unanalysable(ref, "abstract method with no implementation")));
            unknownResult(caller, site);
            return;
        }
        CallGraph.Node callee = reach(d, target, caller.building.fullyReached);
        caller.addCall(new Call(site, callee.asTarget()));
        linkArguments(caller, site, d, target, link);
        if (link != Link.NONE) {
            linkResult(caller, site, d, target);
        }
    }

    private FlowInterpreter.CallValues callValues(CallGraph.Node caller, Site site) {
        if (flows == null) {
            return null;
        }
        FlowInterpreter.CallValues[] values = caller.building.callValues;
        return values == null || site.index() >= values.length ? null : values[site.index()];
    }

    /** Under VTA, the call's arguments flow into the target's parameters. */
    private void linkArguments(CallGraph.Node caller, Site site, Hierarchy.Declared d, MethodRef target, Link link) {
        FlowInterpreter.CallValues call = callValues(caller, site);
        if (call == null || link == Link.NONE) {
            return;
        }
        ProgramFlow.MethodNodes callee = flows.of(d, target);
        boolean hasReceiver = !d.is(Opcodes.ACC_STATIC);
        for (int i = hasReceiver && link == Link.WITHOUT_RECEIVER ? 1 : 0; i < call.arguments().length; i++) {
            TypeFlow.Node parameter = callee.parameter(i);
            if (call.arguments()[i] != null && parameter != null) {
                flows.flow().edge(call.arguments()[i], parameter);
            }
        }
    }

    private void linkResult(CallGraph.Node caller, Site site, Hierarchy.Declared d, MethodRef target) {
        FlowInterpreter.CallValues call = callValues(caller, site);
        TypeFlow.Node result = flows == null ? null : flows.of(d, target).result();
        if (call != null && call.result() != null && result != null) {
            flows.flow().edge(result, call.result());
        }
    }

    /** Under VTA, what a call Headroom does not follow returns is unknown. */
    private void unknownResult(CallGraph.Node caller, Site site) {
        FlowInterpreter.CallValues call = callValues(caller, site);
        if (call != null && call.result() != null) {
            flows.flow().add(call.result(), TypeFlow.UNKNOWN);
        }
    }

    /**
     * Under VTA, a virtual call that found no target returns unknown (a rule entry or an unseen class
     * speaks for it); true when that gave some call a new type to pass on.
     */
    private boolean unknownResultsOfSitesWithoutTargets() {
        for (VirtualSite vs : List.copyOf(virtualSites)) {
            if (!vs.hasTarget && !vs.unknownResult) {
                vs.unknownResult = true;
                unknownResult(vs.caller, vs.site);
            }
        }
        return flows.flow().hasPending();
    }

    /**
     * What a summarised method creates itself still exists in the program: {@code ArrayList.iterator()}
     * returns a new {@code ArrayList$Itr}, whose {@code hasNext} a later {@code Iterator.hasNext()} reaches.
     */
    private void noteOwnCreations(CallGraph.Node summarised) {
        if (!summarised.building.ownCreationsNoted) {
            summarised.building.ownCreationsNoted = true;
            for (Site site : summarised.facts().sites()) {
                noteCreation(site);
            }
        }
    }

    /**
     * A virtual call that found no implementation among the instantiated classes is described by a rule
     * entry for the method it names if there is one, else reported as unanalysable: the receiver may be
     * an object created where the analysis did not look (inside the JDK, by reflection).
     */
    private void resolveSitesWithoutTargets() {
        for (VirtualSite vs : virtualSites) {
            if (vs.hasTarget) {
                continue;
            }
            MethodRef named = vs.resolved.ref();
            Optional<MethodRule> rule = rules.lookup(named);
            if (rule.isPresent()) {
                if (recorded(rule.get())) {
                    vs.caller.addCall(new Call(vs.site, new Target.Summarised(named, rule.get())));
                }
            } else {
                vs.caller.addCall(new Call(vs.site, new Target.Unanalysable(new MethodRef(vs.owner, vs.name, vs.descriptor),
                        "no class implementing it is instantiated in the analysed code (" + policy.id()
                                + " dispatch); the receiver may come from code Headroom did not see")));
            }
        }
    }

    /**
     * Whether a call to a described method is recorded as a {@link Target.Summarised} call: every kind
     * but {@code safe} has findings; a safe method is recorded only when its boolean result must be checked.
     */
    private static boolean recorded(MethodRule rule) {
        return rule.kind() != RuleKind.SAFE || rule.capacityResult();
    }
}
