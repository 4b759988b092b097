package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@link FlowPass} must give every call's arguments and result, every field and every result the same types
 * as ASM's analyzer with {@link FlowInterpreter}, which it replaces because every method of the program is
 * scanned. Compared method by method, each in a fresh flow, over JDK classes full of branches, handlers,
 * loops, long and double shuffles, switches and lambdas; and on hand-built stack shapes javac rarely emits.
 */
class FlowPassTest {
    private static final List<String> CLASSES = List.of("java/util/HashMap", "java/util/TreeMap", "java/util/ArrayList",
            "java/lang/String", "java/lang/Long", "java/lang/Double", "java/util/concurrent/ConcurrentHashMap",
            "java/util/stream/ReferencePipeline", "java/util/regex/Pattern", "java/math/BigDecimal",
            "java/util/Formatter", "java/io/ObjectInputStream", "java/lang/invoke/MethodHandles$Lookup");

    @TempDir
    Path emptyInput;

    @Test
    void givesTheTypesAsmsAnalyzerGivesOnJdkClasses() {
        List<String> mismatches = new ArrayList<>();
        int compared = JdkMethods.withCode(emptyInput, CLASSES,
                (hierarchy, owner, method) -> compare(hierarchy, owner, method, mismatches));
        assertTrue(compared > 1000, "methods compared: " + compared);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " methods differ:\n  " + String.join("\n  ", mismatches));
        }
    }

    /** Every form of the JVM's stack shuffles (JVMS 6.5): the stack before, bottom first, and after. A-D are references, L a long. */
    private static final List<Object[]> SHUFFLES = List.of(
            new Object[] {Opcodes.SWAP, "AB", "BA"},
            new Object[] {Opcodes.DUP_X1, "AB", "BAB"},
            new Object[] {Opcodes.DUP_X2, "ABC", "CABC"},
            new Object[] {Opcodes.DUP_X2, "LA", "ALA"},
            new Object[] {Opcodes.DUP2, "AB", "ABAB"},
            new Object[] {Opcodes.DUP2, "L", "LL"},
            new Object[] {Opcodes.DUP2_X1, "ABC", "BCABC"},
            new Object[] {Opcodes.DUP2_X1, "AL", "LAL"},
            new Object[] {Opcodes.DUP2_X2, "ABCD", "CDABCD"},
            new Object[] {Opcodes.DUP2_X2, "ABL", "LABL"},
            new Object[] {Opcodes.DUP2_X2, "LAB", "ABLAB"},
            new Object[] {Opcodes.DUP2_X2, "LL", "LLL"});

    @Test
    void followsEveryFormOfTheStackShufflesAsTheAnalyzerDoes() {
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            LoadedClass owner = classes.find("java/lang/Object").orElseThrow();
            List<String> mismatches = new ArrayList<>();
            for (Object[] shuffle : SHUFFLES) {
                compare(hierarchy, owner, shuffle((Integer) shuffle[0], (String) shuffle[1], (String) shuffle[2]), mismatches);
            }
            assertEquals(List.of(), mismatches);
        }
    }

    /** Pushes the values, shuffles them, then passes each reference left to a call of its own (a long is popped). */
    private static MethodNode shuffle(int op, String before, String after) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "shuffle" + op + before, "()V", null, null);
        m.visitCode();
        for (char value : before.toCharArray()) {
            switch (value) {
                case 'A' -> m.visitLdcInsn("a");
                case 'B' -> newObject(m, "java/lang/Object");
                case 'C' -> newObject(m, "java/lang/StringBuilder");
                case 'D' -> newObject(m, "java/lang/Thread");
                default -> m.visitInsn(Opcodes.LCONST_1);
            }
        }
        m.visitInsn(op);
        for (int i = after.length() - 1; i >= 0; i--) {
            if (after.charAt(i) == 'L') {
                m.visitInsn(Opcodes.POP2);
            } else {
                m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
                        "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                m.visitInsn(Opcodes.POP);
            }
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(16, 0);
        return m;
    }

    @Test
    void leavesSubroutinesToTheAnalyzer() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "old", "()V", null, null);
        Label sub = new Label();
        m.visitCode();
        m.visitJumpInsn(Opcodes.JSR, sub);
        m.visitInsn(Opcodes.RETURN);
        m.visitLabel(sub);
        m.visitVarInsn(Opcodes.ASTORE, 0);
        m.visitVarInsn(Opcodes.RET, 0);
        m.visitMaxs(1, 1);
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            ProgramFlow program = new ProgramFlow(new Hierarchy(classes));
            LoadedClass owner = classes.find("java/lang/Object").orElseThrow();
            assertThrows(FlowPass.Unsupported.class, () -> FlowPass.run(program,
                    program.of(new Hierarchy.Declared(owner, m)), true, m, Map.of()));
        }
    }

    private static void newObject(MethodNode m, String type) {
        m.visitTypeInsn(Opcodes.NEW, type);
        m.visitInsn(Opcodes.DUP);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, type, "<init>", "()V", false);
    }

    private static void compare(Hierarchy hierarchy, LoadedClass owner, MethodNode method, List<String> mismatches) {
        Map<Integer, Site.LambdaShape> lambdas = ProgramFlow.lambdas(MethodScanner.scan(method, AssertCode.of(owner, false)));
        Hierarchy.Declared d = new Hierarchy.Declared(owner, method);
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;

        ProgramFlow fast = new ProgramFlow(hierarchy);
        FlowInterpreter.CallValues[] fastCalls;
        try {
            fastCalls = FlowPass.run(fast, fast.of(d), isStatic, method, lambdas);
        } catch (FlowPass.Unsupported e) {
            return; // the analyzer takes these over
        }
        ProgramFlow asm = new ProgramFlow(hierarchy);
        FlowInterpreter.CallValues[] asmCalls = asm.withAsmAnalyzer(asm, d, d.ref(), lambdas);
        String fastTypes = describe(fast, d, fastCalls);
        String asmTypes = describe(asm, d, asmCalls);
        if (!fastTypes.equals(asmTypes)) {
            mismatches.add(owner.internalName() + "." + method.name + method.desc + "\n    pass:     " + fastTypes
                    + "\n    analyzer: " + asmTypes);
        }
    }

    /** The types each call argument and result, the method's result and each field it uses hold once the flow settles. */
    static String describe(ProgramFlow program, Hierarchy.Declared d, FlowInterpreter.CallValues[] calls) {
        while (program.flow().hasPending()) {
            program.flow().step();
        }
        Map<String, TreeSet<String>> held = new TreeMap<>();
        for (int index = 0; index < calls.length; index++) {
            FlowInterpreter.CallValues call = calls[index];
            if (call == null) {
                continue;
            }
            for (int i = 0; i < call.arguments().length; i++) {
                held.put("call " + index + " argument " + i, types(program, call.arguments()[i]));
            }
            held.put("call " + index + " result", types(program, call.result()));
        }
        held.put("result", types(program, program.of(d).result()));
        for (var insn : d.method().instructions) {
            if (insn instanceof org.objectweb.asm.tree.FieldInsnNode f && f.desc.length() > 1) {
                held.put("field " + f.owner + "." + f.name, types(program, program.field(f.owner, f.name, f.desc)));
            }
        }
        return held.toString();
    }

    /**
     * The types a node holds; only "unknown" when it holds unknown, since which types a node takes besides
     * unknown depends on the order they arrive in ({@link TypeFlow}: a node that holds unknown takes no other
     * type after it), and the two passes add the same edges in different orders.
     */
    private static TreeSet<String> types(ProgramFlow program, TypeFlow.Node node) {
        TreeSet<String> types = new TreeSet<>();
        if (node != null) {
            program.flow().listen(node, t -> types.add(String.valueOf(t)));
        }
        return types.contains(String.valueOf(TypeFlow.UNKNOWN)) ? new TreeSet<>(List.of(String.valueOf(TypeFlow.UNKNOWN))) : types;
    }
}
