package dev.headroom.core.classpath;

import dev.headroom.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about a Java home given with {@code --jdk}. */
final class JavaHomes {
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private JavaHomes() {
    }

    static void requireJavaHome(Path home) {
        if (!Files.isDirectory(home)) {
            throw new InputException("--jdk " + home + ": no such directory");
        }
        if (!Files.isRegularFile(home.resolve("lib/modules"))) {
            throw new InputException("--jdk " + home + ": not a Java home of JDK 9 or newer (lib/modules not found)");
        }
    }

    /** The feature release of the JDK at home, from its {@code release} file. */
    static int release(Path home) {
        requireJavaHome(home);
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            if (m.find()) {
                int release = Integer.parseInt(m.group(1));
                return release == 1 ? 8 : release;
            }
        } catch (IOException e) {
            throw new InputException("--jdk " + home + ": cannot read its release file (" + e.getMessage() + ")", e);
        }
        throw new InputException("--jdk " + home + ": its release file names no JAVA_VERSION");
    }
}
