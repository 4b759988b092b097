package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest a cache is keyed by changes with any class file of the packages it covers, and only with those. */
class CodeDigestTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOrAJarDigestsEveryClassFileUnderThePrefix() throws IOException {
        Path folder = dir.resolve("classes");
        write(folder.resolve("dev/headroom/A.class"), new byte[] {1, 2, 3});
        write(folder.resolve("dev/headroom/sub/B.class"), new byte[] {4});
        write(folder.resolve("org/other/C.class"), new byte[] {5});
        String first = CodeDigest.of(folder, "dev/headroom/");
        String same = CodeDigest.of(folder, "dev/headroom/");
        write(folder.resolve("org/other/C.class"), new byte[] {6});
        String otherPackageChanged = CodeDigest.of(folder, "dev/headroom/");
        write(folder.resolve("dev/headroom/sub/B.class"), new byte[] {7});
        String subpackageChanged = CodeDigest.of(folder, "dev/headroom/");

        Path jar = dir.resolve("code.jar");
        jar(jar, new byte[] {1, 2, 3});
        String jarFirst = CodeDigest.of(jar, "dev/headroom/");
        jar(jar, new byte[] {1, 2, 4});
        String jarChanged = CodeDigest.of(jar, "dev/headroom/");
        assertAll(
                () -> assertEquals(first, same, "the same files, the same digest"),
                () -> assertEquals(first, otherPackageChanged, "a class outside the prefix does not count"),
                () -> assertNotEquals(first, subpackageChanged, "a subpackage's class counts"),
                () -> assertNotEquals(jarFirst, jarChanged, "a jar entry's checksum counts"),
                () -> assertNotNull(CodeDigest.ofPackages(CodeDigest.class, org.objectweb.asm.ClassReader.class),
                        "this build's own code can be named"));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static void jar(Path jar, byte[] content) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("dev/headroom/A.class"));
            out.write(content);
            out.closeEntry();
            out.putNextEntry(new JarEntry("org/other/C.class"));
            out.write(content);
            out.closeEntry();
        }
    }
}
