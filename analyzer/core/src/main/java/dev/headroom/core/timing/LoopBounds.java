package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What bounds the loops of one method, and the IPET constraints that come with it.
 *
 * <p>Each loop's bound per entry is, in order: inferred ({@link LoopInference}), the {@code Loops.bound(N)}
 * marker inside it, {@code @LoopBound(N)} on the method, the flow facts; else a total ({@code Loops.total(N)},
 * a flow-facts {@code total}), since no entry runs more than all of them do; else none. A marker or flow fact
 * tighter than the inferred bound of the same loop is taken (both hold; a declaration is trusted), the inferred
 * one on a tie; {@code @LoopBound} names the method and bounds only its loops with no inferred bound.
 *
 * <p>The constraints: each loop's bound per entry, each inferred exit test's edge ({@link LoopInference.EdgeBound}),
 * each total per call, and the flow facts' block counts and exclusions.
 */
final class LoopBounds {
    static final String LOOPS_OWNER = "dev/headroom/annotations/Loops";

    /** A loop's total iterations over one call of its method, and who says so. */
    private record LoopTotal(ControlFlow.Loop loop, long total, String origin) {
    }

    private final ControlFlow cfg;
    private final MethodRef ref;
    private final FlowFacts facts;
    private final List<LoopBound> loops = new ArrayList<>();
    private final long[] bounds;
    private final List<LoopInference.EdgeBound> inferredEdges = new ArrayList<>();
    private final List<LoopTotal> totals = new ArrayList<>();

    /**
     * @param frames    the method's frames under the constant interpreter, null when it has no loop and no marker
     * @param annotated the method's {@code @LoopBound}, or null
     */
    LoopBounds(ControlFlow cfg, Frame<BasicValue>[] frames, MethodRef ref, Long annotated, FlowFacts facts) {
        this.cfg = cfg;
        this.ref = ref;
        this.facts = facts;
        this.bounds = new long[cfg.loops.size()];
        Map<Integer, Long> markers = new HashMap<>();
        Map<Integer, Long> totalMarkers = new HashMap<>();
        for (int i = 0; i < cfg.insns.size(); i++) {
            if (!isMarker(cfg.insns.get(i)) || !cfg.reachable[cfg.blockOf[i]] || cfg.innermost[cfg.blockOf[i]] < 0) {
                continue;
            }
            Integer n = frames == null || frames[i] == null ? null
                    : ConstantInterpreter.constant(frames[i].getStack(frames[i].getStackSize() - 1));
            if (n != null && n >= 0) {
                boolean total = ((MethodInsnNode) cfg.insns.get(i)).name.equals("total");
                (total ? totalMarkers : markers).merge(cfg.innermost[cfg.blockOf[i]], n.longValue(), Math::min);
            }
        }
        LoopInference inference = new LoopInference(cfg, frames);
        for (ControlFlow.Loop loop : cfg.loops) {
            int line = cfg.line(loop.header);
            int header = cfg.headerIndex(loop.header);
            LoopInference.Result inferred = inference.infer(loop);
            inferredEdges.addAll(inferred.edges());
            Optional<FlowFacts.Fact> fact = facts.loopBound(ref, header, line);
            Optional<FlowFacts.Fact> total = facts.loopTotal(ref, header, line);
            total.ifPresent(f -> totals.add(new LoopTotal(loop, f.value(), f.origin())));
            Long totalMarker = totalMarkers.get(loop.id);
            if (totalMarker != null) {
                totals.add(new LoopTotal(loop, totalMarker, "Loops.total(" + totalMarker + ")"));
            }
            LoopBound declared = null;
            if (markers.containsKey(loop.id)) {
                declared = new LoopBound(ref, line, header, LoopBound.Source.MARKER, markers.get(loop.id),
                        "Loops.bound(" + markers.get(loop.id) + ")");
            } else if (annotated != null && annotated >= 0) {
                declared = new LoopBound(ref, line, header, LoopBound.Source.ANNOTATION, annotated,
                        "@LoopBound(" + annotated + ")");
            } else if (fact.isPresent()) {
                declared = new LoopBound(ref, line, header, LoopBound.Source.FLOW_FACTS, fact.get().value(),
                        fact.get().origin());
            } else if (!inferred.found() && totalMarker != null) {
                declared = new LoopBound(ref, line, header, LoopBound.Source.MARKER, totalMarker,
                        "Loops.total(" + totalMarker + ")");
            } else if (!inferred.found() && total.isPresent()) {
                declared = new LoopBound(ref, line, header, LoopBound.Source.FLOW_FACTS, total.get().value(),
                        total.get().origin());
            }
            boolean forThisLoop = declared != null && declared.source() != LoopBound.Source.ANNOTATION;
            LoopBound lb;
            if (inferred.found() && (!forThisLoop || inferred.bound() <= declared.bound())) {
                lb = new LoopBound(ref, line, header, LoopBound.Source.INFERRED, inferred.bound(), inferred.detail());
            } else if (declared != null) {
                lb = declared;
            } else {
                lb = new LoopBound(ref, line, header, LoopBound.Source.UNBOUNDED, -1, "no bound could be inferred ("
                        + inferred.detail() + ") and none is declared");
            }
            bounds[loop.id] = lb.bound();
            loops.add(lb);
        }
        if (cfg.irreducibleAt >= 0) {
            loops.add(new LoopBound(ref, cfg.line(cfg.irreducibleAt), cfg.headerIndex(cfg.irreducibleAt),
                    LoopBound.Source.UNBOUNDED, -1, "irreducible control flow: a cycle that can be entered at more"
                    + " than one place is never bounded"));
        }
        loops.sort((a, b) -> Integer.compare(a.header(), b.header()));
    }

    /** A {@code Loops.bound(N)} or {@code Loops.total(N)} call. */
    static boolean isMarker(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESTATIC && mi.owner.equals(LOOPS_OWNER)
                && (mi.name.equals("bound") || mi.name.equals("total")) && mi.desc.equals("(I)V");
    }

    /** Each loop's bound, by header. */
    List<LoopBound> loops() {
        return loops;
    }

    /** Each loop's bound per entry by loop id, -1 when it has none. */
    long[] bounds() {
        return bounds;
    }

    /** Whether the method has anything the IPET uses: loops, or flow facts on its blocks. */
    boolean constrained() {
        return !cfg.loops.isEmpty() || !facts.blockCounts(ref).isEmpty() || !facts.exclusions(ref).isEmpty();
    }

    /** Adds the constraints to a method's program. */
    void constrain(Ipet ipet) {
        for (ControlFlow.Loop loop : cfg.loops) {
            if (bounds[loop.id] >= 0) {
                ipet.iterationsPerEntry(loop, bounds[loop.id], Ipet.LOOP_BOUND);
            }
        }
        for (LoopInference.EdgeBound e : inferredEdges) {
            ipet.edgePerEntry(e.from(), e.to(), cfg.loops.get(e.perEntryOf()), e.bound(), Ipet.INFERRED);
        }
        for (LoopTotal total : totals) {
            ipet.iterationsPerCall(total.loop(), total.total(), total.origin());
        }
        for (FlowFacts.BlockCount count : facts.blockCounts(ref)) {
            BitSet on = cfg.blocksOnLine(count.line());
            for (int b = on.nextSetBit(0); b >= 0; b = on.nextSetBit(b + 1)) {
                ipet.blockPerCall(b, count.count(), count.origin());
            }
        }
        for (FlowFacts.Exclusion x : facts.exclusions(ref)) {
            ipet.exclusive(cfg.blocksOnLine(x.firstLine()), cfg.blocksOnLine(x.secondLine()), x.origin());
        }
    }
}
