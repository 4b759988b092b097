package dev.headroom.core;

import java.util.function.UnaryOperator;

/**
 * What a run that ran out of heap tells the user: not a bug but a limit they can raise, so the message says how
 * large the heap was and suggests twice as much (at least 2 GiB) in the way each front end takes JVM options.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /**
     * Thrown in place of the JVM's error when the heap ran out while the analyses ran on two threads
     * ({@code --threads}): they then hold their state at once, and one thread needs less.
     */
    public static final class WithTwoAnalyses extends OutOfMemoryError {
        public WithTwoAnalyses(OutOfMemoryError cause) {
            super(cause.getMessage());
        }
    }

    /**
     * @param maxHeapBytes  the JVM's maximum heap ({@code Runtime.maxMemory()})
     * @param whereToPassIt how this front end takes the suggested option ({@code -Xmx2g}): where to write it
     */
    public static String message(long maxHeapBytes, UnaryOperator<String> whereToPassIt) {
        long mib = maxHeapBytes / (1024 * 1024);
        long gib = Math.max(2, (mib * 2 + 1023) / 1024);
        return "out of memory: the analysis needs more than this JVM's maximum heap of " + mib + " MiB; give it more, "
                + "for example " + whereToPassIt.apply("-Xmx" + gib + "g");
    }

    /**
     * The message for this error; when it ran out with two analyses at once, it also names {@code oneThread}, this
     * front end's way of running them one after the other.
     */
    public static String message(OutOfMemoryError error, long maxHeapBytes, UnaryOperator<String> whereToPassIt,
                                 String oneThread) {
        String message = message(maxHeapBytes, whereToPassIt);
        return error instanceof WithTwoAnalyses
                ? message + "; or run the analyses one after the other (" + oneThread + "), which holds less at once"
                : message;
    }
}
