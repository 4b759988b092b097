package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
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

/**
 * Bytecode shapes javac does not emit, loops named by header instruction index, and the IPET's encoding: early
 * exits, totals, exclusive blocks, and facts that cannot hold or match nothing.
 */
class HandBuiltFlowTest {
    private static final String OWNER = "shapes/Flow";
    private static final String REAL_TIME = "Ldev/headroom/annotations/RealTime;";

    @TempDir
    Path inputs;

    @Test
    void irreducibleFlowIsUnboundedAtTheCycleAndNeverGuessed() throws IOException {
        writeTwoEntryCycle();

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
        writeHalvingLoop();
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

    @Test
    void anEarlyExitIsChargedInOneOfTheCountedPassesNotAnExtraOne() throws IOException {
        writeEarlyExitLoop();

        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.none())) {
            RootTiming timing = p.result().report().roots().get(0);
            // The test passes at most 10 times, so a return from the body comes in one of those passes:
            // 10 full passes and the failing test (2 + 10 * 8 + 3 + 2 = 87) cost more than 9 and a return
            // (2 + 9 * 8 + 3 + 3 + 2 = 82). The longest path charged the return after 10 full passes: 90.
            assertEquals(87, timing.wcet());
            assertEquals(List.of("shapes.Flow.find(int)", "loop at Flow.java:31 x 10"), timing.worstPath());
        }
    }

    @Test
    void aTotalBoundsALoopPerCallAndAloneBoundsItPerEntry() throws IOException {
        writeHalvingLoop();
        Path facts = facts("{\"version\": 2, \"loops\": [{\"class\": \"shapes.Flow\", \"method\": \"drain\","
                + " \"descriptor\": \"(I)I\", \"line\": 21, \"total\": 7, \"reason\": \"r\"}]}");
        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.load(facts))) {
            List<LoopBound> loops = p.analysis().loops(new MethodRef(OWNER, "drain", "(I)I"));
            assertEquals(7, loops.get(0).bound());
            assertEquals(2 + 7 * 8 + 8, p.result().report().roots().get(0).wcet());
        }
    }

    @Test
    void factsCannotBoundIrreducibleFlow() throws IOException {
        writeTwoEntryCycle();
        Path facts = facts("{\"version\": 2, \"blocks\": [" + block("twoEntries", "(I)V", 11, 3) + ", "
                + block("twoEntries", "(I)V", 12, 3) + "]}");
        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.load(facts))) {
            RootTiming timing = p.result().report().roots().get(0);
            assertFalse(timing.bounded());
            assertTrue(String.join(" ", timing.worstPath()).contains("irreducible"), timing.worstPath().toString());
        }
    }

    @Test
    void exclusiveBranchesAreChargedTheDearerAlone() throws IOException {
        ClassWriter cw = newClass();
        MethodVisitor m = root(cw, "either", "(I)I");
        Label skipFirst = new Label();
        Label skipSecond = new Label();
        line(m, 40);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 1);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFGE, skipFirst);          // 4
        increments(m, 41, 10);                             // 10
        m.visitLabel(skipFirst);
        line(m, 42);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFLT, skipSecond);         // 2
        increments(m, 43, 8);                              // 8
        m.visitLabel(skipSecond);
        line(m, 44);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitInsn(Opcodes.IRETURN);                      // 2
        m.visitMaxs(0, 0);
        write(cw);

        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.none())) {
            assertEquals(4 + 10 + 2 + 8 + 2, p.result().report().roots().get(0).wcet());
        }
        Path facts = facts("{\"version\": 2, \"exclusive\": [{\"class\": \"shapes.Flow\", \"method\": \"either\","
                + " \"descriptor\": \"(I)I\", \"lines\": [41, 43], \"reason\": \"x < 0 and x >= 0\"}]}");
        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.load(facts))) {
            assertEquals(4 + 10 + 2 + 2, p.result().report().roots().get(0).wcet());
        }
    }

    @Test
    void factsThatNoRunSatisfiesOrThatMatchNothingAreErrorsNamingTheEntry() throws IOException {
        writeEarlyExitLoop();
        // Every run starts on line 30 (a run may end anywhere, by an exception, so only the entry is certain)
        Path never = facts("{\"version\": 2, \"blocks\": [" + block("find", "(I)I", 30, 0) + "]}");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.load(never)).close());
        assertEquals("facts.json blocks entry 1: contradicts the control flow of shapes.Flow.find(int): with it,"
                + " no run of the method is possible", e.getMessage());

        Path stale = facts("{\"version\": 2, \"blocks\": [" + block("find", "(I)I", 35, 1) + "]}");
        e = assertThrows(ConfigurationException.class,
                () -> TimingPrograms.analyzeInputs(inputs, CostModels.load("unit"), FlowFacts.load(stale)).close());
        assertEquals("flow facts: blocks entry 1 (shapes.Flow#find(I)I): matches nothing: the method has no reachable"
                + " code on line 35", e.getMessage());
    }

    /** {@code count} increments of local 1 on a line of their own. */
    private static void increments(MethodVisitor m, int line, int count) {
        line(m, line);
        for (int k = 0; k < count; k++) {
            m.visitIincInsn(1, 3);
        }
    }

    private static String block(String method, String descriptor, int line, int count) {
        return "{\"class\": \"shapes.Flow\", \"method\": \"" + method + "\", \"descriptor\": \"" + descriptor
                + "\", \"line\": " + line + ", \"count\": " + count + ", \"reason\": \"r\"}";
    }

    /** A flow-facts file beside the inputs (not in them). */
    private Path facts(String json) throws IOException {
        Path dir = Files.createDirectories(inputs.resolveSibling(inputs.getFileName() + "-facts"));
        return Files.writeString(dir.resolve("facts.json"), json);
    }

    /** {@code find(I)I}: a loop counted to 10 at its header (line 31) with a return from its body (line 33). */
    private void writeEarlyExitLoop() throws IOException {
        ClassWriter cw = newClass();
        MethodVisitor m = root(cw, "find", "(I)I");
        Label head = new Label();
        Label found = new Label();
        Label exit = new Label();
        line(m, 30);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 1);                 // i = 0: 2
        m.visitLabel(head);
        line(m, 31);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitIntInsn(Opcodes.BIPUSH, 10);
        m.visitJumpInsn(Opcodes.IF_ICMPGE, exit);          // the counted test, at the header: 3
        line(m, 32);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitJumpInsn(Opcodes.IF_ICMPEQ, found);         // the early exit: 3
        m.visitIincInsn(1, 1);
        m.visitJumpInsn(Opcodes.GOTO, head);               // 2
        m.visitLabel(found);
        line(m, 33);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitInsn(Opcodes.IRETURN);                      // 2
        m.visitLabel(exit);
        line(m, 34);
        m.visitInsn(Opcodes.ICONST_M1);
        m.visitInsn(Opcodes.IRETURN);                      // 2
        m.visitMaxs(0, 0);
        write(cw);
    }

    /** {@code twoEntries(I)V}: a cycle on lines 11 and 12 entered at either line (irreducible). */
    private void writeTwoEntryCycle() throws IOException {
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
    }

    /** {@code drain(I)I}: a loop on line 21 that halves its argument (no counter), header at instruction 2. */
    private void writeHalvingLoop() throws IOException {
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
