package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.testing.TargetPrograms;
import dev.headroom.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Trees dropped for memory and parsed again ({@link LoadedClass}) change nothing: every validation
 * program is analysed with trees kept, then with every class's tree parsed again every few reads (so
 * that analyses holding a tree meet another one for the same class), and the whole results must be
 * equal: findings, roots, static memory and bounds.
 */
class ReparsedTreesTest {
    private static final List<String> PROGRAMS = List.of("dev/headroom/validation/targets",
            "dev/headroom/validation/memory", "dev/headroom/validation/timing");

    @TempDir
    Path work;

    @AfterEach
    void keepTrees() {
        LoadedClass.reparseEvery(0);
    }

    @Test
    void resultsDoNotDependOnWhenTreesAreParsedAgain() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int programs = 0;
        for (String dir : PROGRAMS) {
            for (Map.Entry<String, Path> program : TargetPrograms.copyEach(dir, work.resolve(dir)).entrySet()) {
                LoadedClass.reparseEvery(0);
                String kept = analyze(program.getValue());
                long before = LoadedClass.reparsed();
                LoadedClass.reparseEvery(3);
                String reparsed = analyze(program.getValue());
                assertTrue(LoadedClass.reparsed() > before, program.getKey() + ": trees were parsed again");
                if (!kept.equals(reparsed)) {
                    mismatches.add(program.getKey() + ":\n  kept:     " + kept + "\n  reparsed: " + reparsed);
                }
                programs++;
            }
        }
        assertTrue(programs > 40, "the validation programs were found: " + programs);
        assertEquals("", String.join("\n", mismatches));
    }

    @Test
    void aTreeParsedAgainHasTheSameCodeDroppedWithItsReason() throws IOException {
        Path classes = work.resolve("broken");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.write(classes.resolve("com/acme/Broken.class"), brokenClass());
        try (ClassRepository repo = ClassRepository.open(List.of(classes), List.of(), null, AnalysisListener.SILENT)) {
            LoadedClass broken = repo.find("com/acme/Broken").orElseThrow();
            String reason = repo.unanalysable(method(broken.node(), "underflow"));
            assertTrue(reason != null && reason.contains("stack underflow"), "dropped at the first parse: " + reason);
            LoadedClass.reparseEvery(1);
            ClassNode again = broken.node();
            LoadedClass.reparseEvery(0);
            MethodNode underflow = method(again, "underflow");
            assertEquals(0, underflow.instructions.size(), "its code dropped again");
            assertEquals(reason, repo.unanalysable(underflow), "with the same reason, for the new tree's method");
            assertTrue(method(again, "fine").instructions.size() > 0, "the other method's code kept");
        }
    }

    @Test
    void aDroppedTreeIsParsedAgainOnTheNextRead() throws IOException {
        Path classes = work.resolve("dropped");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.write(classes.resolve("com/acme/Motor.class"),
                ClassRepositoryTest.classBytes("com/acme/Motor", Opcodes.V17, "before"));
        try (ClassRepository repo = ClassRepository.open(List.of(classes), List.of(), null, AnalysisListener.SILENT)) {
            LoadedClass motor = repo.find("com/acme/Motor").orElseThrow();
            ClassNode first = motor.node();
            assertTrue(first == motor.node(), "held while not dropped");
            long before = LoadedClass.reparsed();
            motor.dropTree();
            ClassNode again = motor.node();
            assertTrue(again != first, "a new tree");
            assertEquals(before + 1, LoadedClass.reparsed());
            assertEquals(first.methods.size(), again.methods.size());
            assertTrue(again == motor.node(), "held again");
        }
    }

    @Test
    void aClassFileChangedDuringTheRunIsAnInputErrorNamingItWhenReadAgain() throws IOException {
        Path classes = work.resolve("changing");
        Path file = classes.resolve("com/acme/Motor.class");
        Files.createDirectories(file.getParent());
        Files.write(file, ClassRepositoryTest.classBytes("com/acme/Motor", Opcodes.V17, "before"));
        try (ClassRepository repo = ClassRepository.open(List.of(classes), List.of(), null, AnalysisListener.SILENT)) {
            LoadedClass motor = repo.find("com/acme/Motor").orElseThrow();
            Files.write(file, ClassRepositoryTest.classBytes("com/acme/Motor", Opcodes.V17, "after!"));
            LoadedClass.reparseEvery(1);
            InputException e = assertThrows(InputException.class, motor::node);
            assertEquals(file + ": changed while it was being analysed", e.getMessage());
        }
    }

    /** A class whose method {@code underflow} pops an empty stack, next to a method {@code fine}. */
    private static byte[] brokenClass() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "com/acme/Broken", null, "java/lang/Object", null);
        MethodVisitor underflow = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "underflow", "()V", null, null);
        underflow.visitCode();
        underflow.visitInsn(Opcodes.POP);
        underflow.visitInsn(Opcodes.RETURN);
        underflow.visitMaxs(1, 0);
        underflow.visitEnd();
        MethodVisitor fine = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "fine", "()V", null, null);
        fine.visitCode();
        fine.visitInsn(Opcodes.RETURN);
        fine.visitMaxs(0, 0);
        fine.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static MethodNode method(ClassNode c, String name) {
        return c.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static String analyze(Path program) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(program).allowNoRoots(true).build(),
                AnalysisListener.SILENT).toString();
    }
}
