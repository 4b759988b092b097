package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The IPET against the longest path on real methods (JDK collection classes): on a method without loops the two
 * are the same answer, which is why such methods keep the longest path; with loops, under the same per-entry
 * bounds and nothing else, the IPET is never above it. Costs are each block's instruction count.
 */
class IpetAgainstLongestPathTest {
    private static final List<String> CLASSES = List.of("java/util/ArrayList", "java/util/HashMap",
            "java/util/TreeMap", "java/lang/String", "java/util/Arrays", "java/util/concurrent/ConcurrentHashMap");
    private static final long BOUND = 3;

    @Test
    void onLoopFreeMethodsTheyAgreeAndWithLoopsTheIpetIsNeverAbove() throws IOException {
        List<String> problems = new ArrayList<>();
        int loopFree = 0;
        int withLoops = 0;
        for (String name : CLASSES) {
            for (MethodNode method : read(name).methods) {
                if (method.instructions.size() == 0) {
                    continue; // abstract or native
                }
                ControlFlow cfg;
                try {
                    cfg = ControlFlow.of(method);
                } catch (ControlFlow.UnsupportedFlowException e) {
                    continue;
                }
                if (cfg.irreducibleAt >= 0) {
                    continue;
                }
                long[] cost = new long[cfg.blockCount];
                for (int b = 0; b < cfg.blockCount; b++) {
                    for (int i = cfg.blockStart[b]; i < cfg.blockEnd[b]; i++) {
                        cost[b] += cfg.insns.get(i).getOpcode() >= 0 ? 1 : 0;
                    }
                }
                long[] bounds = new long[cfg.loops.size()];
                Arrays.fill(bounds, BOUND);
                long path = new LongestPath(cfg, cost, bounds).total();
                Ipet ipet = new Ipet(cfg, cost, new boolean[cfg.blockCount]);
                cfg.loops.forEach(loop -> ipet.iterationsPerEntry(loop, BOUND, Ipet.LOOP_BOUND));
                Ipet.Result result = ipet.solve(null);
                String where = name + "#" + method.name + method.desc;
                if (result.checked().isEmpty()) {
                    problems.add(where + ": no checked solution (" + result.failure() + ")");
                    continue;
                }
                long total = result.checked().get().total();
                if (cfg.loops.isEmpty()) {
                    loopFree++;
                    if (total != path) {
                        problems.add(where + ": IPET " + total + ", longest path " + path + " (no loops)");
                    }
                } else {
                    withLoops++;
                    if (total > path) {
                        problems.add(where + ": IPET " + total + " above the longest path " + path);
                    }
                }
            }
        }
        System.out.printf("IPET against the longest path: %d loop-free methods, %d with loops%n", loopFree, withLoops);
        assertTrue(loopFree > 300 && withLoops > 100, loopFree + " loop-free methods, " + withLoops + " with loops");
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n  " + String.join("\n  ", problems));
        }
    }

    private static ClassNode read(String internalName) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            ClassNode node = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(node, 0);
            return node;
        }
    }
}
