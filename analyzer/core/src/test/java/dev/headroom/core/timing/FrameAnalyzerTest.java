package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * {@link FrameAnalyzer} gives the frames ASM's analyzer gives, and fails where it fails: on every method of the JDK's
 * {@code java.lang}, {@code java.util} and {@code java.util.concurrent} packages (not their other subpackages), under the interpreters
 * the timing analysis runs (the constant interpreter, the parameters' provenance) and two of ASM's (the sources of
 * values, and its basic verifier), every value of every frame compared; and on hand-built code of the shapes the JDK
 * does not have (code that runs off its end, subroutines). All differences are listed together.
 */
class FrameAnalyzerTest {
    @Test
    void sameFramesAsAsmOnTheJdksCode() throws IOException {
        List<ClassNode> classes = new ArrayList<>(classesOf("lang"));
        classes.addAll(classesOf("util"));
        classes.addAll(classesOf("util", "concurrent"));
        List<String> problems = new ArrayList<>();
        int methods = 0;
        for (ClassNode c : classes) {
            for (MethodNode m : c.methods) {
                methods++;
                compare(c.name, m, () -> new ConstantInterpreter(ConstantInterpreter.FieldLengths.NONE), problems);
                compare(c.name, m, ParamProvenance::new, problems);
                compare(c.name, m, SourceInterpreter::new, problems);
                compare(c.name, m, BasicVerifier::new, problems);
            }
        }
        assertEquals(List.of(), problems, problems.size() + " differences");
        assertTrue(methods > 10_000, methods + " methods"); // enough code to mean something
    }

    @Test
    void codeThatRunsOffItsEndFailsAsInAsm() {
        // iconst_0; istore_0 and nothing after it
        MethodNode offTheEnd = method(Opcodes.ACC_STATIC, "()V", 2, 1,
                new InsnNode(Opcodes.ICONST_0), new VarInsnNode(Opcodes.ISTORE, 0));
        List<String> problems = new ArrayList<>();
        assertTrue(!compare("T", offTheEnd, BasicVerifier::new, problems), "it was analysed");

        // Runs off the end only through a handler: the handler's code has no return.
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        MethodNode throughHandler = method(Opcodes.ACC_STATIC, "()V", 1, 1,
                start, new InsnNode(Opcodes.ACONST_NULL), new InsnNode(Opcodes.ATHROW), end,
                handler, new VarInsnNode(Opcodes.ASTORE, 0));
        throughHandler.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        assertTrue(!compare("T", throughHandler, BasicVerifier::new, problems), "it was analysed");

        // No code at all.
        MethodNode empty = method(Opcodes.ACC_STATIC, "()V", 0, 0);
        assertTrue(!compare("T", empty, BasicVerifier::new, problems), "it was analysed");
        assertEquals(List.of(), problems);
    }

    @Test
    void subroutinesGoToAsmsAnalyzer() {
        // jsr sub; return; sub: astore_0; iconst_1; istore_1; ret 0 (Java 6 class files may hold this)
        LabelNode sub = new LabelNode();
        MethodNode withJsr = method(Opcodes.ACC_STATIC, "()V", 2, 1,
                new JumpInsnNode(Opcodes.JSR, sub), new InsnNode(Opcodes.RETURN),
                sub, new VarInsnNode(Opcodes.ASTORE, 0), new InsnNode(Opcodes.ICONST_1), new VarInsnNode(Opcodes.ISTORE, 1),
                new VarInsnNode(Opcodes.RET, 0));
        List<String> problems = new ArrayList<>();
        assertTrue(compare("T", withJsr, BasicVerifier::new, problems), "it was not analysed");
        assertTrue(compare("T", withJsr, SourceInterpreter::new, problems), "it was not analysed");
        assertEquals(List.of(), problems);
    }

    @Test
    void framesComeFromTheFactory() throws AnalyzerException {
        final class Marked extends Frame<BasicValue> {
            Marked(int locals, int stack) {
                super(locals, stack);
            }

            Marked(Frame<? extends BasicValue> frame) {
                super(frame);
            }
        }
        LabelNode loop = new LabelNode();
        MethodNode m = method(Opcodes.ACC_STATIC, "(I)V", 1, 1, loop, new VarInsnNode(Opcodes.ILOAD, 0),
                new JumpInsnNode(Opcodes.IFNE, loop), new InsnNode(Opcodes.RETURN));
        Frame<BasicValue>[] frames = FrameAnalyzer.analyze(new BasicVerifier(), new FrameAnalyzer.FrameFactory<>() {
            @Override
            public Frame<BasicValue> newFrame(int numLocals, int numStack) {
                return new Marked(numLocals, numStack);
            }

            @Override
            public Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new Marked(frame);
            }
        }, "T", m);
        for (Frame<BasicValue> f : frames) {
            assertInstanceOf(Marked.class, f);
        }
    }

    /**
     * Compares the two analyses of one method under fresh interpreters of one kind; a problem when they differ in
     * whether they fail or in any frame. Returns whether ASM's analyzer succeeded.
     */
    private static <V extends Value> boolean compare(String owner, MethodNode m, Supplier<Interpreter<V>> interpreters,
                                                     List<String> problems) {
        String where = owner + "." + m.name + m.desc + " under " + interpreters.get().getClass().getSimpleName();
        Frame<V>[] expected;
        Frame<V>[] actual;
        try {
            expected = new Analyzer<>(interpreters.get()).analyze(owner, m);
        } catch (AnalyzerException | RuntimeException e) {
            expected = null;
        }
        try {
            actual = FrameAnalyzer.analyze(interpreters.get(), owner, m);
        } catch (AnalyzerException | RuntimeException e) {
            actual = null;
        }
        if ((expected == null) != (actual == null)) {
            problems.add(where + ": " + (expected == null ? "only ASM's analyzer failed" : "only this analyzer failed"));
            return expected != null;
        }
        if (expected == null) {
            return false;
        }
        if (expected.length != actual.length) {
            problems.add(where + ": " + expected.length + " frames against " + actual.length);
            return true;
        }
        for (int i = 0; i < expected.length; i++) {
            String difference = difference(expected[i], actual[i]);
            if (difference != null) {
                problems.add(where + " at instruction " + i + ": " + difference);
            }
        }
        return true;
    }

    private static <V extends Value> String difference(Frame<V> expected, Frame<V> actual) {
        if (expected == null || actual == null) {
            return expected == actual ? null : (expected == null ? "reached only here" : "reached only by ASM's");
        }
        if (expected.getLocals() != actual.getLocals() || expected.getStackSize() != actual.getStackSize()) {
            return "shape " + expected.getLocals() + "/" + expected.getStackSize() + " against " + actual.getLocals()
                   + "/" + actual.getStackSize();
        }
        for (int l = 0; l < expected.getLocals(); l++) {
            if (!Objects.equals(expected.getLocal(l), actual.getLocal(l))) {
                return "local " + l + ": " + expected.getLocal(l) + " against " + actual.getLocal(l);
            }
        }
        for (int s = 0; s < expected.getStackSize(); s++) {
            if (!Objects.equals(expected.getStack(s), actual.getStack(s))) {
                return "stack " + s + ": " + expected.getStack(s) + " against " + actual.getStack(s);
            }
        }
        return null;
    }

    private static MethodNode method(int access, String desc, int maxLocals, int maxStack,
                                     org.objectweb.asm.tree.AbstractInsnNode... code) {
        MethodNode m = new MethodNode(access, "m", desc, null, null);
        for (org.objectweb.asm.tree.AbstractInsnNode insn : code) {
            m.instructions.add(insn);
        }
        m.maxLocals = maxLocals;
        m.maxStack = maxStack;
        return m;
    }

    private static List<ClassNode> classesOf(String... javaPackage) throws IOException {
        Path dir = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", "java.base", "java");
        for (String name : javaPackage) {
            dir = dir.resolve(name);
        }
        List<ClassNode> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassNode node = new ClassNode();
                    new ClassReader(in).accept(node, 0);
                    classes.add(node);
                }
            }
        }
        return classes;
    }
}
