package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.rules.RuleBook;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

/**
 * The part of a graph some roots reach ({@link CallGraph#reachableFrom}) against a plain breadth-first walk written
 * here: the same methods in the same order, each call's callee numbered by its place in that order (-1 for a call
 * not followed), also when the graph was numbered by an earlier part made of it.
 */
class CallGraphReachTest {
    private static final Path TARGET = Path.of("target/test-classes/dev/headroom/core/callgraph/jdkscans");

    @Test
    void reachedPartsAreBreadthFirstFromTheRootsWithTheirCalleesNumbered() {
        try (ClassRepository classes = ClassRepository.open(List.of(TARGET), List.of(), null,
                AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            List<MethodRef> roots = new ArrayList<>();
            List<Hierarchy.Declared> declared = new ArrayList<>();
            for (String name : classes.inputClassNames()) {
                LoadedClass c = classes.find(name).orElseThrow();
                for (MethodNode m : c.node().methods) {
                    declared.add(hierarchy.declaredOf(c, m));
                    roots.add(hierarchy.declaredOf(c, m).ref());
                }
            }
            CallGraph graph = new CallGraphBuilder(hierarchy, RuleBook.loadBundled(), DispatchPolicy.VTA)
                    .build(declared);
            // What the graph's calls lead to, by method, read before any part is made (making one renumbers nodes).
            Map<MethodRef, List<MethodRef>> followed = new HashMap<>();
            for (CallGraph.Node n : graph.nodes()) {
                List<MethodRef> to = new ArrayList<>();
                for (Call call : n.calls()) {
                    to.add(Target.followed(call.target()));
                }
                followed.put(n.ref(), to);
            }
            List<String> problems = new ArrayList<>();
            List<List<MethodRef>> rootSets = new ArrayList<>();
            rootSets.add(roots);
            rootSets.add(List.of(roots.get(0)));
            rootSets.add(roots.subList(roots.size() / 2, roots.size()));
            List<MethodRef> reversed = new ArrayList<>(roots);
            Collections.reverse(reversed);
            rootSets.add(reversed);
            rootSets.add(roots); // again, after the parts above renumbered the nodes
            for (List<MethodRef> from : rootSets) {
                List<MethodRef> expected = walk(from, followed);
                CallGraph part = graph.reachableFrom(from);
                if (part.size() != expected.size()) {
                    problems.add(from.size() + " roots: " + part.size() + " methods, walk " + expected.size());
                    continue;
                }
                for (int i = 0; i < expected.size(); i++) {
                    CallGraph.Node n = part.node(i);
                    if (!n.ref().equals(expected.get(i)) || part.number(n.ref()) != i) {
                        problems.add(from.size() + " roots: method " + i + " is " + n.ref() + ", walk "
                                + expected.get(i));
                        continue;
                    }
                    List<MethodRef> to = followed.get(n.ref());
                    for (int c = 0; c < to.size(); c++) {
                        int want = to.get(c) == null ? -1 : expected.indexOf(to.get(c));
                        if (n.callee(c) != want) {
                            problems.add(from.size() + " roots: " + n.ref() + " call " + c + " -> " + n.callee(c)
                                    + ", walk " + want);
                        }
                    }
                }
            }
            assertEquals(List.of(), problems);
            assertTrue(graph.size() > 20, "the target's graph is big enough to say something: " + graph.size());
        }
    }

    private static List<MethodRef> walk(List<MethodRef> roots, Map<MethodRef, List<MethodRef>> followed) {
        List<MethodRef> order = new ArrayList<>();
        ArrayDeque<MethodRef> queue = new ArrayDeque<>();
        for (MethodRef root : roots) {
            if (followed.containsKey(root) && !order.contains(root)) {
                order.add(root);
                queue.add(root);
            }
        }
        while (!queue.isEmpty()) {
            for (MethodRef callee : followed.get(queue.poll())) {
                if (callee != null && !order.contains(callee)) {
                    order.add(callee);
                    queue.add(callee);
                }
            }
        }
        return order;
    }
}
