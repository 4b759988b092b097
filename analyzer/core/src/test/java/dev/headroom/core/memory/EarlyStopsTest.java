package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.model.Rule;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** When the static-initializer interpreter stops early, the footprint is a lower bound that says why. */
class EarlyStopsTest {
    @TempDir
    Path dir;

    private static MemoryResult analyze(Path program) {
        try (ClassRepository classes = ClassRepository.open(List.of(program), List.of(), null, AnalysisListener.SILENT)) {
            return new MemoryAnalysis(classes, new Hierarchy(classes), RuleBook.loadBundled(), Layouts.defaultLayout())
                    .analyze(1L << 40);
        }
    }

    @Test
    void aStepBudgetRunOutIsALowerBoundNamingWhereAndWhy() throws IOException {
        Path program = TargetPrograms.copy("dev/headroom/validation/memory", "EarlyStops", dir);
        MemoryResult result = analyze(program);
        assertFalse(result.bounded());
        MemoryFinding chain = result.findings().stream()
                .filter(f -> f.location().owner().endsWith("EarlyStops$LongChain")).findFirst().orElseThrow();
        assertEquals(Rule.UNBOUNDED_STATIC, chain.rule());
        assertTrue(chain.message().contains("more than " + StaticInterpreter.STEP_BUDGET + " bytecodes interpreted"),
                chain.message());
        assertTrue(chain.message().endsWith("the totals of dev.headroom.validation.memory.EarlyStops$LongChain.head"
                + " are lower bounds"), chain.message());
        MemoryFinding deep = result.findings().stream()
                .filter(f -> f.location().owner().endsWith("EarlyStops$DeepRecursion")).findFirst().orElseThrow();
        assertTrue(deep.message().contains("calls nested more than"), deep.message());
    }

    @Test
    void codeThatUnderflowsTheStackIsNotFollowedAndNoCrash() throws IOException {
        write("gen/PopsNothing", false);
        write("gen/DupsNothing", true);
        MemoryResult result = analyze(dir);
        assertFalse(result.bounded());
        // The class-file checks (ClassGuard) find the underflows as the classes are read; the interpreter stops there.
        assertEquals(List.of("the static initializer of gen.DupsNothing made a call to gen.DupsNothing.swapNothing could"
                + " not be followed to its end: code of gen.DupsNothing.swapNothing that cannot be interpreted (its bytecode"
                + " is invalid: stack underflow at instruction 1 (dup_x2)); the footprint counts what was built until then,"
                + " a lower bound; the totals of gen.DupsNothing.TABLE are lower bounds",
                "the static initializer of gen.PopsNothing could not be followed past its start (code of"
                + " gen.PopsNothing.<clinit> that cannot be interpreted (its bytecode is invalid: stack underflow at"
                + " instruction 3 (pop))); the footprint counts what it built until then, a lower bound"),
                result.findings().stream().map(MemoryFinding::message).sorted().toList());
    }

    @Test
    void aStaticFieldWithAMalformedDescriptorIsNoCrash() throws IOException {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/Damaged", null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_STATIC, "TABLE", "[", null, null).visitEnd();
        cw.visitEnd();
        Path file = dir.resolve("gen/Damaged.class");
        Files.createDirectories(file.getParent());
        Files.write(file, cw.toByteArray());
        MemoryResult result = analyze(dir);
        assertTrue(result.bounded());
        assertEquals(0, result.totalBytes());
    }

    private void write(String owner, boolean viaHelper) throws IOException {
        Path file = dir.resolve(owner + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, underflowClass(owner, viaHelper));
    }

    /**
     * {@code static int[] TABLE = new int[16];} then a {@code pop} of an empty stack, or a call to a helper
     * whose {@code dup_x2} finds one value on the stack: the JVM's verifier would reject both.
     */
    private static byte[] underflowClass(String owner, boolean viaHelper) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, owner, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_STATIC, "TABLE", "[I", null, null).visitEnd();
        MethodVisitor helper = cw.visitMethod(Opcodes.ACC_STATIC, "swapNothing", "()V", null, null);
        helper.visitCode();
        helper.visitInsn(Opcodes.ICONST_1);
        helper.visitInsn(Opcodes.DUP_X2);
        helper.visitInsn(Opcodes.RETURN);
        helper.visitMaxs(4, 0);
        helper.visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitIntInsn(Opcodes.BIPUSH, 16);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, owner, "TABLE", "[I");
        if (viaHelper) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "swapNothing", "()V", false);
        } else {
            mv.visitInsn(Opcodes.POP);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(4, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
