package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.WorstCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What a root's timing reports beside its bound: the worst path or the path to the cause, and the worst case. */
final class RootPaths {
    /** The most methods a path lists. */
    static final int MAX_PATH = 40;

    /** A method's timing once made, else null. */
    private final Function<MethodRef, MethodTiming> timingMade;
    private final Map<MethodRef, String> pathNames = new HashMap<>();
    private final Map<CharSequence, String> unboundedSteps = new IdentityHashMap<>();

    RootPaths(Function<MethodRef, MethodTiming> timingMade) {
        this.timingMade = timingMade;
    }

    /**
     * The loop and line counts of a root's worst case: the loops along its worst path, the lines of its own method.
     */
    WorstCase worstCase(MethodTiming root) {
        List<WorstCase.LoopCount> loops = new ArrayList<>();
        for (MethodTiming t : worstChain(root)) {
            for (MethodTiming.WorstLoop w : t.worstLoops) {
                loops.add(new WorstCase.LoopCount(t.ref.toId(), w.file(), w.line(), w.bound(), w.entries(),
                        w.iterations()));
            }
        }
        List<WorstCase.LineCount> lines = new ArrayList<>();
        if (root.worstLines != null) {
            for (int k = 0; k < root.worstLines.length; k += 2) {
                lines.add(new WorstCase.LineCount((int) root.worstLines[k], root.worstLines[k + 1]));
            }
        }
        return new WorstCase(loops, lines);
    }

    /**
     * A method's name on the roots' paths, made once: 250,000 roots' paths run through the same methods, and
     * each text made again per root filled the heap. The last step of an unbounded root's path likewise, by
     * the reason it shares with the callee that gave it.
     */
    private String pathName(MethodRef ref) {
        return pathNames.computeIfAbsent(ref, TimingAnalysis::short_);
    }

    private String unboundedStep(CharSequence reason) {
        return unboundedSteps.computeIfAbsent(reason, r -> RootTiming.UNBOUNDED_PREFIX + r);
    }

    /** A bounded root's worst path: its methods, each followed by the loops counted on it. */
    List<String> worstPath(MethodTiming root) {
        List<String> path = new ArrayList<>();
        for (MethodTiming t : worstChain(root)) {
            if (path.size() >= MAX_PATH) {
                break;
            }
            path.add(pathName(t.ref));
            t.worstLoops.forEach(w -> path.add(w.toString()));
        }
        return path.size() > MAX_PATH ? path.subList(0, MAX_PATH) : path;
    }

    /** The methods of a root's worst path: each one's heaviest callee, until one repeats, at most {@link #MAX_PATH}. */
    private static List<MethodTiming> worstChain(MethodTiming root) {
        List<MethodTiming> chain = new ArrayList<>();
        Set<MethodRef> seen = new HashSet<>();
        for (MethodTiming t = root; t != null && seen.add(t.ref) && chain.size() < MAX_PATH; t = t.heaviest) {
            chain.add(t);
        }
        return chain;
    }

    /** An unbounded root's path to the cause: each callee that gave it, and last the reason. */
    List<String> causePath(MethodTiming root) {
        List<String> path = new ArrayList<>();
        Set<MethodRef> seen = new HashSet<>();
        MethodTiming t = root;
        while (true) {
            path.add(pathName(t.ref));
            if (t.cause == null || !seen.add(t.ref) || path.size() >= MAX_PATH) {
                break;
            }
            MethodTiming next = timingMade.apply(t.cause);
            if (next == null) {
                break;
            }
            t = MethodTiming.normalCause(next);
        }
        path.add(unboundedStep(root.reason));
        return path;
    }
}
