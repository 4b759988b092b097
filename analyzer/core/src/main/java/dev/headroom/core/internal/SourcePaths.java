package dev.headroom.core.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a source file is named in reports: with source roots given, the path of the file under the first
 * root that has it ({@code src/main/java/com/acme/Motor.java}); otherwise the file name the class file
 * records ({@code Motor.java}).
 *
 * <p>The class file's {@code SourceFile} attribute and class name are data, not paths: one that no file
 * system can hold (a NUL) is simply not found, and one that would lead out of the root ({@code ..}, an
 * absolute path) is never looked up there.
 */
final class SourcePaths {
    private final List<Path> roots;
    private final Map<String, Optional<String>> cache = new HashMap<>();

    SourcePaths(List<Path> roots) {
        this.roots = roots;
    }

    String path(String internalClassName, String sourceFile) {
        if (sourceFile == null || roots.isEmpty()) {
            return sourceFile;
        }
        int slash = internalClassName.lastIndexOf('/');
        String relative = (slash < 0 ? "" : internalClassName.substring(0, slash + 1)) + sourceFile;
        return cache.computeIfAbsent(relative, this::find).orElse(sourceFile);
    }

    private Optional<String> find(String relative) {
        for (Path root : roots) {
            Path candidate = under(root, relative);
            if (candidate != null && Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toString().replace('\\', '/'));
            }
        }
        return Optional.empty();
    }

    /** {@code root/relative} as reports write it, or null when that is no path here or not inside the root. */
    private static Path under(Path root, String relative) {
        try {
            Path candidate = root.resolve(relative);
            boolean inside = candidate.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
            return inside ? candidate : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
