package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.tree.MethodNode;

/**
 * The assertions of {@code java.base} run only with {@code -esa}, which no Headroom setting stands for: their
 * code is dead whatever {@code --assertions} says, so a call in it is not a site. Measured on JCTools' queue
 * roots, the assert of {@code StringUTF16.getChar} (reached from every {@code StringBuilder.toString}) fanned
 * out through {@code AssertionError(Object)} into every {@code toString} of the program: 3,569 methods reached
 * instead of 224.
 */
class SystemAssertionsTest {
    @TempDir
    Path emptyInput;

    private static final String ASSERTION_ERROR = "java/lang/AssertionError";

    private static LoadedClass load(ClassRepository classes, String name) {
        return classes.find(name).orElseThrow(() -> new AssertionError(name + " not found"));
    }

    private static List<Site.Invoke> assertionErrorCalls(LoadedClass owner, MethodNode method, AssertCode mode) {
        return MethodScanner.scan(method, mode).sites().stream()
                .filter(s -> s instanceof Site.Invoke i && i.owner().equals(ASSERTION_ERROR))
                .map(s -> (Site.Invoke) s).toList();
    }

    @Test
    void onlyJavaBaseClassesAreSystemClasses() {
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            assertTrue(load(classes, "java/lang/StringUTF16").system());
            assertTrue(load(classes, "java/util/HashMap").system());
            assertFalse(load(classes, "java/util/logging/Logger").system(),
                    "java.logging: taken as the program's, the sound side (only java.base is certain to be the boot loader's)");
        }
    }

    @Test
    void assertCodeOfJavaBaseNeverRunsEvenWithAssertionsEnabled() {
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            LoadedClass utf16 = load(classes, "java/lang/StringUTF16");
            MethodNode getChar = utf16.node().methods.stream()
                    .filter(m -> m.name.equals("getChar") && m.desc.equals("([BI)C")).findFirst().orElseThrow();

            List<Site.Invoke> ordinaryClass = assertionErrorCalls(utf16, getChar, AssertCode.COLD);
            assertEquals(1, ordinaryClass.size(), "the assert builds an AssertionError: " + ordinaryClass);
            assertTrue(ordinaryClass.get(0).cold(), "cold in a class whose assertions -ea turns on");

            for (boolean enabled : new boolean[] {false, true}) {
                AssertCode mode = AssertCode.of(utf16, enabled);
                assertEquals(AssertCode.NEVER_RUNS, mode);
                assertEquals(List.of(), assertionErrorCalls(utf16, getChar, mode), "--assertions " + enabled);
            }
        }
    }
}
