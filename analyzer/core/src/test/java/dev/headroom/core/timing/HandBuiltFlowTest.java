package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.RootTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Bytecode shapes javac does not emit, and loops named by header instruction index. */
class HandBuiltFlowTest {
    private static final String OWNER = "shapes/Flow";
    private static final String REAL_TIME = "Ldev/headroom/annotations/RealTime;";

    @TempDir
    Path inputs;

    @Test
    void irreducibleFlowIsUnboundedAtTheCycleAndNeverGuessed() throws IOException {
        ClassWriter cw = newClass();
        MethodVisitor m = root(cw, "twoEntries", "(I)V");
        Label first = new Label();
        Label second = new Label();
        line(m, 10);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFEQ, second); // enters the cycle in its middle...
        m.visitLabel(first);                   // ...or at its top
        line(m, 11);
        m.visitIincInsn(0, -1);
        m.visitLabel(second);
        line(m, 12);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFGT, first);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        write(cw);

        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.none())) {
            RootTiming timing = p.result().report().roots().get(0);
            assertFalse(timing.bounded());
            assertTrue(String.join(" ", timing.worstPath()).contains("irreducible"), timing.worstPath().toString());
            List<TimingFinding> findings = p.result().findings();
            assertEquals(1, findings.size(), findings.toString());
            assertEquals(Rule.UNBOUNDED_LOOP, findings.get(0).rule());
            assertTrue(findings.get(0).line() == 11 || findings.get(0).line() == 12, findings.toString());
        }
    }

    @Test
    void flowFactsNameALoopByItsHeaderInstruction() throws IOException {
        ClassWriter cw = newClass();
        MethodVisitor m = root(cw, "drain", "(I)I");
        Label head = new Label();
        Label exit = new Label();
        line(m, 20);
        m.visitInsn(Opcodes.ICONST_0);          // instruction 0
        m.visitVarInsn(Opcodes.ISTORE, 1);      // 1
        m.visitLabel(head);
        line(m, 21);
        m.visitVarInsn(Opcodes.ILOAD, 0);       // 2: the header
        m.visitJumpInsn(Opcodes.IFLE, exit);    // 3
        m.visitIincInsn(1, 1);                  // 4
        m.visitVarInsn(Opcodes.ILOAD, 0);       // 5
        m.visitInsn(Opcodes.ICONST_2);          // 6
        m.visitInsn(Opcodes.IDIV);              // 7: x /= 2, not a counted step
        m.visitVarInsn(Opcodes.ISTORE, 0);      // 8
        m.visitJumpInsn(Opcodes.GOTO, head);    // 9
        m.visitLabel(exit);
        line(m, 22);
        m.visitVarInsn(Opcodes.ILOAD, 1);       // 10
        m.visitInsn(Opcodes.IRETURN);           // 11
        m.visitMaxs(0, 0);
        write(cw);
        Path facts = Files.writeString(inputs.resolveSibling(inputs.getFileName() + "-facts.json"),
                "{\"loops\": [{\"class\": \"shapes.Flow\", \"method\": \"drain\", \"descriptor\": \"(I)I\", \"header\": 2,"
                        + " \"bound\": 31, \"reason\": \"halves a positive int\"}]}");

        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.load(facts))) {
            List<LoopBound> loops = p.analysis().loops(new MethodRef(OWNER, "drain", "(I)I"));
            assertEquals(1, loops.size());
            assertEquals(2, loops.get(0).header());
            assertEquals(21, loops.get(0).line());
            assertEquals(LoopBound.Source.FLOW_FACTS, loops.get(0).source());
            assertEquals(31, loops.get(0).bound());
            RootTiming timing = p.result().report().roots().get(0);
            assertTrue(timing.bounded());
            // 2 before the loop and 31 iterations of 8, then the longer of the exit (the header test, 2, and
            // 2 to return) and a 32nd pass through the body that ends in an exception (8): the bound
            // counts back edges, and any instruction may throw.
            assertEquals(2 + 31 * 8 + 8, timing.wcet());
        } finally {
            Files.delete(facts);
        }
        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.none())) {
            assertFalse(p.result().report().roots().get(0).bounded());
            assertEquals(21, p.result().findings().get(0).line());
        }
    }

    private static ClassWriter newClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, OWNER, null, "java/lang/Object", null);
        cw.visitSource("Flow.java", null);
        return cw;
    }

    private static MethodVisitor root(ClassWriter cw, String name, String descriptor) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, descriptor, null, null);
        m.visitAnnotation(REAL_TIME, false).visitEnd();
        m.visitCode();
        return m;
    }

    private static void line(MethodVisitor m, int line) {
        Label l = new Label();
        m.visitLabel(l);
        m.visitLineNumber(line, l);
    }

    private void write(ClassWriter cw) throws IOException {
        cw.visitEnd();
        Path file = inputs.resolve(OWNER + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, cw.toByteArray());
    }
}
