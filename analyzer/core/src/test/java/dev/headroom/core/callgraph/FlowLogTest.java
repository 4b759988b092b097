package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * A {@link FlowLog} taken again must give the flow exactly what the scan gave it: the same steps in the same
 * order (the replay, recorded in turn, writes the same log) and so the same types at every call, field and
 * result; also after the log is written out and read back, as the cache will keep it. Method by method over JDK classes with handlers, switches, lambdas and casts, on code the flow pass
 * leaves to ASM's analyzer (a subroutine) and on code neither can follow (every value unknown).
 */
class FlowLogTest {
    private static final List<String> CLASSES = List.of("java/util/HashMap", "java/util/ArrayList", "java/lang/String",
            "java/util/concurrent/ConcurrentHashMap", "java/util/stream/ReferencePipeline", "java/util/regex/Pattern",
            "java/util/Formatter", "java/io/ObjectInputStream", "java/lang/invoke/MethodHandles$Lookup",
            "java/util/Collections");

    @TempDir
    Path emptyInput;

    @Test
    void replayGivesTheFlowWhatTheScanGaveIt() {
        List<String> mismatches = new ArrayList<>();
        int compared = JdkMethods.withCode(emptyInput, CLASSES,
                (hierarchy, owner, method) -> compare(hierarchy, new Hierarchy.Declared(owner, method), mismatches));
        assertTrue(compared > 700, "methods compared: " + compared);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " methods differ:\n  " + String.join("\n  ", mismatches));
        }
    }

    @Test
    void replaysWhatTheAnalyzerAndTheUnanalysableFallbackDid() {
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            LoadedClass owner = classes.find("java/lang/Object").orElseThrow();
            List<String> mismatches = new ArrayList<>();
            compare(hierarchy, new Hierarchy.Declared(owner, subroutine()), mismatches);
            compare(hierarchy, new Hierarchy.Declared(owner, storesPastItsLocals()), mismatches);
            assertEquals(List.of(), mismatches);
        }
    }

    private static void compare(Hierarchy hierarchy, Hierarchy.Declared d, List<String> mismatches) {
        MethodFacts facts = MethodScanner.scan(d.method(), AssertCode.of(d.owner(), false));
        ProgramFlow scanned = new ProgramFlow(hierarchy);
        FlowInterpreter.CallValues[] scannedCalls = scanned.scan(scanned, d, d.ref(), facts);

        ProgramFlow recorded = new ProgramFlow(hierarchy);
        FlowLog.Recorder recorder = new FlowLog.Recorder(recorded, recorded.of(d, d.ref()));
        FlowLog log = throughBytes(recorder.log(recorded.scan(recorder, d, d.ref(), facts)));

        ProgramFlow replayed = new ProgramFlow(hierarchy);
        FlowLog.Recorder again = new FlowLog.Recorder(replayed, replayed.of(d, d.ref()));
        FlowInterpreter.CallValues[] replayedCalls = log.replay(again, replayed.of(d, d.ref()));
        String where = d.owner().internalName() + "." + d.method().name + d.method().desc;
        if (!log.sameSteps(again.log(replayedCalls))) {
            mismatches.add(where + ": the replay took other steps than the scan (" + log.stepCount() + " recorded)");
            return;
        }
        String expected = FlowPassTest.describe(scanned, d, scannedCalls);
        String actual = FlowPassTest.describe(replayed, d, replayedCalls);
        if (!expected.equals(actual)) {
            mismatches.add(where + "\n    scan:   " + expected + "\n    replay: " + actual);
        }
    }

    /** The log written out and read back, as a cache keeps it. */
    private static FlowLog throughBytes(FlowLog log) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            log.writeTo(new DataOutputStream(bytes));
            FlowLog read = FlowLog.readFrom(new EntryInput(bytes.toByteArray()), s -> s);
            assertTrue(read.sameSteps(log), "the log read back differs from the one written");
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jsr and ret: the flow pass leaves it to ASM's analyzer, whose steps are recorded the same way. */
    private static MethodNode subroutine() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "old", "(Ljava/lang/Object;)Ljava/lang/Object;", null, null);
        Label sub = new Label();
        m.visitCode();
        m.visitJumpInsn(Opcodes.JSR, sub);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
                "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitLabel(sub);
        m.visitVarInsn(Opcodes.ASTORE, 1);
        m.visitVarInsn(Opcodes.RET, 1);
        m.visitMaxs(1, 2);
        return m;
    }

    /** A store past the method's locals: neither the pass nor the analyzer follows it, so every value is unknown. */
    private static MethodNode storesPastItsLocals() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "broken", "()Ljava/lang/Object;", null, null);
        m.visitCode();
        m.visitTypeInsn(Opcodes.NEW, "java/lang/Object");
        m.visitVarInsn(Opcodes.ASTORE, 5);
        m.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
        m.visitFieldInsn(Opcodes.PUTSTATIC, "java/lang/System", "err", "Ljava/io/PrintStream;");
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
                "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(1, 1);
        return m;
    }
}
