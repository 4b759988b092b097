package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

class ClassRepositoryTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final AnalysisListener listener = warnings::add;

    /** A minimal class whose one field's name tells which copy was read. */
    static byte[] classBytes(String internalName, int version, String marker) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(version, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PUBLIC, marker, "I", null, null).visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private ClassRepository open(List<Path> inputs, List<Path> classpath) {
        return ClassRepository.open(inputs, classpath, null, listener);
    }

    @Test
    void readsDirectoriesAndSkipsModuleInfo() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.write(classes.resolve("com/acme/Motor.class"), classBytes("com/acme/Motor", Opcodes.V17, "base"));
        Files.write(classes.resolve("module-info.class"), classBytes("module-info", Opcodes.V17, "x"));
        try (ClassRepository repo = open(List.of(classes), List.of())) {
            assertEquals(List.of("com/acme/Motor"), List.copyOf(repo.inputClassNames()));
            assertTrue(repo.isInput("com/acme/Motor"));
            assertTrue(repo.find("com/acme/Motor").orElseThrow().input());
        }
    }

    @Test
    void multiReleaseJarsGiveTheVersionedEntryForTheRunningRelease() throws IOException {
        Path jar = dir.resolve("mr.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Multi-Release", "true");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, manifest)) {
            put(jos, "com/acme/Motor.class", classBytes("com/acme/Motor", Opcodes.V1_8, "base"));
            put(jos, "META-INF/versions/11/com/acme/Motor.class", classBytes("com/acme/Motor", Opcodes.V11, "java11"));
            put(jos, "META-INF/versions/9999/com/acme/Motor.class", classBytes("com/acme/Motor", Opcodes.V11, "future"));
            put(jos, "module-info.class", classBytes("module-info", Opcodes.V11, "m"));
        }
        try (ClassRepository repo = open(List.of(jar), List.of())) {
            assertEquals(List.of("com/acme/Motor"), List.copyOf(repo.inputClassNames()));
            assertEquals("java11", repo.find("com/acme/Motor").orElseThrow().node().fields.get(0).name);
        }
    }

    private static void put(JarOutputStream jos, String name, byte[] bytes) throws IOException {
        jos.putNextEntry(new JarEntry(name));
        jos.write(bytes);
        jos.closeEntry();
    }

    @Test
    void jdkClassesComeFromTheRuntimeImageLazily() {
        try (ClassRepository repo = open(List.of(dir), List.of())) {
            assertEquals(0, repo.parsedCount());
            LoadedClass list = repo.find("java/util/ArrayList").orElseThrow();
            assertFalse(list.input());
            assertEquals(1, repo.parsedCount());
            repo.find("java/util/ArrayList");
            assertEquals(1, repo.parsedCount(), "parsed once");
            assertTrue(repo.find("com/nowhere/Missing").isEmpty());
        }
    }

    @Test
    void missingInputIsAnInputErrorNamingThePath() {
        Path missing = dir.resolve("nope/classes");
        InputException e = assertThrows(InputException.class, () -> open(List.of(missing), List.of()));
        assertEquals("input not found: " + missing, e.getMessage());
        InputException cp = assertThrows(InputException.class, () -> open(List.of(dir), List.of(dir.resolve("lib.jar"))));
        assertTrue(cp.getMessage().startsWith("classpath entry not found: "), cp.getMessage());
    }

    @Test
    void aFileThatIsNotAJarIsAnInputError() throws IOException {
        Path notJar = Files.writeString(dir.resolve("notes.jar"), "hello");
        InputException e = assertThrows(InputException.class, () -> open(List.of(notJar), List.of()));
        assertTrue(e.getMessage().contains(notJar.toString()), e.getMessage());
    }

    @Test
    void unreadableClassFilesAreProblemsNotFailures() throws IOException {
        Files.write(dir.resolve("Good.class"), classBytes("Good", Opcodes.V17, "ok"));
        byte[] good = classBytes("Truncated", Opcodes.V17, "ok");
        Files.write(dir.resolve("Truncated.class"), java.util.Arrays.copyOf(good, good.length / 2));
        byte[] future = classBytes("Future", Opcodes.V17, "ok");
        future[6] = 0;
        future[7] = 99;
        Files.write(dir.resolve("Future.class"), future);
        Files.writeString(dir.resolve("Text.class"), "not a class at all");
        try (ClassRepository repo = open(List.of(dir), List.of())) {
            assertTrue(repo.find("Good").isPresent());
            assertTrue(repo.find("Truncated").isEmpty());
            assertTrue(repo.find("Future").isEmpty());
            assertTrue(repo.find("Text").isEmpty());
            List<String> problems = repo.problems().stream().map(p -> p.source() + ": " + p.reason()).sorted().toList();
            assertEquals(3, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("Future.class: unsupported class-file version 99 (Java 55); supported: 45-71"),
                    problems.get(0));
            assertTrue(problems.get(1).contains("Text.class: not a class file"), problems.get(1));
            assertTrue(problems.get(2).contains("Truncated.class: corrupt or truncated class file"), problems.get(2));
            assertEquals(3, warnings.size());
        }
    }

    @Test
    void anotherJdkIsReadThroughItsOwnImage() {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        assumeTrue(Files.isRegularFile(jdk25.resolve("lib/modules")), "no JDK 25 installed here");
        try (ClassRepository repo = ClassRepository.open(List.of(dir), List.of(), jdk25, listener)) {
            LoadedClass string = repo.find("java/lang/String").orElseThrow();
            assertEquals(Opcodes.V25, string.node().version);
        }
    }

    @Test
    void aJdkHomeThatIsNotOneIsAnInputError() {
        InputException e = assertThrows(InputException.class,
                () -> ClassRepository.open(List.of(dir), List.of(), dir, listener));
        assertTrue(e.getMessage().startsWith("--jdk " + dir), e.getMessage());
    }
}
