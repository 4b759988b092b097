package dev.headroom.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the Chromium for browser tests is: {@code HEADROOM_CHROMIUM} if set, else {@code /usr/bin/chromium},
 * else the first of {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the {@code PATH}.
 */
final class ChromiumExecutable {
    static final String ENVIRONMENT_VARIABLE = "HEADROOM_CHROMIUM";
    private static final Path DEBIAN = Path.of("/usr/bin/chromium");
    private static final List<String> NAMES_ON_PATH = List.of("chromium", "chromium-browser", "google-chrome");

    private ChromiumExecutable() {
    }

    static Optional<Path> find() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            // A variable that names nothing is a mistake to report, not a reason to look elsewhere.
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(ENVIRONMENT_VARIABLE + "=" + configured + " is not an executable file");
            }
            return Optional.of(path);
        }
        if (Files.isExecutable(DEBIAN)) {
            return Optional.of(DEBIAN);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES_ON_PATH) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
