package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.ClassFileBytes;
import dev.headroom.core.testing.HandBuiltClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Method code that ASM parses but no verifier would accept, and class hierarchies that loop, put through
 * the whole analysis: each used to crash it (exit 4), hang it, or pass unnoticed. A method whose code
 * cannot be analysed is named once as an input problem with the reason, its callers get an
 * {@code unresolved-call}, and a root that reaches it (or is it) is unbounded.
 */
class InvalidBytecodeTest {
    private static final String REAL_TIME = "Ldev/headroom/annotations/RealTime;";
    private static final String OWNER = "shapes/Shapes";
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @TempDir
    Path inputs;
    @TempDir
    Path libraries;

    @Test
    void callOfMethodWithStackUnderflowIsUnresolvedAndItsRootUnbounded() throws IOException {
        writeCaller(m -> {
            m.visitInsn(Opcodes.POP);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(1, 0);
        }, null);

        assertBrokenCallee(analyze(), "stack underflow at instruction 0 (pop)");
    }

    @Test
    void jumpIntoTheMiddleOfAnInstructionIsNamedNotACrash() throws IOException {
        // ColdCode.reach: a jump target inside an instruction is a label ASM leaves out of the list.
        writeCaller(m -> {
            Label end = new Label();
            m.visitIntInsn(Opcodes.SIPUSH, 0x1234);
            m.visitInsn(Opcodes.POP);
            m.visitJumpInsn(Opcodes.GOTO, end);
            m.visitLabel(end);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(1, 0);
        }, b -> {
            int gotoAt = ClassFileBytes.find(b, 0x11, 0x12, 0x34, 0x57, 0xA7, 0x00, 0x03, 0xB1) + 4;
            ClassFileBytes.putU2(b, gotoAt + 1, 1); // into the goto's own offset bytes
        });

        assertBrokenCallee(analyze(), "a jump to no instruction");
    }

    @Test
    void exceptionHandlerInTheMiddleOfAnInstructionIsNamedNotACrash() throws IOException {
        // ColdCode.reach: an exception handler whose entry is inside an instruction.
        writeCaller(m -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            m.visitTryCatchBlock(start, end, handler, null);
            m.visitLabel(start);
            m.visitIntInsn(Opcodes.SIPUSH, 0x1234);
            m.visitInsn(Opcodes.POP);
            m.visitLabel(end);
            m.visitInsn(Opcodes.RETURN);
            m.visitLabel(handler);
            m.visitInsn(Opcodes.POP);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(1, 0);
        }, b -> {
            int table = ClassFileBytes.find(b, 0x11, 0x12, 0x34, 0x57, 0xB1, 0x57, 0xB1, 0x00, 0x01) + 9;
            assertEquals(5, ClassFileBytes.u2(b, table + 4), "the handler's offset");
            ClassFileBytes.putU2(b, table + 4, 2); // the middle of the sipush
        });

        assertBrokenCallee(analyze(), "an exception handler's range or entry is not on an instruction");
    }

    @Test
    void executionRunningOffTheEndOfTheCodeIsNamed() throws IOException {
        writeCaller(m -> {
            m.visitInsn(Opcodes.NOP);
            m.visitMaxs(0, 0);
        }, null);

        assertBrokenCallee(analyze(), "execution runs off the end of the code");
    }

    @Test
    void localBeyondMaxLocalsIsNamed() throws IOException {
        writeCaller(m -> {
            m.visitVarInsn(Opcodes.ILOAD, 5);
            m.visitInsn(Opcodes.POP);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(1, 1);
        }, null);

        assertBrokenCallee(analyze(), "local 5 beyond max locals 1");
    }

    @Test
    void malformedDescriptorOfACallIsNamedNotACrash() throws IOException {
        // MethodScanner.statusResultIgnored: Type.getReturnType threw on "()Q".
        writeCaller(m -> {
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "shapes/Other", "run", "()Q", false);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(1, 0);
        }, null);

        assertBrokenCallee(analyze(), "a call has an invalid descriptor");
    }

    @Test
    void zeroedClassOfACallIsNamedNotACrash() throws IOException {
        // MethodScanner.invokeSite: the call's owner read as null.
        writeCaller(m -> {
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "shapes/Zeroed", "run", "()V", false);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
        }, b -> assertEquals(1, ClassFileBytes.zeroReferences(b, 7, "shapes/Zeroed")));

        assertBrokenCallee(analyze(), "a call names an invalid class");
    }

    @Test
    void zeroedNameOfACallIsNamedNotACrash() throws IOException {
        // MethodRef.<init>: the called method's name read as null.
        writeCaller(m -> {
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "shapes/Other", "zeroedName", "()V", false);
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
        }, b -> assertEquals(1, ClassFileBytes.zeroReferences(b, 12, "zeroedName")));

        assertBrokenCallee(analyze(), "a call names an invalid method name");
    }

    @Test
    void rootWhoseOwnCodeIsInvalidIsUnboundedAndNamed() throws IOException {
        ClassNode c = newClass(OWNER, "java/lang/Object");
        MethodNode root = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "tick", "()V", REAL_TIME);
        root.visitInsn(Opcodes.POP);
        root.visitInsn(Opcodes.RETURN);
        root.visitMaxs(1, 0);
        Path file = write(inputs, c, null);

        AnalysisResult result = analyze();
        assertEquals(1, result.roots().size(), "the root is still a root");
        assertProblem(result, file, "method tick()V: stack underflow");
        RootTiming timing = result.timing().roots().get(0);
        assertFalse(timing.bounded(), "a root whose code cannot be analysed has no bound");
        assertTrue(unboundedReason(timing).contains("invalid"), unboundedReason(timing));
    }

    @Test
    void staticInitializerWithInvalidCodeLeavesTheFootprintUnbounded() throws IOException {
        // Its code dropped, the interpreter would have found nothing stored: a bounded total far below the truth.
        ClassNode c = newClass(OWNER, "java/lang/Object");
        c.fields.add(new FieldNode(Opcodes.ACC_STATIC, "cache", "[Ljava/lang/Object;", null, null));
        MethodNode clinit = method(c, Opcodes.ACC_STATIC, "<clinit>", "()V", null);
        clinit.visitLdcInsn(1_000_000);
        clinit.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, OWNER, "cache", "[Ljava/lang/Object;");
        clinit.visitInsn(Opcodes.POP);
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(1, 0);
        MethodNode root = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "tick", "()V", REAL_TIME);
        root.visitInsn(Opcodes.RETURN);
        root.visitMaxs(0, 0);
        Path file = write(inputs, c, null);

        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(inputs).ramBudget(1 << 20).build(),
                AnalysisListener.SILENT);
        assertProblem(result, file, "method <clinit>()V: stack underflow");
        assertFalse(result.memory().bounded(), "the footprint is a lower bound");
        assertTrue(result.memory().items().stream().anyMatch(i -> i.field().equals("shapes.Shapes.cache")
                && i.detail().equals("not computed")), "the field is listed as not computed: " + result.memory().items());
        assertTrue(result.findings().stream().anyMatch(f -> f.rule() == Rule.UNBOUNDED_STATIC
                && f.message().contains("invalid")), "unbounded-static names why: " + result.findings());
    }

    @Test
    void subroutineOfAnOldClassFileIsValid() throws IOException {
        // A jsr's next instruction runs after the subroutine's ret, at the height from before the jsr.
        ClassNode c = newClass(OWNER, "java/lang/Object");
        c.version = Opcodes.V1_4;
        MethodNode root = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "tick", "()V", REAL_TIME);
        Label after = new Label();
        Label subroutine = new Label();
        root.visitInsn(Opcodes.ICONST_0);
        root.visitJumpInsn(Opcodes.IFEQ, after);
        root.visitJumpInsn(Opcodes.JSR, subroutine);
        root.visitLabel(after);
        root.visitInsn(Opcodes.RETURN);
        root.visitLabel(subroutine);
        root.visitVarInsn(Opcodes.ASTORE, 0);
        root.visitVarInsn(Opcodes.RET, 0);
        root.visitMaxs(1, 1);
        write(inputs, c, null);

        AnalysisResult result = analyze();
        assertEquals(List.of(), result.inputProblems(), "nothing skipped");
        assertEquals(1, result.roots().size());
    }

    @Test
    void cyclicSuperClassesOfTheInputsAreNamedNotAHang() throws IOException {
        // Hierarchy.resolve followed A -> B -> A for ever looking for a method neither declares.
        Path a = write(inputs, newClass("shapes/A", "shapes/B"), null);
        Path b = write(inputs, newClass("shapes/B", "shapes/A"), null);
        writeRootCalling("shapes/A");

        AnalysisResult result = assertTimeoutPreemptively(NO_HANG, this::analyze);
        assertProblem(result, a, "shapes.A -> shapes.B -> shapes.A");
        assertProblem(result, b, "shapes.B -> shapes.A -> shapes.B");
        assertUnresolvedCallTo(result, "shapes.A");
    }

    @Test
    void cyclicHierarchyOnTheClasspathIsNamedNotAHang() throws IOException {
        Path self = write(libraries, newClass("lib/Self", "lib/Self"), null);
        ClassNode loop = newClass("lib/Loop", "java/lang/Object");
        loop.access |= Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT;
        loop.interfaces.add("lib/Around");
        ClassNode around = newClass("lib/Around", "java/lang/Object");
        around.access |= Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT;
        around.interfaces.add("lib/Loop");
        Path loopFile = write(libraries, loop, null);
        write(libraries, around, null);
        writeRootCalling("lib/Self", "lib/Loop");

        AnalysisResult result = assertTimeoutPreemptively(NO_HANG, () -> Headroom.analyze(AnalysisConfig.builder()
                .addInput(inputs).addClasspath(libraries).build(), AnalysisListener.SILENT));
        assertProblem(result, self, "lib.Self -> lib.Self");
        assertProblem(result, loopFile, "lib.Loop -> lib.Around -> lib.Loop");
        assertUnresolvedCallTo(result, "lib.Self");
        assertUnresolvedCallTo(result, "lib.Loop");
    }

    /**
     * A root {@code tick} that calls {@code broken()V} of the same class, built by {@code code} and then
     * patched in the class file by {@code patch}.
     */
    private void writeCaller(Consumer<MethodNode> code, Consumer<byte[]> patch) throws IOException {
        ClassNode c = newClass(OWNER, "java/lang/Object");
        MethodNode root = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "tick", "()V", REAL_TIME);
        Label line = new Label();
        root.visitLabel(line);
        root.visitLineNumber(10, line);
        root.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "broken", "()V", false);
        root.visitInsn(Opcodes.RETURN);
        root.visitMaxs(0, 0);
        code.accept(method(c, Opcodes.ACC_STATIC, "broken", "()V", null));
        write(inputs, c, patch);
    }

    private void writeRootCalling(String... owners) throws IOException {
        ClassNode c = newClass(OWNER, "java/lang/Object");
        MethodNode root = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "tick", "()V", REAL_TIME);
        for (int i = 0; i < owners.length; i++) {
            String owner = owners[i];
            boolean itf = owner.equals("lib/Loop");
            Label line = new Label(); // one call a line: findings are reported once per line
            root.visitLabel(line);
            root.visitLineNumber(20 + i, line);
            root.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "missing", "()V", itf);
        }
        root.visitInsn(Opcodes.RETURN);
        root.visitMaxs(0, 0);
        write(inputs, c, null);
    }

    private void assertBrokenCallee(AnalysisResult result, String reason) {
        assertProblem(result, inputs.resolve(OWNER + ".class"), "method broken()V: " + reason);
        assertUnresolvedCallTo(result, "shapes.Shapes.broken()");
        RootTiming timing = result.timing().roots().get(0);
        assertFalse(timing.bounded(), "a root that reaches the method has no bound");
        assertTrue(unboundedReason(timing).contains("broken") && unboundedReason(timing).contains(reason),
                unboundedReason(timing));
    }

    private static void assertProblem(AnalysisResult result, Path file, String reason) {
        List<InputProblem> matching = result.inputProblems().stream()
                .filter(p -> Path.of(p.source()).equals(file)).toList();
        assertEquals(1, matching.size(), "one problem names " + file + ": " + result.inputProblems());
        assertTrue(matching.get(0).reason().contains(reason), "says why: " + matching.get(0).reason());
    }

    private static void assertUnresolvedCallTo(AnalysisResult result, String called) {
        List<Finding> unresolved = result.findings().stream()
                .filter(f -> f.rule() == Rule.UNRESOLVED_CALL && f.location().method().name().equals("tick")
                        && f.message().contains(called))
                .toList();
        assertEquals(1, unresolved.size(), "an unresolved call to " + called + " in the root: " + result.findings());
    }

    private static String unboundedReason(RootTiming timing) {
        return timing.worstPath().get(timing.worstPath().size() - 1);
    }

    private AnalysisResult analyze() {
        return Headroom.analyze(AnalysisConfig.builder().addInput(inputs).build(), AnalysisListener.SILENT);
    }

    private static ClassNode newClass(String name, String superName) {
        return HandBuiltClasses.newClass(name, superName, "Shapes.java");
    }

    private static MethodNode method(ClassNode c, int access, String name, String descriptor, String rootAnnotation) {
        return HandBuiltClasses.method(c, access, name, descriptor, rootAnnotation);
    }

    /** Written as given (no maximums computed), then patched. */
    private static Path write(Path dir, ClassNode c, Consumer<byte[]> patch) throws IOException {
        ClassWriter writer = new ClassWriter(0);
        c.accept(writer);
        byte[] bytes = writer.toByteArray();
        if (patch != null) {
            patch.accept(bytes);
        }
        Path file = dir.resolve(c.name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }
}
