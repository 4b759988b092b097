package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The bundled intrinsics list is checked against the running JDK, and every bundled model prices every form. */
class IntrinsicsTest {
    private static final String INTRINSIC_CANDIDATE = "Ljdk/internal/vm/annotation/IntrinsicCandidate;";
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";

    @TempDir
    Path dir;

    /**
     * Every entry names a method of the running JDK that cannot be overridden (static, final or in a final
     * class); a VarHandle entry names a signature-polymorphic method, any other one an
     * {@code @IntrinsicCandidate} method with exactly that descriptor.
     */
    @Test
    void everyEntryIsAnIntrinsicOfTheRunningJdk() {
        Map<String, Optional<ClassNode>> classes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> entries = Intrinsics.bundled().entries();
        assertTrue(entries.size() > 100, "entries: " + entries.size());
        for (String key : entries.keySet().stream().sorted().toList()) {
            String owner = key.substring(0, key.indexOf('#'));
            String rest = key.substring(key.indexOf('#') + 1);
            String name = rest.contains("(") ? rest.substring(0, rest.indexOf('(')) : rest;
            String descriptor = rest.contains("(") ? rest.substring(rest.indexOf('(')) : null;
            Optional<ClassNode> c = classes.computeIfAbsent(owner, IntrinsicsTest::readClass);
            if (c.isEmpty()) {
                problems.add(key + ": no such class in the running JDK");
                continue;
            }
            boolean polymorphic = owner.equals(VAR_HANDLE);
            List<MethodNode> declared = c.get().methods.stream().filter(m -> m.name.equals(name)
                    && (polymorphic || descriptor == null || m.desc.equals(descriptor))).toList();
            if (declared.isEmpty()) {
                problems.add(key + ": no such method in the running JDK");
                continue;
            }
            for (MethodNode m : declared) {
                boolean fixed = (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) != 0
                        || (c.get().access & Opcodes.ACC_FINAL) != 0;
                if (!fixed) {
                    problems.add(key + ": can be overridden, so a call naming it may reach other code");
                }
                boolean ok = polymorphic
                        ? (m.access & Opcodes.ACC_NATIVE) != 0 && (m.access & Opcodes.ACC_VARARGS) != 0
                        : intrinsicCandidate(m);
                if (!ok) {
                    problems.add(key + (polymorphic ? ": not signature-polymorphic" : ": not @IntrinsicCandidate"));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The bundled models' own method entries name methods of the running JDK too. */
    @Test
    void everyBundledModelMethodExistsInTheRunningJdk() {
        Map<String, Optional<ClassNode>> classes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : CostModels.BUNDLED) {
            for (String key : CostModels.load(name).methodKeys().stream().sorted().toList()) {
                String owner = key.substring(0, key.indexOf('#'));
                String rest = key.substring(key.indexOf('#') + 1);
                String method = rest.contains("(") ? rest.substring(0, rest.indexOf('(')) : rest;
                String descriptor = rest.contains("(") ? rest.substring(rest.indexOf('(')) : null;
                boolean found = classes.computeIfAbsent(owner, IntrinsicsTest::readClass).stream()
                        .flatMap(c -> c.methods.stream())
                        .anyMatch(m -> m.name.equals(method) && (descriptor == null || m.desc.equals(descriptor)));
                if (!found) {
                    problems.add(name + ": " + key + " is not a method of the running JDK");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void copiesWhoseLengthIsAnArgumentAreNotListed() {
        Intrinsics list = Intrinsics.bundled();
        assertEquals(Optional.empty(), list.form(new MethodRef("jdk/internal/misc/Unsafe", "copyMemory0",
                "(Ljava/lang/Object;JLjava/lang/Object;JJ)V")));
        assertEquals(Optional.empty(), list.form(new MethodRef("jdk/internal/misc/Unsafe", "setMemory0",
                "(Ljava/lang/Object;JJB)V")));
        assertEquals(Optional.empty(), list.form(new MethodRef("java/lang/System", "arraycopy",
                "(Ljava/lang/Object;ILjava/lang/Object;II)V")));
    }

    @Test
    void everyBundledModelPricesEveryForm() {
        for (String name : CostModels.BUNDLED) {
            assertEquals(Intrinsics.FORMS.size(), CostModels.load(name).intrinsicFormCount(), name);
        }
        CostModel unit = CostModels.load("unit");
        MethodRef getAndAddLong = new MethodRef("jdk/internal/misc/Unsafe", "getAndAddLong", "(Ljava/lang/Object;JJ)J");
        assertEquals(1, unit.methodCost(getAndAddLong).orElseThrow(), "one instruction, as every bytecode is");
        assertEquals(20, CostModels.load("interpreter").methodCost(getAndAddLong).orElseThrow());
        assertEquals(60, CostModels.load("interpreter").methodCost(new MethodRef("java/lang/System", "nanoTime", "()J"))
                .orElseThrow());
    }

    /** A VarHandle call site is matched with its class types read as Object; a double getAndAdd is a CAS loop. */
    @Test
    void varHandleCallSitesArePricedByTheirShape() {
        CostModel unit = CostModels.load("unit");
        assertEquals(1, unit.intrinsicCost(new MethodRef(VAR_HANDLE, "getAndAdd", "(Lcom/acme/Seq;J)J")).orElseThrow());
        assertEquals(1, unit.intrinsicCost(new MethodRef(VAR_HANDLE, "getAndAdd", "([JIJ)J")).orElseThrow());
        assertEquals(1, unit.intrinsicCost(new MethodRef(VAR_HANDLE, "compareAndSet", "(Lcom/acme/Seq;DD)Z"))
                .orElseThrow());
        assertFalse(unit.intrinsicCost(new MethodRef(VAR_HANDLE, "getAndAdd", "(Lcom/acme/Seq;D)D")).isPresent());
        assertFalse(unit.intrinsicCost(new MethodRef(VAR_HANDLE, "getAndAdd", "([BIJ)J")).isPresent(),
                "a byte-array view in the other byte order retries");
        assertFalse(unit.intrinsicCost(new MethodRef(VAR_HANDLE, "getAndBitwiseOr", "(Lcom/acme/Seq;J)J")).isPresent());
        assertFalse(unit.intrinsicCost(new MethodRef("java/lang/Object", "hashCode", "()I")).isPresent());
    }

    @Test
    void aModelWithoutIntrinsicsWalksTheirBytecode() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.json"), "{\"name\": \"plain\", \"default\": 1}");
        CostModel plain = CostModels.load(file.toString());
        assertEquals(0, plain.intrinsicFormCount());
        assertFalse(plain.methodCost(new MethodRef("jdk/internal/misc/Unsafe", "getAndAddLong",
                "(Ljava/lang/Object;JJ)J")).isPresent());
    }

    @Test
    void anUnknownFormFailsNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"bad\", \"default\": 1,"
                + " \"intrinsics\": {\"laod\": 1}}");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CostModels.load(file.toString()));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("\"laod\""), e.getMessage());
        Path negative = Files.writeString(dir.resolve("negative.json"), "{\"name\": \"n\", \"default\": 1,"
                + " \"intrinsics\": {\"load\": -1}}");
        assertThrows(ConfigurationException.class, () -> CostModels.load(negative.toString()));
    }

    private static boolean intrinsicCandidate(MethodNode m) {
        List<AnnotationNode> all = new ArrayList<>();
        if (m.visibleAnnotations != null) {
            all.addAll(m.visibleAnnotations);
        }
        if (m.invisibleAnnotations != null) {
            all.addAll(m.invisibleAnnotations);
        }
        return all.stream().anyMatch(a -> a.desc.equals(INTRINSIC_CANDIDATE));
    }

    private static Optional<ClassNode> readClass(String internalName) {
        Path jrt = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", "java.base", internalName + ".class");
        try (InputStream in = Files.newInputStream(jrt)) {
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, ClassReader.SKIP_CODE);
            return Optional.of(node);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
