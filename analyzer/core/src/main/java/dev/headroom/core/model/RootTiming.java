package dev.headroom.core.model;

import java.util.List;

/**
 * A root's worst-case execution cost under the cost model.
 *
 * @param wcet      the bound in cycles of the cost model; meaningless when {@code bounded} is false
 * @param deadline  the {@code @Deadline} in cycles, or null when the root declares none
 * @param verdict   pass or fail against the deadline; fail when unbounded with a deadline; null when
 *                  there is no deadline
 * @param worstPath the methods and loops on the worst path, outermost first, e.g.
 *                  {@code com.acme.Motor#onTick()V}, {@code loop at Motor.java:42 x 64}
 */
public record RootTiming(MethodId root, boolean bounded, long wcet, Long deadline, Verdict verdict,
                         List<String> worstPath) {
    public RootTiming {
        worstPath = List.copyOf(worstPath);
    }
}
