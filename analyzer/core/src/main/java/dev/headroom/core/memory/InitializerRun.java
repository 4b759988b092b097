package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.memory.Value.HeapObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What running one initialisation root gave: every object allocated while it ran (the static initialisers
 * it triggered included), with the line of the root's own code that was running, and what it could not
 * follow to its end.
 */
final class InitializerRun {
    final Hierarchy.Declared root;
    /** In allocation order; identity keys. */
    final Map<HeapObject, Integer> allocated = new LinkedHashMap<>();
    /** Why the root could not be run to its end, or null. */
    String stopped;
    int stoppedLine;
    /** The first call the root made that was not followed to its end (it may have allocated), or null. */
    String unfollowed;
    int unfollowedLine;

    InitializerRun(Hierarchy.Declared root) {
        this.root = root;
    }
}
