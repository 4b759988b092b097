package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@link MethodTable} finds what a map of name and descriptor to the first such method found: on JDK classes with
 * few methods (scanned) and many (hashed), across the point where a table turns from one to the other, and for
 * the signature-polymorphic methods found by name alone; and it makes one {@link Hierarchy.Declared} per method.
 */
class MethodTableTest {
    @TempDir
    Path emptyInput;

    @Test
    void findsEveryMethodOfJdkClassesAsTheirFirstDeclaration() {
        List<String> mismatches = new ArrayList<>();
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            // Few methods (scanned), many (hashed), and the signature-polymorphic holders.
            for (String name : List.of("java/lang/Runnable", "java/lang/Object", "java/util/AbstractList", "java/lang/String",
                    "java/util/HashMap", "java/lang/invoke/MethodHandle", "java/lang/invoke/VarHandle")) {
                LoadedClass owner = classes.find(name).orElseThrow();
                List<MethodNode> methods = owner.node().methods;
                for (MethodNode m : methods) {
                    Hierarchy.Declared d = hierarchy.declaredOf(owner, m);
                    if (d.method() != m) {
                        mismatches.add(name + "." + m.name + m.desc + " gives " + d);
                    }
                    if (hierarchy.declaredOf(owner, m) != d) {
                        mismatches.add(name + "." + m.name + m.desc + ": a second Declared for the same method");
                    }
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches:\n  " + String.join("\n  ", mismatches));
        }
    }

    @Test
    void findsSignaturePolymorphicMethodsByNameWithAnyDescriptor() {
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            Hierarchy.Resolution invoke = hierarchy.resolve("java/lang/invoke/MethodHandle", "invokeExact",
                    "(Ljava/lang/String;I)J");
            assertTrue(invoke.isFound(), invoke.problem());
            assertEquals("invokeExact", invoke.declared().method().name);
            assertEquals("([Ljava/lang/Object;)Ljava/lang/Object;", invoke.declared().method().desc);
            assertTrue(!hierarchy.resolve("java/lang/String", "length", "(I)I").isFound(),
                    "a descriptor that String does not declare is not found by name alone");
        }
    }

    @Test
    void keepsTheFirstEntryBeforeAndAfterItTurnsToHashing() {
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            LoadedClass owner = classes.find("java/lang/String").orElseThrow();
            int count = owner.node().methods.size();
            assertTrue(count > 40, "String's methods: " + count);
            int[] numbers = {0};
            MethodTable table = new MethodTable(owner, count, () -> numbers[0]++);
            for (int slot = 0; slot < 40; slot++) {
                // Entries 20..39 repeat the names and descriptors of 0..19: the first must win, in both modes.
                int named = slot % 20;
                table.putIfAbsent("m" + named, "()V", slot);
                if (slot == SmallSet.INDEX_FROM - 2) {
                    assertEquals(0, slotOf(owner, table.get("m0", "()V")), "while scanning");
                }
            }
            table.putIfAbsent("poly", null, 39);
            for (int named = 0; named < 20; named++) {
                assertEquals(named, slotOf(owner, table.get("m" + named, "()V")), "m" + named + " once hashed");
            }
            assertNull(table.get("m0", "()I"));
            assertNull(table.get("poly", "()V"), "a name alone is found only with a null descriptor");
            assertNotNull(table.get("poly", null));
            assertSame(table.get("m3", "()V"), table.get("m3", "()V"));
        }
    }

    private static int slotOf(LoadedClass owner, Hierarchy.Declared d) {
        return owner.node().methods.indexOf(d.method());
    }
}
