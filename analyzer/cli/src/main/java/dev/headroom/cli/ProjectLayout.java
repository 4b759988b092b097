package dev.headroom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an input of {@code headroom check} sits in a Maven or Gradle project, so that reports can name
 * source files without {@code --source-root}: the module's directory and the source folders of the
 * source set the classes were compiled from.
 *
 * <ul>
 *   <li>Maven: {@code <module>/target/classes} is {@code src/main}, {@code target/test-classes} is
 *       {@code src/test}, a jar in {@code <module>/target} is {@code src/main};</li>
 *   <li>Gradle: {@code <module>/build/classes/<language>/<set>} is {@code src/<set>}, a jar in
 *       {@code <module>/build/libs} is {@code src/main};</li>
 *   <li>a folder above the classes (classes are named by their class files, not by their path): Maven's
 *       {@code <module>/target}, Gradle's {@code <module>/build}, or the module's own directory, is
 *       {@code src/main}.</li>
 * </ul>
 * A source set's folders are those of {@link #LANGUAGES} that exist: {@code src/main/java},
 * {@code src/main/kotlin}, ...
 */
final class ProjectLayout {
    static final List<String> LANGUAGES = List.of("java", "kotlin", "scala", "groovy");

    /** A module's directory and the source set an input was compiled from. */
    record Module(Path directory, String sourceSet) {
        /** The source folders of the set that exist, in the order of {@link #LANGUAGES}. */
        List<Path> sourceRoots() {
            List<Path> roots = new ArrayList<>();
            for (String language : LANGUAGES) {
                Path root = directory.resolve("src").resolve(sourceSet).resolve(language);
                if (Files.isDirectory(root)) {
                    roots.add(root);
                }
            }
            return roots;
        }
    }

    private ProjectLayout() {
    }

    /** The module the input belongs to, when it sits where Maven or Gradle put compiled classes. */
    static Optional<Module> moduleOf(Path input) {
        Path path = input.toAbsolutePath().normalize();
        if (Files.isRegularFile(path)) {
            Path folder = path.getParent();
            if (named(folder, "target")) {
                return Optional.of(new Module(folder.getParent(), "main"));
            }
            if (named(folder, "libs") && named(folder.getParent(), "build")) {
                return Optional.of(new Module(folder.getParent().getParent(), "main"));
            }
            return Optional.empty();
        }
        Path parent = path.getParent();
        if ((named(path, "target") || named(path, "build")) && Files.isDirectory(path.resolve("classes"))) {
            return Optional.of(new Module(parent, "main"));
        }
        if (Files.isDirectory(path.resolve("target").resolve("classes"))
                || Files.isDirectory(path.resolve("build").resolve("classes"))) {
            return Optional.of(new Module(path, "main"));
        }
        if (named(parent, "target") && (named(path, "classes") || named(path, "test-classes"))) {
            return Optional.of(new Module(parent.getParent(), named(path, "classes") ? "main" : "test"));
        }
        Path language = parent;
        Path classes = language == null ? null : language.getParent();
        Path build = classes == null ? null : classes.getParent();
        if (language != null && LANGUAGES.contains(name(language)) && named(classes, "classes") && named(build, "build")) {
            return Optional.of(new Module(build.getParent(), name(path)));
        }
        return Optional.empty();
    }

    /**
     * The directory a run on this input is named after: its module's, else the input itself (a jar
     * without its extension).
     */
    static Path namingDirectory(Path input) {
        Optional<Module> module = moduleOf(input);
        if (module.isPresent()) {
            return module.get().directory();
        }
        Path path = input.toAbsolutePath().normalize();
        String name = name(path);
        return name.endsWith(".jar") ? path.resolveSibling(name.substring(0, name.length() - 4)) : path;
    }

    private static boolean named(Path path, String name) {
        return path != null && path.getParent() != null && name(path).equals(name);
    }

    private static String name(Path path) {
        return path.getFileName() == null ? "" : path.getFileName().toString();
    }
}
