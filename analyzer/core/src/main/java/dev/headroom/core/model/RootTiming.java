package dev.headroom.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A root's worst-case execution cost under the cost model.
 *
 * @param wcet      the bound in cycles of the cost model; meaningless when {@code bounded} is false
 * @param deadline  the {@code @Deadline} in cycles, or null when the root declares none
 * @param verdict   pass or fail against the deadline; fail when unbounded with a deadline; null when
 *                  there is no deadline
 * @param worstPath the methods and loops on the worst path, outermost first, e.g.
 *                  {@code com.acme.Motor#onTick()V}, {@code loop at Motor.java:42 x 64}; for an unbounded
 *                  root, the chain to the cause, ending with {@value #UNBOUNDED_PREFIX} and the reason
 * @param exceptionalExits the throw sites the bound leaves out (it covers the runs that complete normally),
 *                  e.g. {@code Motor.java:42 com.acme.Motor#check}, sorted, user code first, at most 40 (the last
 *                  then {@code ... and more}); empty when throw
 *                  paths are bounded too ({@code --timing-exceptions include}) or there are none
 * @param worstCase the loop and line counts of the worst case ({@link WorstCase#NONE} when unbounded)
 */
public record RootTiming(MethodId root, boolean bounded, long wcet, Long deadline, Verdict verdict,
                         List<String> worstPath, List<String> exceptionalExits, WorstCase worstCase) {
    /** How the last step of an unbounded root's worst path begins. */
    public static final String UNBOUNDED_PREFIX = "unbounded: ";

    public RootTiming {
        worstPath = List.copyOf(worstPath);
        exceptionalExits = List.copyOf(exceptionalExits);
        worstCase = worstCase == null ? WorstCase.NONE : worstCase;
    }

    /** A root timing without the counts of its worst case. */
    public RootTiming(MethodId root, boolean bounded, long wcet, Long deadline, Verdict verdict, List<String> worstPath,
                      List<String> exceptionalExits) {
        this(root, bounded, wcet, deadline, verdict, worstPath, exceptionalExits, WorstCase.NONE);
    }

    /** A root timing with no exceptional exits listed. */
    public RootTiming(MethodId root, boolean bounded, long wcet, Long deadline, Verdict verdict, List<String> worstPath) {
        this(root, bounded, wcet, deadline, verdict, worstPath, List.of());
    }

    /** Why the root has no bound, from the end of its worst path; empty when bounded or not recorded. */
    public Optional<String> unboundedReason() {
        String last = bounded || worstPath.isEmpty() ? null : worstPath.get(worstPath.size() - 1);
        return last != null && last.startsWith(UNBOUNDED_PREFIX)
                ? Optional.of(last.substring(UNBOUNDED_PREFIX.length())) : Optional.empty();
    }
}
