package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.tree.MethodNode;

/**
 * The numbers of a hierarchy's methods ({@link Hierarchy.Declared#number()}) are distinct, one per method, and
 * {@link ByDeclared} keeps a value per number past its first array, nothing for a Declared made by hand or of another
 * hierarchy: the call graph builder's rules, nodes and flow nodes hang on them.
 */
class ByDeclaredTest {
    @TempDir
    Path emptyInput;

    @Test
    void numbersEachMethodOnceAndKeepsAValuePerNumber() {
        List<String> mismatches = new ArrayList<>();
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            ByDeclared<String> names = new ByDeclared<>();
            List<Hierarchy.Declared> all = new ArrayList<>();
            Set<Integer> numbers = new HashSet<>();
            // Over a thousand methods: the values outgrow the first array.
            for (String name : List.of("java/lang/String", "java/util/HashMap", "java/util/concurrent/ConcurrentHashMap",
                    "java/lang/Character", "java/util/Arrays", "java/util/Collections", "java/lang/Math",
                    "java/lang/StrictMath", "java/util/stream/Collectors", "java/lang/invoke/MethodHandles")) {
                LoadedClass owner = classes.find(name).orElseThrow();
                for (MethodNode m : owner.node().methods) {
                    Hierarchy.Declared d = hierarchy.declaredOf(owner, m);
                    if (d.number() < 0) {
                        continue; // a second method of the same name and descriptor has no number of its own
                    }
                    if (hierarchy.declaredOf(owner, m).number() != d.number()) {
                        mismatches.add(d + ": numbered again");
                    }
                    if (!numbers.add(d.number())) {
                        mismatches.add(d + ": number " + d.number() + " given twice");
                    }
                    names.put(d, d.ref().toString());
                    all.add(d);
                }
            }
            assertTrue(all.size() > 1024, "methods numbered: " + all.size());
            for (Hierarchy.Declared d : all) {
                if (!d.ref().toString().equals(names.get(d))) {
                    mismatches.add(d + ": kept " + names.get(d));
                }
            }
            // Another hierarchy numbers its methods from 0 too: its Declared in a place taken finds nothing there.
            Hierarchy other = new Hierarchy(classes);
            LoadedClass first = classes.find("java/lang/String").orElseThrow();
            Hierarchy.Declared foreign = other.declaredOf(first, first.node().methods.get(0));
            Hierarchy.Declared local = all.stream().filter(d -> d.number() == foreign.number()).findFirst().orElseThrow();
            assertTrue(foreign != local, "two hierarchies' Declared of one number");
            assertNull(names.get(foreign), "a Declared of another hierarchy finds nothing in this one's places");
            names.put(foreign, "foreign");
            assertEquals(local.ref().toString(), names.get(local), "and does not take the place of the one there");
            LoadedClass string = classes.find("java/lang/String").orElseThrow();
            MethodNode byHand = new MethodNode(0, "byHand", "()V", null, null);
            Hierarchy.Declared detached = new Hierarchy.Declared(string, byHand);
            assertEquals(-1, detached.number(), "a Declared made by hand has no number");
            names.put(detached, "kept");
            assertNull(names.get(detached), "nothing is kept for a Declared without a number");
        }
        assertEquals(List.of(), mismatches);
    }
}
