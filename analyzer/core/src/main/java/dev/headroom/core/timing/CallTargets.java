package dev.headroom.core.timing;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.LazyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * What each call instruction leads into as the timing reads it: the graph's targets of its calls, each once, or where
 * the graph holds none, the one target the instruction names when no override can take its place; and the first
 * reason a call cannot be analysed.
 */
final class CallTargets {
    private final Hierarchy hierarchy;
    private final FlowFacts facts;
    private final CostModel model;
    /** The analysis's entry for a method, made on first use. */
    private final Function<MethodRef, KnownMethod> entry;
    /** How many sites' targets were listed: each list's number (see {@link KnownMethod#listedAt}). */
    private int sitesListed;

    CallTargets(Hierarchy hierarchy, FlowFacts facts, CostModel model, Function<MethodRef, KnownMethod> entry) {
        this.hierarchy = hierarchy;
        this.facts = facts;
        this.model = model;
        this.entry = entry;
    }

    /**
     * What a call instruction may lead into, each once in the order of the graph's calls, and the first reason one
     * of its calls cannot be analysed (null when none).
     */
    record SiteTargets(List<KnownMethod> targets, CharSequence unanalysable, MethodRef unanalysableRef) {
    }

    /**
     * The graph's calls of a method by instruction (none for a method the graph does not hold), and each call
     * instruction's targets as the timing reads them, worked out on first use and shared by the timings of all
     * runs and of normal runs (a call site of {@code Object.toString} has hundreds).
     */
    static final class MethodCalls {
        /** By instruction index: the calls there, null where none. */
        private final List<Call>[] byIndex;
        /** By instruction index: the targets of the call there, null until worked out. */
        final SiteTargets[] targets;

        @SuppressWarnings("unchecked")
        MethodCalls(CallGraph.Node node, int instructions) {
            byIndex = new List[instructions];
            targets = new SiteTargets[instructions];
            if (node != null) {
                for (Call call : node.calls()) {
                    int i = call.site().index();
                    if (byIndex[i] == null) {
                        byIndex[i] = new ArrayList<>(1);
                    }
                    byIndex[i].add(call);
                }
            }
        }

        List<Call> at(int index) {
            List<Call> here = byIndex[index];
            return here == null ? List.of() : here;
        }
    }

    SiteTargets of(MethodTiming t, List<Call> here, MethodInsnNode mi) {
        List<KnownMethod> targets = new ArrayList<>(here.size());
        int site = ++sitesListed;
        CharSequence unanalysable = null;
        MethodRef unanalysableRef = null;
        for (Call call : here) {
            Target target = call.target();
            MethodRef analysed = targetOf(target);
            if (analysed != null) {
                addOnce(targets, site, entry.apply(analysed));
            } else if (target instanceof Target.Unanalysable u) {
                if (facts.methodCost(u.ref()).isPresent() || model.methodCost(u.ref()).isPresent()) {
                    addOnce(targets, site, entry.apply(u.ref()));
                } else if (unanalysable == null) {
                    unanalysable = new LazyText(() -> "call to " + TimingAnalysis.short_(u.ref())
                            + " cannot be analysed: " + u.reason());
                    unanalysableRef = u.ref();
                }
            }
        }
        if (here.isEmpty()) {
            Optional<MethodRef> resolved = resolveHere(mi);
            if (resolved.isPresent()) {
                targets.add(entry.apply(resolved.get()));
            } else {
                MethodRef named = new MethodRef(mi.owner, mi.name, mi.desc);
                if (facts.methodCost(named).isPresent() || model.methodCost(named).isPresent()) {
                    targets.add(entry.apply(named));
                } else {
                    unanalysable = "call to " + TimingAnalysis.short_(named) + " in " + TimingAnalysis.short_(t.ref)
                            + " cannot be analysed: a virtual call whose targets the call graph does not give";
                }
            }
        }
        return new SiteTargets(targets, unanalysable, unanalysableRef);
    }

    /** Appends a target unless this site listed it already. */
    private static void addOnce(List<KnownMethod> targets, int site, KnownMethod target) {
        if (target.listedAt != site) {
            target.listedAt = site;
            targets.add(target);
        }
    }

    /** A call the graph gives no target for: static, special, private and final targets only. */
    Optional<MethodRef> resolveHere(MethodInsnNode mi) {
        Hierarchy.Resolution r = hierarchy.resolve(mi.owner, mi.name, mi.desc);
        if (!r.isFound()) {
            return Optional.empty();
        }
        Hierarchy.Declared d = r.declared();
        boolean direct = mi.getOpcode() == Opcodes.INVOKESTATIC || mi.getOpcode() == Opcodes.INVOKESPECIAL
                || d.is(Opcodes.ACC_PRIVATE) || d.is(Opcodes.ACC_FINAL) || d.is(Opcodes.ACC_STATIC)
                || (d.owner().node().access & Opcodes.ACC_FINAL) != 0;
        return direct ? Optional.of(d.ref()) : Optional.empty();
    }

    /** The method whose bytecode (or trusted cost) a call target leads to; null for an unanalysable one. */
    static MethodRef targetOf(Target target) {
        if (target instanceof Target.Method m) {
            return m.ref();
        }
        if (target instanceof Target.Summarised s) {
            return s.ref();
        }
        if (target instanceof Target.CallbacksOnly c) {
            return c.ref();
        }
        return null;
    }
}
