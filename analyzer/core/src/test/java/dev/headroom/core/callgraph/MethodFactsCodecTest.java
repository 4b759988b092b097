package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method's facts written out and read back are the facts scanned: every site of every kind with all its fields,
 * the first line, which instructions are reachable and which are cold. Over JDK classes that have every kind of
 * site (allocations of each kind, monitors, calls, lambdas and method references, string concatenation, other
 * invokedynamics) and assert code.
 */
class MethodFactsCodecTest {
    private static final List<String> CLASSES = List.of("java/util/HashMap", "java/util/ArrayList", "java/lang/String",
            "java/util/concurrent/ConcurrentHashMap", "java/util/stream/Collectors", "java/util/regex/Pattern",
            "java/util/Formatter", "java/io/ObjectInputStream", "java/lang/invoke/MethodHandles$Lookup",
            "java/lang/Thread", "java/lang/Record", "java/util/concurrent/ForkJoinPool");

    @TempDir
    Path emptyInput;

    @Test
    void factsReadBackAreTheFactsScanned() throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<MethodFacts> all = new ArrayList<>();
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            for (String name : CLASSES) {
                LoadedClass owner = classes.find(name).orElseThrow();
                for (MethodNode method : owner.node().methods) {
                    MethodFacts facts = MethodScanner.scan(method, AssertCode.of(owner, false));
                    all.add(facts);
                    String difference = difference(facts, throughBytes(facts), method.instructions.size());
                    if (difference != null) {
                        mismatches.add(name + "." + method.name + method.desc + ": " + difference);
                    }
                }
            }
        }
        MethodFacts custom = MethodScanner.scan(customInvokeDynamic(), AssertCode.COLD);
        all.add(custom);
        String difference = difference(custom, throughBytes(custom), 3);
        if (difference != null) {
            mismatches.add("a custom invokedynamic: " + difference);
        }
        Set<String> kinds = all.stream().flatMap(f -> f.sites().stream()).map(s -> s.getClass().getSimpleName())
                .collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Allocation", "Monitor", "Invoke", "Lambda", "UnknownDynamic")),
                "site kinds covered: " + kinds);
        assertTrue(all.stream().anyMatch(f -> f.coldCode() != null && f.coldCode().coldFlags() != null),
                "no method with cold code");
        assertTrue(all.stream().anyMatch(f -> f.coldCode() != null && f.coldCode().reachableFlags() != null),
                "no method with dead code");
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " methods differ:\n  " + String.join("\n  ", mismatches));
        }
    }

    /** An invokedynamic whose bootstrap the analyzer does not model: an {@code UnknownDynamic} site. */
    private static MethodNode customInvokeDynamic() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "custom", "()Ljava/lang/Object;", null, null);
        m.visitCode();
        m.visitInvokeDynamicInsn("make", "()Ljava/lang/Object;", new Handle(Opcodes.H_INVOKESTATIC, "com/example/Boot",
                "bootstrap", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                        + "Ljava/lang/invoke/CallSite;", false));
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(1, 0);
        return m;
    }

    private static MethodFacts throughBytes(MethodFacts facts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MethodFactsCodec.write(new DataOutputStream(bytes), facts);
        return MethodFactsCodec.read(new EntryInput(bytes.toByteArray()), s -> s);
    }

    private static String difference(MethodFacts scanned, MethodFacts read, int instructions) {
        if (!scanned.sites().equals(read.sites())) {
            return "sites " + scanned.sites() + " read back as " + read.sites();
        }
        if (scanned.firstLine() != read.firstLine()) {
            return "first line " + scanned.firstLine() + " read back as " + read.firstLine();
        }
        if ((scanned.coldCode() == null) != (read.coldCode() == null)) {
            return "cold-code map " + (scanned.coldCode() == null ? "absent" : "present") + " read back otherwise";
        }
        for (int i = 0; scanned.coldCode() != null && i < instructions; i++) {
            if (scanned.coldCode().isReachable(i) != read.coldCode().isReachable(i)
                    || scanned.coldCode().isCold(i) != read.coldCode().isCold(i)) {
                return "instruction " + i + " reachable/cold read back otherwise";
            }
        }
        return null;
    }
}
