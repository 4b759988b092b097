package dev.headroom.core.testing;

import dev.headroom.collections.FixedList;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Compiled test targets copied out of {@code target/test-classes} so that each can be analysed as a
 * program of its own, as a user's {@code target/classes} would be.
 */
public final class TargetPrograms {
    private TargetPrograms() {
    }

    /** Copies the classes of one top-level target (and its nested classes) into {@code destination}. */
    public static Path copy(String packageDir, String topLevelClass, Path destination) throws IOException {
        return copyWhere(packageDir, p -> topLevelOf(p).equals(topLevelClass), destination);
    }

    /** Every top-level target of a package, each copied into its own folder under {@code root}, by name. */
    public static TreeMap<String, Path> copyEach(String packageDir, Path root) throws IOException {
        TreeMap<String, Path> programs = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("target/test-classes").resolve(packageDir))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                programs.computeIfAbsent(topLevelOf(f), t -> root.resolve(t));
            }
        }
        for (var e : programs.entrySet()) {
            copy(packageDir, e.getKey(), e.getValue());
        }
        return programs;
    }

    /** Every class of a package copied into one program under {@code destination}. */
    public static Path copyAll(String packageDir, Path destination) throws IOException {
        return copyWhere(packageDir, p -> p.toString().endsWith(".class"), destination);
    }

    private static Path copyWhere(String packageDir, Predicate<Path> which, Path destination) throws IOException {
        Path compiled = Path.of("target/test-classes").resolve(packageDir);
        try (Stream<Path> files = Files.list(compiled)) {
            for (Path f : files.filter(which).sorted().toList()) {
                Path copy = destination.resolve(packageDir).resolve(f.getFileName().toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return destination;
    }

    private static String topLevelOf(Path classFile) {
        String file = classFile.getFileName().toString();
        return file.substring(0, file.length() - ".class".length()).split("\\$")[0];
    }

    /** Where the test class path has headroom-collections: its jar, or its classes directory in the reactor. */
    public static Path collectionsLibrary() {
        try {
            return Path.of(FixedList.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
