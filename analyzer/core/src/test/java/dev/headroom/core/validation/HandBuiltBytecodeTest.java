package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.classpath.AsmApi;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.testing.HandBuiltClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Bytecode shapes javac does not emit, built with ASM and analysed as class files: each test names the
 * lines it emits and asserts rule, line and severity of what is found there.
 */
class HandBuiltBytecodeTest {
    private static final String REAL_TIME = "Ldev/headroom/annotations/RealTime;";
    private static final String INTERRUPT = "Ldev/headroom/annotations/InterruptHandler;";
    private static final String OWNER = "shapes/Shapes";
    private static final String SOURCE = "Shapes.java";

    @TempDir
    Path inputs;

    /** A finding reduced to what these tests assert on. */
    private record Seen(String method, int line, Rule rule, Severity severity, boolean cold) {
        @Override
        public String toString() {
            return method + ":" + line + " " + rule.id() + "/" + severity.id() + (cold ? " (cold)" : "");
        }
    }

    @Test
    void reportsMonitorEnterWithoutExceptionTable() throws IOException {
        ClassNode c = newClass(OWNER);
        for (String[] root : new String[][] {{"onTick", REAL_TIME}, {"onInterrupt", INTERRUPT}}) {
            int base = root[0].equals("onTick") ? 10 : 20;
            MethodNode m = method(c, Opcodes.ACC_PUBLIC, root[0], "()V", root[1]);
            line(m, base);
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitInsn(Opcodes.MONITORENTER);
            line(m, base + 1);
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitInsn(Opcodes.MONITOREXIT);
            m.visitInsn(Opcodes.RETURN);
        }
        write(c);

        assertEquals(List.of(
                        new Seen("onTick", 10, Rule.BLOCKING_CALL, Severity.WARNING, false),
                        new Seen("onInterrupt", 20, Rule.BLOCKING_CALL, Severity.ERROR, false)),
                seen(analyze()), "a monitorenter is a blocking call whatever the exception table looks like");
    }

    @Test
    void allocationThatReachesAthrowThroughGotoIsCold() throws IOException {
        ClassNode c = newClass(OWNER);
        MethodNode m = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "check", "(I)V", REAL_TIME);
        Label ok = new Label();
        Label raise = new Label();
        line(m, 30);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFGE, ok);
        line(m, 31);
        m.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        m.visitInsn(Opcodes.DUP);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        m.visitJumpInsn(Opcodes.GOTO, raise);
        m.visitLabel(ok);
        m.visitLineNumber(32, ok);
        m.visitInsn(Opcodes.RETURN);
        m.visitLabel(raise);
        m.visitLineNumber(33, raise);
        m.visitInsn(Opcodes.ATHROW);
        write(c);

        List<Seen> seen = seen(analyze());
        assertEquals(List.of(new Seen("check", 31, Rule.HEAP_ALLOCATION, Severity.WARNING, true)),
                only(seen, Rule.HEAP_ALLOCATION), "the exception built before the goto to athrow is on a cold path");
        assertTrue(seen.stream().allMatch(Seen::cold), "nothing on the normal path of check: " + seen);
    }

    @Test
    void deadCodeIsNotAFinding() throws IOException {
        ClassNode c = newClass(OWNER);
        MethodNode m = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "early", "()V", REAL_TIME);
        line(m, 110);
        m.visitInsn(Opcodes.RETURN);
        line(m, 111);
        m.visitIntInsn(Opcodes.BIPUSH, 8);
        m.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.RETURN);
        write(c);

        AnalysisResult result = analyze();
        assertEquals(1, result.roots().size());
        assertEquals(List.of(), seen(result), "an allocation no path reaches is not a finding");
    }

    @Test
    void handlerThatJumpsBackRecoversAndIsHot() throws IOException {
        ClassNode c = newClass(OWNER);
        c.fields.add(new FieldNode(Opcodes.ACC_STATIC, "buffer", "[I", null, null));
        c.fields.add(new FieldNode(Opcodes.ACC_STATIC, "spare", "[I", null, null));
        MethodNode mayFail = method(c, Opcodes.ACC_STATIC, "mayFail", "()V", null);
        line(mayFail, 60);
        mayFail.visitInsn(Opcodes.RETURN);

        // try { mayFail(); } catch (RuntimeException e) { spare = new int[8]; goto merge; }  merge: buffer = new int[4];
        // laid out with the merge point before the handler, so the handler jumps backwards into it.
        MethodNode m = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "recover", "()V", REAL_TIME);
        Label start = new Label();
        Label end = new Label();
        Label merge = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
        m.visitLabel(start);
        m.visitLineNumber(40, start);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "mayFail", "()V", false);
        m.visitLabel(end);
        m.visitLabel(merge);
        m.visitLineNumber(42, merge);
        m.visitIntInsn(Opcodes.BIPUSH, 4);
        m.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        m.visitFieldInsn(Opcodes.PUTSTATIC, OWNER, "buffer", "[I");
        m.visitInsn(Opcodes.RETURN);
        m.visitLabel(handler);
        m.visitLineNumber(41, handler);
        m.visitInsn(Opcodes.POP);
        m.visitIntInsn(Opcodes.BIPUSH, 8);
        m.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        m.visitFieldInsn(Opcodes.PUTSTATIC, OWNER, "spare", "[I");
        m.visitJumpInsn(Opcodes.GOTO, merge);

        // The same with a retry: the handler allocates and jumps back to the start of the try range.
        MethodNode retry = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "retry", "()V", REAL_TIME);
        Label again = new Label();
        Label tried = new Label();
        Label onError = new Label();
        retry.visitTryCatchBlock(again, tried, onError, "java/lang/RuntimeException");
        retry.visitLabel(again);
        retry.visitLineNumber(50, again);
        retry.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "mayFail", "()V", false);
        retry.visitLabel(tried);
        retry.visitLineNumber(51, tried);
        retry.visitIntInsn(Opcodes.BIPUSH, 2);
        retry.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        retry.visitFieldInsn(Opcodes.PUTSTATIC, OWNER, "buffer", "[I");
        retry.visitInsn(Opcodes.RETURN);
        retry.visitLabel(onError);
        retry.visitLineNumber(52, onError);
        retry.visitInsn(Opcodes.POP);
        retry.visitIntInsn(Opcodes.BIPUSH, 3);
        retry.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        retry.visitFieldInsn(Opcodes.PUTSTATIC, OWNER, "spare", "[I");
        retry.visitJumpInsn(Opcodes.GOTO, again);
        write(c);

        assertEquals(List.of(
                        // the handler lets the method go on: it recovers, so it is hot
                        new Seen("recover", 41, Rule.HEAP_ALLOCATION, Severity.ERROR, false),
                        new Seen("recover", 42, Rule.HEAP_ALLOCATION, Severity.ERROR, false),
                        // the handler's jump back makes a retry loop that nothing bounds
                        new Seen("retry", 50, Rule.UNBOUNDED_LOOP, Severity.ERROR, false),
                        new Seen("retry", 51, Rule.HEAP_ALLOCATION, Severity.ERROR, false),
                        new Seen("retry", 52, Rule.HEAP_ALLOCATION, Severity.ERROR, false)),
                seen(analyze()));
    }

    @Test
    void invokedynamicWithUnknownBootstrapIsUnresolved() throws IOException {
        ClassNode c = newClass(OWNER);
        String bootstrapDescriptor = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                + "Ljava/lang/invoke/CallSite;";
        MethodNode bootstrap = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "bootstrap", bootstrapDescriptor, null);
        line(bootstrap, 80);
        bootstrap.visitInsn(Opcodes.ACONST_NULL);
        bootstrap.visitInsn(Opcodes.ARETURN);
        MethodNode m = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "dynamic", "()V", REAL_TIME);
        line(m, 70);
        m.visitInvokeDynamicInsn("make", "()Ljava/lang/Object;",
                new Handle(Opcodes.H_INVOKESTATIC, OWNER, "bootstrap", bootstrapDescriptor, false));
        m.visitInsn(Opcodes.POP);
        line(m, 71);
        m.visitInsn(Opcodes.RETURN);
        write(c);

        AnalysisResult result = analyze();
        assertEquals(List.of(new Seen("dynamic", 70, Rule.UNRESOLVED_CALL, Severity.WARNING, false)), seen(result));
        String message = result.findings().get(0).message();
        assertTrue(message.contains(OWNER.replace('/', '.') + "#bootstrap"), "names the bootstrap method: " + message);
    }

    @Test
    void callToClassMissingFromTheClasspathIsUnresolved() throws IOException {
        ClassNode c = newClass(OWNER);
        MethodNode m = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "callOut", "()V", REAL_TIME);
        line(m, 90);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "com/acme/Missing", "go", "()V", false);
        line(m, 91);
        m.visitInsn(Opcodes.RETURN);
        write(c);

        AnalysisResult result = analyze();
        assertEquals(List.of(new Seen("callOut", 90, Rule.UNRESOLVED_CALL, Severity.WARNING, false)), seen(result));
        String message = result.findings().get(0).message();
        assertTrue(message.contains("com.acme.Missing"), "names the missing class: " + message);
    }

    @Test
    void classFileOfUnsupportedVersionIsAnInputProblemAndTheRestIsAnalysed() throws IOException {
        writeAllocatingRoot();
        ClassNode future = newClass("shapes/Future");
        future.version = 99;
        Path file = write(future);

        AnalysisResult result = analyze();
        assertAllocatingRootAnalysed(result);
        InputProblem problem = problemFor(result, file);
        assertTrue(problem.reason().contains("99"), "names the version: " + problem.reason());
        assertTrue(problem.reason().contains(AsmApi.supportedRange()), "names the supported range: " + problem.reason());
    }

    @Test
    void truncatedClassFileIsAnInputProblemAndTheRestIsAnalysed() throws IOException {
        writeAllocatingRoot();
        byte[] whole = bytes(newClass("shapes/Broken"));
        Path file = inputs.resolve("shapes/Broken.class");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        Path tiny = inputs.resolve("shapes/Tiny.class");
        Files.write(tiny, Arrays.copyOf(whole, 6));

        AnalysisResult result = analyze();
        assertAllocatingRootAnalysed(result);
        for (Path p : List.of(file, tiny)) {
            InputProblem problem = problemFor(result, p);
            assertTrue(problem.reason().contains("truncated"), "says why: " + problem.reason());
        }
    }

    private void writeAllocatingRoot() throws IOException {
        ClassNode c = newClass(OWNER);
        MethodNode m = method(c, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "allocate", "()Ljava/lang/Object;", REAL_TIME);
        line(m, 100);
        m.visitIntInsn(Opcodes.BIPUSH, 16);
        m.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_BYTE);
        m.visitInsn(Opcodes.ARETURN);
        write(c);
    }

    private static void assertAllocatingRootAnalysed(AnalysisResult result) {
        assertEquals(1, result.roots().size(), "the valid class's root is found");
        assertEquals(List.of(new Seen("allocate", 100, Rule.HEAP_ALLOCATION, Severity.ERROR, false)), seen(result),
                "the valid class is analysed");
    }

    private static InputProblem problemFor(AnalysisResult result, Path file) {
        List<InputProblem> matching = result.inputProblems().stream()
                .filter(p -> Path.of(p.source()).equals(file))
                .toList();
        assertEquals(1, matching.size(), "one problem names " + file + ": " + result.inputProblems());
        assertFalse(matching.get(0).reason().isBlank());
        return matching.get(0);
    }

    private AnalysisResult analyze() {
        return Headroom.analyze(AnalysisConfig.builder().addInput(inputs).build(), AnalysisListener.SILENT);
    }

    private static List<Seen> seen(AnalysisResult result) {
        return result.findings().stream()
                .map(f -> new Seen(f.location().method().name(), f.location().line(), f.rule(), f.severity(), f.coldPath()))
                .collect(Collectors.toList());
    }

    private static List<Seen> only(List<Seen> seen, Rule rule) {
        return seen.stream().filter(s -> s.rule() == rule).toList();
    }

    private static ClassNode newClass(String name) {
        return HandBuiltClasses.newClass(name, "java/lang/Object", SOURCE);
    }

    private static MethodNode method(ClassNode c, int access, String name, String descriptor, String rootAnnotation) {
        return HandBuiltClasses.method(c, access, name, descriptor, rootAnnotation);
    }

    private static void line(MethodNode m, int line) {
        Label here = new Label();
        m.visitLabel(here);
        m.visitLineNumber(line, here);
    }

    private static byte[] bytes(ClassNode c) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        c.accept(writer);
        return writer.toByteArray();
    }

    private Path write(ClassNode c) throws IOException {
        Path file = inputs.resolve(c.name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(c));
        return file;
    }
}
