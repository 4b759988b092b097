package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Rule;
import java.util.Comparator;
import java.util.List;

/**
 * A timing finding for one root.
 *
 * @param rule      {@code unbounded-loop} or {@code deadline-exceeded}
 * @param root      the root whose worst case it concerns
 * @param location  the user method where it is reported
 * @param line      the line there (0 when the class has no line numbers)
 * @param message   what is wrong, with the numbers
 * @param callChain from the root to the loop (the last frame is the loop header), for an unbounded loop;
 *                  empty for a deadline
 * @param roots     how many roots reach it: 1, or more when findings are grouped by location
 * @param hotRoots  how many of them reach it on a hot path (0 for a cold finding): the count under
 *                  {@code --cold-paths ignore}
 * @param cold      true when every chain from the root to it passes cold code (see the cold-path policy)
 */
public record TimingFinding(Rule rule, MethodRef root, MethodRef location, int line, String message,
                            List<Frame> callChain, int roots, int hotRoots, boolean cold) implements Comparable<TimingFinding> {
    private static final Comparator<TimingFinding> ORDER = Comparator.comparing(TimingFinding::root)
            .thenComparing(TimingFinding::location)
            .thenComparingInt(TimingFinding::line)
            .thenComparing(TimingFinding::rule)
            .thenComparing(TimingFinding::message);

    public TimingFinding {
        callChain = List.copyOf(callChain);
    }

    @Override
    public int compareTo(TimingFinding other) {
        return ORDER.compare(this, other);
    }
}
