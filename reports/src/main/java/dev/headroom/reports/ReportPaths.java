package dev.headroom.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths as reports show them: relative to the working directory, which in CI is the repository's root,
 * what GitHub resolves a SARIF file's relative paths against. The command line and the Maven plugin both
 * use these, so that the same project gives the same reports from either.
 */
public final class ReportPaths {
    /** The first part of every SARIF category derived from a module. */
    static final String CATEGORY_PREFIX = "headroom";

    private ReportPaths() {
    }

    /**
     * {@code app/src/main/java} for {@code <working directory>/app/src/main/java}; a path outside the
     * working directory (or the working directory itself) absolute.
     */
    public static Path shown(Path path, Path workingDirectory) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = workingDirectory.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute) : absolute;
    }

    /** Each path {@link #shown shown}, without repeats, in the order given. */
    public static List<Path> shown(List<Path> paths, Path workingDirectory) {
        List<Path> shown = new ArrayList<>();
        for (Path path : paths) {
            Path relative = shown(path, workingDirectory);
            if (!shown.contains(relative)) {
                shown.add(relative);
            }
        }
        return shown;
    }

    /**
     * The SARIF category of a module's run: {@code headroom/<the module's path under the working
     * directory>} ({@code headroom/app}, {@code headroom/services/billing}), {@code headroom} for the
     * working directory itself, and {@code headroom/<directory name>} for a module outside it.
     */
    public static String sarifCategory(Path moduleDirectory, Path workingDirectory) {
        Path module = moduleDirectory.toAbsolutePath().normalize();
        Path base = workingDirectory.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        if (module.startsWith(base)) {
            base.relativize(module).forEach(name -> names.add(name.toString()));
            names.remove("");
        } else if (module.getFileName() != null) {
            names.add(module.getFileName().toString());
        }
        return names.isEmpty() ? CATEGORY_PREFIX : CATEGORY_PREFIX + "/" + String.join("/", names);
    }
}
