package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.CallGraphBuilder;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Verdict;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class StackAnalysisTest {
    private static final String OWNER = "dev/headroom/core/memory/StackTargets";

    @TempDir
    Path program;

    /** max_locals + max_stack per method, read with ASM from the class file. */
    private final Map<String, int[]> slots = new HashMap<>();

    @BeforeEach
    void readFrames() throws IOException {
        try (InputStream in = StackTargets.class.getResourceAsStream("StackTargets.class")) {
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, 0);
            for (MethodNode m : node.methods) {
                slots.put(m.name, new int[] {m.maxLocals, m.maxStack});
            }
        }
    }

    private int firstLine(String method) throws IOException {
        try (InputStream in = StackTargets.class.getResourceAsStream("StackTargets.class")) {
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, 0);
            for (MethodNode m : node.methods) {
                for (var insn : m.instructions) {
                    if (m.name.equals(method) && insn instanceof org.objectweb.asm.tree.LineNumberNode line) {
                        return line.line;
                    }
                }
            }
        }
        throw new AssertionError("no line in " + method);
    }

    private long frame(Layout layout, String method) {
        int[] s = slots.get(method);
        return (long) (s[0] + s[1]) * layout.slotBytes() + layout.frameOverheadBytes();
    }

    private StackResult analyze(Layout layout, Long budget, String... roots) throws IOException {
        TargetPrograms.copy("dev/headroom/core/memory", "StackTargets", program);
        try (ClassRepository classes = ClassRepository.open(List.of(program), List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            List<Hierarchy.Declared> declared = new java.util.ArrayList<>();
            for (String r : roots) {
                declared.add(hierarchy.resolve(OWNER, r, "(I)I").declared());
            }
            CallGraph graph = new CallGraphBuilder(hierarchy, RuleBook.loadBundled(), DispatchPolicy.RTA).build(declared);
            return new StackAnalysis(graph, layout).analyze(declared.stream().map(Hierarchy.Declared::ref).toList(), budget);
        }
    }

    @Test
    void deepestChainIsTheSumOfItsFrames() throws IOException {
        // Hand-checked from javac's output: root(1 local, 5 stack: int + long pushes), deep(4 locals with the
        // long, 6 stack for leaf's int, long, int, long arguments), leaf(6 locals, 4 stack).
        assertEquals(1, slots.get("root")[0]);
        assertEquals(6, slots.get("leaf")[0]);
        long expected = frame(Layouts.HOTSPOT_COOPS, "root")
                + Math.max(frame(Layouts.HOTSPOT_COOPS, "shallow"),
                        frame(Layouts.HOTSPOT_COOPS, "deep") + frame(Layouts.HOTSPOT_COOPS, "leaf"));
        StackResult result = analyze(Layouts.HOTSPOT_COOPS, null, "root");
        StackUsage usage = result.stack().get(0);
        assertEquals(expected, usage.bytes());
        assertTrue(usage.bounded());
        assertNull(usage.verdict());
        assertTrue(result.findings().isEmpty());

        long expected32 = frame(Layouts.JVM32, "root") + frame(Layouts.JVM32, "deep") + frame(Layouts.JVM32, "leaf");
        assertEquals(expected32, analyze(Layouts.JVM32, null, "root").stack().get(0).bytes());
    }

    @Test
    void reportsARootAboveTheStackBudget() throws IOException {
        long bytes = analyze(Layouts.HOTSPOT_COOPS, null, "root").stack().get(0).bytes();
        StackResult fits = analyze(Layouts.HOTSPOT_COOPS, bytes, "root");
        assertEquals(Verdict.PASS, fits.stack().get(0).verdict());
        assertTrue(fits.findings().isEmpty());

        StackResult over = analyze(Layouts.HOTSPOT_COOPS, bytes - 1, "root");
        assertEquals(Verdict.FAIL, over.stack().get(0).verdict());
        assertEquals(1, over.findings().size());
        MemoryFinding f = over.findings().get(0);
        assertEquals(Rule.STACK_BUDGET_EXCEEDED, f.rule());
        assertEquals(new MethodRef(OWNER, "root", "(I)I"), f.root());
        assertEquals(firstLine("root"), f.line(), "at the root's first line, for the reports to point at");
        assertTrue(f.message().contains(bytes + " bytes, 1 bytes above the stack budget of " + (bytes - 1)), f.message());
    }

    @Test
    void recursionMakesTheStackUnbounded() throws IOException {
        StackResult result = analyze(Layouts.HOTSPOT_COOPS, 1_000_000L, "recursiveRoot", "root");
        StackUsage recursive = result.stack().stream().filter(s -> s.root().name().equals("recursiveRoot")).findFirst().orElseThrow();
        assertFalse(recursive.bounded());
        assertEquals(Verdict.FAIL, recursive.verdict());
        // A lower bound: the root, the cycle's frames once, and the deepest call out of the cycle.
        Layout l = Layouts.HOTSPOT_COOPS;
        assertEquals(frame(l, "recursiveRoot") + frame(l, "countDown") + frame(l, "ping") + frame(l, "leaf"), recursive.bytes());
        StackUsage plain = result.stack().stream().filter(s -> s.root().name().equals("root")).findFirst().orElseThrow();
        assertTrue(plain.bounded());
        assertEquals(Verdict.PASS, plain.verdict());
        assertEquals(1, result.findings().size());
        assertTrue(result.findings().get(0).message().contains("unbounded"), result.findings().get(0).message());
    }
}
