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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /**
     * With java.base's code read on demand, its classes are read without code first; their code is parsed when first
     * asked for, into the tree a whole read gives. Other classes are read whole as before.
     */
    @Test
    void javaBaseCodeOnDemandParsesTheCodeWhenFirstAskedFor() throws IOException {
        write(dir.resolve("classes/com/acme/Motor.class"), classBytes("com/acme/Motor", Opcodes.V17, "m"));
        try (ClassRepository whole = open(List.of(dir.resolve("classes")), List.of());
             ClassRepository onDemand = open(List.of(dir.resolve("classes")), List.of())) {
            onDemand.readJavaBaseCodeOnDemand();
            LoadedClass list = onDemand.find("java/lang/Thread").orElseThrow();
            LoadedClass motor = onDemand.find("com/acme/Motor").orElseThrow();
            long withCode = list.skeleton().methods.stream().filter(m -> m.instructions.size() > 0).count();
            List<String> skeleton = describe(list.skeleton(), false);
            List<String> tree = describe(list.node(), true);
            assertEquals(0, withCode, "the skeleton has no code");
            assertTrue(skeleton.stream().anyMatch(line -> line.contains("IntrinsicCandidate")),
                    "the skeleton keeps the methods' annotations (@AssumeCost on a native is read there)");
            assertEquals(describe(whole.find("java/lang/Thread").orElseThrow().node(), false), skeleton,
                    "the skeleton has every method, field and access of the whole tree");
            assertEquals(describe(whole.find("java/lang/Thread").orElseThrow().node(), true), tree,
                    "the code parsed on demand is the code a whole read gives");
            assertTrue(list.skeleton() != list.node() && !list.codeChecked(), "java.base's code is trusted, not checked");
            assertTrue(motor.skeleton() == motor.node() && motor.codeChecked(), "an input is read whole and checked");
        }
    }

    private static List<String> describe(org.objectweb.asm.tree.ClassNode c, boolean code) {
        List<String> lines = new ArrayList<>();
        lines.add(c.name + " " + c.access + " " + c.superName + " " + c.interfaces);
        c.fields.forEach(f -> lines.add("field " + f.access + " " + f.name + f.desc));
        for (org.objectweb.asm.tree.MethodNode m : c.methods) {
            lines.add("method " + m.access + " " + m.name + m.desc + " " + m.exceptions + " " + annotations(m.visibleAnnotations)
                    + " " + annotations(m.invisibleAnnotations)
                    + (code ? " " + m.instructions.size() + " " + m.tryCatchBlocks.size() + " " + m.maxStack : ""));
        }
        return lines;
    }

    private static List<String> annotations(List<org.objectweb.asm.tree.AnnotationNode> annotations) {
        List<String> descriptors = new ArrayList<>();
        if (annotations != null) {
            annotations.forEach(a -> descriptors.add(a.desc));
        }
        return descriptors;
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

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A jar of these entries (name to bytes), in the order given. */
    private static Path jar(Path file, java.util.Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jos = new JarOutputStream(out)) {
            for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(jos, e.getKey(), e.getValue());
            }
        }
        return file;
    }

    @Test
    void aDirectoryAboveTheClassesNamesEachClassByItsClassFile() throws IOException {
        Path target = dir.resolve("target");
        Path motor = write(target.resolve("classes/com/acme/Motor.class"), classBytes("com/acme/Motor", Opcodes.V17, "m"));
        write(target.resolve("test-classes/com/acme/MotorTest.class"), classBytes("com/acme/MotorTest", Opcodes.V17, "t"));
        write(target.resolve("classes/META-INF/versions/11/com/acme/Motor.class"),
                classBytes("com/acme/Motor", Opcodes.V11, "versioned"));
        try (ClassRepository repo = open(List.of(target), List.of())) {
            assertEquals(List.of("com/acme/Motor", "com/acme/MotorTest"), List.copyOf(repo.inputClassNames()));
            LoadedClass loaded = repo.find("com/acme/Motor").orElseThrow();
            assertTrue(loaded.input());
            assertEquals(motor.toString(), loaded.location());
            assertEquals("m", loaded.node().fields.get(0).name);
            assertFalse(repo.isInput("classes/com/acme/Motor"));
            assertTrue(repo.header("com/acme/Motor").isPresent());
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void aClassFileUnderAPathThatIsNotItsNameIsReadUnderItsRealName() throws IOException {
        write(dir.resolve("misplaced/Whatever.class"), classBytes("com/acme/Motor", Opcodes.V17, "m"));
        try (ClassRepository repo = open(List.of(dir), List.of())) {
            assertEquals(List.of("com/acme/Motor"), List.copyOf(repo.inputClassNames()));
            assertTrue(repo.find("com/acme/Motor").orElseThrow().location().endsWith("Whatever.class"));
            assertTrue(repo.find("misplaced/Whatever").isEmpty());
        }
    }

    @Test
    void ofTwoFilesDeclaringOneClassTheFirstIsReadAndBothAreNamed() throws IOException {
        Path first = write(dir.resolve("a/com/acme/Motor.class"), classBytes("com/acme/Motor", Opcodes.V17, "first"));
        Path second = write(dir.resolve("b/com/acme/Motor.class"), classBytes("com/acme/Motor", Opcodes.V17, "second"));
        try (ClassRepository repo = open(List.of(dir), List.of())) {
            assertEquals("first", repo.find("com/acme/Motor").orElseThrow().node().fields.get(0).name);
            assertEquals(List.of("com.acme.Motor is declared by two class files: " + first + " (analysed) and " + second
                    + " (ignored, as a class path would)"), warnings);
            assertEquals(List.of(new InputContents(dir, 2, 1)), repo.inputContents());
        }
    }

    @Test
    void manyDuplicatesAreNamedUpToALimitThenCounted() throws IOException {
        int count = ClassRepository.DUPLICATES_NAMED + 3;
        for (int i = 0; i < count; i++) {
            for (String copy : List.of("a", "b")) {
                write(dir.resolve(copy + "/C" + i + ".class"), classBytes("C" + i, Opcodes.V17, copy));
            }
        }
        try (ClassRepository repo = open(List.of(dir), List.of())) {
            assertEquals(ClassRepository.DUPLICATES_NAMED + 1, warnings.size(), warnings.toString());
            assertEquals("3 more classes are declared by two class files of the inputs; the first of each is analysed",
                    warnings.get(warnings.size() - 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BOOT-INF/classes/:BOOT-INF/lib/", "WEB-INF/classes/:WEB-INF/lib/", "WEB-INF/classes/:WEB-INF/lib-provided/"})
    void springBootJarsAndWarsGiveTheirClassesAsInputsAndTheirNestedJarsAsLibraries(String layout) throws IOException {
        String classes = layout.split(":")[0];
        String lib = layout.split(":")[1];
        Path helper = jar(dir.resolve("helper.jar"), java.util.Map.of(
                "com/lib/Helper.class", classBytes("com/lib/Helper", Opcodes.V17, "h")));
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(classes + "com/acme/App.class", classBytes("com/acme/App", Opcodes.V17, "a"));
        entries.put(lib + "helper.jar", Files.readAllBytes(helper));
        Path app = jar(dir.resolve("app.jar"), entries);
        try (ClassRepository repo = open(List.of(app), List.of())) {
            assertEquals(List.of("com/acme/App"), List.copyOf(repo.inputClassNames()));
            assertTrue(repo.find("com/acme/App").orElseThrow().input());
            LoadedClass library = repo.find("com/lib/Helper").orElseThrow();
            assertFalse(library.input());
            assertFalse(repo.isInput("com/lib/Helper"));
            assertEquals(app + "!/" + lib + "helper.jar!/com/lib/Helper.class", library.location());
            assertTrue(repo.libraryClassNames().contains("com/lib/Helper"));
        }
    }

    @Test
    void anExplodedWarGivesItsLibJarsAsLibraries() throws IOException {
        Path war = dir.resolve("target/app-1.0");
        write(war.resolve("WEB-INF/classes/com/acme/App.class"), classBytes("com/acme/App", Opcodes.V17, "a"));
        Files.createDirectories(war.resolve("WEB-INF/lib"));
        Path helper = jar(war.resolve("WEB-INF/lib/helper.jar"), java.util.Map.of(
                "com/lib/Helper.class", classBytes("com/lib/Helper", Opcodes.V17, "h")));
        try (ClassRepository repo = open(List.of(dir), List.of())) {
            assertEquals(List.of("com/acme/App"), List.copyOf(repo.inputClassNames()));
            assertEquals(helper + "!/com/lib/Helper.class", repo.find("com/lib/Helper").orElseThrow().location());
            assertFalse(repo.isInput("com/lib/Helper"));
        }
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
