package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.headroom.core.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;

/** Inputs no build should produce but a checker must survive: special files, zip bombs, damaged jar entries. */
class SpecialInputsTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private ClassRepository open(Path input) {
        return ClassRepository.open(List.of(input), List.of(), null, warnings::add);
    }

    private static Set<String> problems(ClassRepository repo) {
        Set<String> found = new TreeSet<>();
        repo.problems().forEach(p -> found.add(p.source() + ": " + p.reason()));
        return found;
    }

    @Test
    void specialFilesNamedLikeClassFilesAreSkippedWithoutBeingRead() throws Exception {
        Path devZero = Path.of("/dev/zero");
        assumeTrue(Files.exists(devZero), "a system with /dev/zero");
        Files.write(dir.resolve("Good.class"), ClassRepositoryTest.classBytes("Good", Opcodes.V17, "ok"));
        Files.createSymbolicLink(dir.resolve("Zero.class"), devZero);
        Files.createSymbolicLink(dir.resolve("Random.class"), Path.of("/dev/urandom"));
        Files.createDirectories(dir.resolve("Folder.class"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("Pipe.class").toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo available");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ClassRepository repo = open(dir)) {
                assertEquals(Set.of("Good"), repo.inputClassNames());
                String device = ": cannot read: not a regular file (a device, named pipe or socket); skipped without reading it";
                assertEquals(Set.of(dir.resolve("Folder.class")
                                + ": cannot read: not a regular file (a directory); skipped without reading it",
                        dir.resolve("Pipe.class") + device, dir.resolve("Random.class") + device,
                        dir.resolve("Zero.class") + device), problems(repo));
            }
        });
    }

    @Test
    void anInputThatIsAPipeIsAnInputErrorWithoutBlocking() throws Exception {
        Path pipe = dir.resolve("app.jar");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo available");
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(InputException.class, () -> open(pipe)));
        assertEquals("cannot read input " + pipe + ": not a directory or a jar (a device, named pipe or socket)",
                e.getMessage());
    }

    /**
     * One class file named as an input is not read as a jar (the message would say its zip header is missing): the
     * error names the class directory to give instead, found from the class's own name where its folders match it.
     */
    @Test
    void aLoneClassFileAsAnInputNamesTheDirectoryToGiveInstead() throws IOException {
        Path inPlace = dir.resolve("classes/com/acme/Motor.class");
        Files.createDirectories(inPlace.getParent());
        Files.write(inPlace, ClassRepositoryTest.classBytes("com/acme/Motor", Opcodes.V17, "ok"));
        Path moved = Files.copy(inPlace, dir.resolve("Motor.class"));
        Path linked = Files.createSymbolicLink(dir.resolve("Linked.class"), inPlace);
        Path damaged = dir.resolve("Damaged.class");
        Files.write(damaged, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0});
        String instead = ": a class file (of com.acme.Motor), not a class directory or a jar: name the directory ";
        assertAll(
                () -> assertEquals("cannot read input " + inPlace + instead + "its package folders start in, "
                        + dir.resolve("classes"), assertThrows(InputException.class, () -> open(inPlace)).getMessage()),
                () -> assertEquals("cannot read input " + linked + instead + "its package folders start in, "
                        + dir.toRealPath().resolve("classes"), assertThrows(InputException.class, () -> open(linked)).getMessage()),
                () -> assertEquals("cannot read input " + moved + instead + "that holds it as com/acme/Motor.class"
                        + " (such as target/classes)",
                        assertThrows(InputException.class, () -> open(moved)).getMessage()),
                () -> assertEquals("cannot read input " + damaged + ": a class file, not a class directory or a jar:"
                        + " name the directory its package folders start in (such as target/classes)",
                        assertThrows(InputException.class, () -> open(damaged)).getMessage()));
    }

    @Test
    void aClassFileDeclaringANameThatIsNotAnalysedIsNamed() throws IOException {
        Files.write(dir.resolve("Good.class"), ClassRepositoryTest.classBytes("Good", Opcodes.V17, "ok"));
        Files.write(dir.resolve("Odd.class"), ClassRepositoryTest.classBytes("META-INF/versions/9/Odd", Opcodes.V17, "x"));
        try (ClassRepository repo = open(dir)) {
            assertEquals(Set.of("Good"), repo.inputClassNames());
            assertEquals(Set.of(dir.resolve("Odd.class") + ": declares META-INF.versions.9.Odd, a name that is not analysed"
                    + " (module-info, package-info or under META-INF)"), problems(repo));
        }
    }

    @Test
    void aJarEntryIsReadUpToTheLimitWhateverSizeItDeclares() throws IOException {
        Path jar = dir.resolve("bomb.jar");
        byte[] zeros = new byte[ClassFileReads.MAX_CLASS_FILE_BYTES + 1];
        byte[] bytes = jar(List.of("Good.class", "Bomb.class"),
                List.of(ClassRepositoryTest.classBytes("Good", Opcodes.V17, "ok"), zeros));
        // The bomb declares 3 GiB uncompressed.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(centralEntry(bytes, "Bomb.class") + 24, 0xC0000000);
        Files.write(jar, bytes);
        try (ClassRepository repo = open(jar)) {
            assertEquals(Set.of("Good"), repo.inputClassNames());
            assertEquals(Set.of(jar + "!/Bomb.class: cannot read: larger than the class-file limit of 16 MiB; not read further"),
                    problems(repo));
        }
    }

    @Test
    void aDamagedJarEntryIsNamedAndTheRestOfTheJarRead() throws IOException {
        Path jar = dir.resolve("damaged.jar");
        List<String> names = List.of("a/Good.class", "a/Encrypted.class", "a/Packed.class", "a/Corrupt.class");
        List<byte[]> contents = names.stream()
                .map(n -> ClassRepositoryTest.classBytes(n.replace(".class", ""), Opcodes.V17, "x")).toList();
        byte[] bytes = jar(names, contents);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int encrypted = centralEntry(bytes, "a/Encrypted.class");
        zip.putShort(encrypted + 8, (short) (zip.getShort(encrypted + 8) | 1)); // the "encrypted" flag
        zip.putShort(centralEntry(bytes, "a/Packed.class") + 10, (short) 99); // a compression method no one knows
        int corruptData = zip.getInt(centralEntry(bytes, "a/Corrupt.class") + 42);
        zip.putInt(corruptData, 0x12345678); // its local header's signature
        Files.write(jar, bytes);
        long before = repairedCopies();
        try (ClassRepository repo = open(jar)) {
            assertEquals(Set.of("a/Good"), repo.inputClassNames());
            assertEquals(Set.of(
                    jar + "!/a/Corrupt.class: cannot read: ZipFile invalid LOC header (bad signature)",
                    jar + "!/a/Encrypted.class: cannot read: an encrypted entry (not supported); the jar's other entries are read",
                    jar + "!/a/Packed.class: cannot read: an entry compressed with unknown method 99; the jar's other entries"
                            + " are read"), problems(repo));
            assertEquals(3, warnings.size(), warnings.toString());
            assertEquals(4, repo.inputContents().get(0).classFiles());
        }
        assertEquals(before, repairedCopies(), "the repaired copy is deleted on close");
    }

    private static long repairedCopies() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("headroom-damaged-")).count();
        }
    }

    private static byte[] jar(List<String> names, List<byte[]> contents) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jos = new JarOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                JarEntry e = new JarEntry(names.get(i));
                e.setMethod(ZipEntry.DEFLATED);
                jos.putNextEntry(e);
                jos.write(contents.get(i));
                jos.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Where the central-directory record of the named entry starts. */
    private static int centralEntry(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) == 0x02014b50) {
                int length = Short.toUnsignedInt(b.getShort(at + 28));
                if (new String(zip, at + 46, length, StandardCharsets.UTF_8).equals(name)) {
                    return at;
                }
            }
        }
        throw new AssertionError("no central entry " + name);
    }
}
