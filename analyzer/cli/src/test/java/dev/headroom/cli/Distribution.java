package dev.headroom.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The distribution zip the package phase built ({@code headroom.distribution}, set by the failsafe plugin),
 * unpacked with the file modes it records, as {@code unzip} would.
 */
final class Distribution {
    static final String VERSION = "0.1.0";
    static final Path ZIP = Path.of(System.getProperty("headroom.distribution", "target/headroom-" + VERSION + ".zip"));
    /** The runnable jar the build made next to the zip. */
    static final Path JAR = Path.of(System.getProperty("headroom.jar", "target/headroom.jar"));

    private Distribution() {
    }

    /** Every regular file of the zip, by its path inside it, with its mode. */
    static Map<String, Set<PosixFilePermission>> entries() {
        Map<String, Set<PosixFilePermission>> entries = new TreeMap<>();
        try (FileSystem zip = open(); Stream<Path> files = Files.walk(zip.getPath("/"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(file.toString().substring(1), Files.getPosixFilePermissions(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Unpacks the zip into {@code dir} and returns the installation directory, {@code headroom-<version>}. */
    static Path unpack(Path dir) throws IOException {
        try (FileSystem zip = open(); Stream<Path> paths = Files.walk(zip.getPath("/"))) {
            for (Path entry : paths.toList()) {
                Path target = dir.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
                }
            }
        }
        return dir.resolve("headroom-" + VERSION);
    }

    static byte[] read(String entry) throws IOException {
        try (FileSystem zip = open()) {
            return Files.readAllBytes(zip.getPath(entry));
        }
    }

    private static FileSystem open() throws IOException {
        // The zip file system reports the Unix modes of the entries only when asked to.
        return FileSystems.newFileSystem(URI.create("jar:" + ZIP.toAbsolutePath().toUri()),
                Map.of("enablePosixFileAttributes", "true"));
    }
}
