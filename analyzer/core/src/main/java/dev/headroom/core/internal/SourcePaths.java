package dev.headroom.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a source file is named in reports: with source roots given, the path of the file under the first
 * root that has it ({@code src/main/java/com/acme/Motor.java}); otherwise the file name the class file
 * records ({@code Motor.java}).
 */
final class SourcePaths {
    private final List<Path> roots;
    private final Map<String, String> cache = new HashMap<>();

    SourcePaths(List<Path> roots) {
        this.roots = roots;
    }

    String path(String internalClassName, String sourceFile) {
        if (sourceFile == null || roots.isEmpty()) {
            return sourceFile;
        }
        int slash = internalClassName.lastIndexOf('/');
        String relative = (slash < 0 ? "" : internalClassName.substring(0, slash + 1)) + sourceFile;
        return cache.computeIfAbsent(relative, r -> {
            for (Path root : roots) {
                Path candidate = root.resolve(r);
                if (Files.isRegularFile(candidate)) {
                    return candidate.toString().replace('\\', '/');
                }
            }
            return sourceFile;
        });
    }
}
