package dev.headroom.core.memory;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * What an initialisation root did that Headroom could not count: it stopped before its end (a branch on a value
 * that is not known, a budget exhausted), or it called code that was not followed to its end (a method of an
 * object it did not create, such as {@code System.out}, a native method, a string concatenation), which may
 * have allocated. Either makes the footprint a lower bound, said as {@code unbounded-static} at the root's line.
 */
final class InitializerStops {
    private InitializerStops() {
    }

    static List<MemoryFinding> findings(InitializerRun run) {
        MethodRef root = run.root.ref();
        String name = root.owner().replace('/', '.') + "." + root.name();
        List<MemoryFinding> findings = new ArrayList<>();
        if (run.stopped != null) {
            findings.add(new MemoryFinding(Rule.UNBOUNDED_STATIC, root, run.stoppedLine, "the initialisation root " + name
                    + " could not be followed past line " + run.stoppedLine + ": " + run.stopped
                    + "; what it allocates after that is not counted, so the footprint is a lower bound", null));
        }
        if (run.unfollowed != null && (run.stopped == null || run.unfollowedLine != run.stoppedLine)) {
            findings.add(new MemoryFinding(Rule.UNBOUNDED_STATIC, root, run.unfollowedLine, "the initialisation root "
                    + name + " makes a call at line " + run.unfollowedLine + " that Headroom does not follow to its end ("
                    + run.unfollowed + "); what it allocates is not counted, so the footprint is a lower bound", null));
        }
        return findings;
    }
}
