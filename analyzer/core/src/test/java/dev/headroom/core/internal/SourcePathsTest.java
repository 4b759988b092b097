package dev.headroom.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePathsTest {
    @TempDir
    Path dir;

    @Test
    void findsTheFileUnderTheRootByPackage() throws IOException {
        Path root = Files.createDirectories(dir.resolve("src"));
        Path motor = Files.createDirectories(root.resolve("com/acme")).resolve("Motor.java");
        Files.writeString(motor, "class Motor {}");
        assertEquals(motor.toString().replace('\\', '/'), new SourcePaths(List.of(root)).path("com/acme/Motor", "Motor.java"));
        assertEquals("Other.java", new SourcePaths(List.of(root)).path("com/acme/Other", "Other.java"));
    }

    @Test
    void aSourceFileNoFileSystemCanNameIsNotFound() throws IOException {
        Path root = Files.createDirectories(dir.resolve("src"));
        String hostile = "Evil\u0000\u001b[2J.java";
        assertEquals(hostile, new SourcePaths(List.of(root)).path("demo/Evil", hostile));
        assertEquals(hostile, new SourcePaths(List.of(root)).path("demo\u0000/Evil", hostile));
    }

    @Test
    void aSourceFileOutsideTheRootIsNeverNamed() throws IOException {
        Path root = Files.createDirectories(dir.resolve("project/src"));
        Files.writeString(dir.resolve("secret.java"), "outside the source root");
        SourcePaths sources = new SourcePaths(List.of(root));
        assertEquals("../../../secret.java", sources.path("demo/Leak", "../../../secret.java"));
        assertEquals("../../secret.java", sources.path("Leak", "../../secret.java"));
        assertEquals("secret.java", sources.path("../../Leak", "secret.java"), "nor a class name that climbs");
    }
}
