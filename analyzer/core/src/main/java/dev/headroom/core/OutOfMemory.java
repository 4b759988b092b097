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
     * @param maxHeapBytes  the JVM's maximum heap ({@code Runtime.maxMemory()})
     * @param whereToPassIt how this front end takes the suggested option ({@code -Xmx2g}): where to write it
     */
    public static String message(long maxHeapBytes, UnaryOperator<String> whereToPassIt) {
        long mib = maxHeapBytes / (1024 * 1024);
        long gib = Math.max(2, (mib * 2 + 1023) / 1024);
        return "out of memory: the analysis needs more than this JVM's maximum heap of " + mib + " MiB; give it more, "
                + "for example " + whereToPassIt.apply("-Xmx" + gib + "g");
    }
}
