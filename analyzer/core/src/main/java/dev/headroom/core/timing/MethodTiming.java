package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.classpath.LoadedClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** One method's timing, computed once. */
final class MethodTiming {
    final MethodRef ref;
    final LoadedClass owner;
    long cost;
    /** Why the method has no bound; null when it has one. */
    CharSequence reason;
    /** The callee that makes it unbounded, or null when the cause is in the method itself. */
    MethodRef cause;
    // The lists and the set start as the shared empty ones (Collections', which sort; RecordedCalls.NONE) and grow
    // through added() (plus()): most methods have no loop and few calls, and a large program has hundreds of
    // thousands of timings.
    List<LoopBound> loops = Collections.emptyList();
    RecordedCalls calls = RecordedCalls.NONE;
    /** The loops on the worst path, with their bounds. */
    List<WorstLoop> worstLoops = Collections.emptyList();
    /** From the IPET's solution: each source line that runs and how often, as pairs (line, count); else null. */
    long[] worstLines;
    /** The callee on the worst path with the largest cost (its timing in the context of the call). */
    MethodTiming heaviest;
    /** The headers ({@link LoopBound#header()}) of the loops in cold code. */
    Set<Integer> coldLoops = Collections.emptySet();
    /**
     * The timing of the runs that complete normally, when it differs from this one's (all runs); a timing
     * of normal runs points to itself.
     */
    MethodTiming normal;
    /** Whether a callee's normal runs have a timing of their own (then this method's may differ too). */
    boolean calleeNormalDiffers;
    /** The normal-runs timing's own throw sites left out of it. */
    List<String> exits = Collections.emptyList();
    /**
     * The normal-runs timings of the callees a normal-runs timing adds up whose exits are left out too: those that
     * leave none out are not listed (most of them; each unbounded call in a cycle is a timing of its own).
     */
    List<MethodTiming> normalCallees = Collections.emptyList();
    /**
     * Whether loops make it unbounded (see {@code TimingAnalysis.unboundedByLoops}), over all runs and normal runs;
     * null until asked.
     */
    Boolean unboundedByLoops;
    Boolean normalUnboundedByLoops;

    MethodTiming(MethodRef ref, LoadedClass owner) {
        this.ref = ref;
        this.owner = owner;
    }

    boolean bounded() {
        return reason == null;
    }

    MethodTiming normalRuns() {
        return normal == null ? this : normal;
    }

    /** Whether throw sites are left out of this complete timing, its own or its callees'. */
    boolean leavesOutExits() {
        return !exits.isEmpty() || !normalCallees.isEmpty();
    }

    /** The list with one more element: itself once it has one, else a new list. */
    static <T> List<T> added(List<T> list, T element) {
        List<T> growing = list instanceof ArrayList<T> ? list : new ArrayList<>(list);
        growing.add(element);
        return growing;
    }

    MethodTiming unbounded(CharSequence why) {
        if (reason == null) {
            reason = why;
        }
        return this;
    }

    /**
     * The callee's timing that made a normal-runs timing unbounded: its normal runs, unless the call sits in a
     * try range that recovers (then all the callee's runs).
     */
    static MethodTiming normalCause(MethodTiming callee) {
        return callee.normalRuns().bounded() ? callee : callee.normalRuns();
    }

    /**
     * A loop on a method's worst path, with the bound it was counted with, and from the IPET its iterations and
     * entries in the worst case (-1 when the longest path gave the bound); its text is made for a root's path.
     */
    record WorstLoop(String file, int line, long bound, long iterations, long entries) {
        @Override
        public String toString() {
            String at = "loop at " + file + ":" + line + " x ";
            if (entries < 0 || iterations == LongestPath.mul(bound, entries)) {
                return at + bound;
            }
            return entries == 1 ? at + iterations : at + iterations + " in all (" + entries + " entries)";
        }
    }
}
