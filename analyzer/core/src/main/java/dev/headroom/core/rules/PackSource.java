package dev.headroom.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where a rule pack's text comes from: a user's file or a bundled class path resource. */
abstract class PackSource {
    /** The bundled packs' class path folder. */
    static final String BUNDLED_FOLDER = "dev/headroom/rules/";

    /** The name used in messages: the path as the user gave it, or the bundled file name. */
    abstract String displayName();

    /** Identity for include-cycle detection. */
    abstract String key();

    /** Opens the pack as UTF-8 text that rejects malformed bytes, or returns null when it does not exist. */
    abstract Reader open() throws IOException;

    /** What to say when {@link #open()} finds nothing. */
    abstract String missingMessage();

    /**
     * The source an {@code include} entry of this pack names.
     *
     * @throws IllegalArgumentException when the include cannot name a pack
     */
    abstract PackSource resolve(String include);

    static PackSource file(Path path) {
        return new FileSource(path);
    }

    static PackSource bundled(String fileName) {
        return new BundledSource(fileName, RuleBook.class.getClassLoader());
    }

    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static final class FileSource extends PackSource {
        private final Path path;

        FileSource(Path path) {
            this.path = path;
        }

        @Override
        String displayName() {
            return path.toString();
        }

        @Override
        String key() {
            return path.toAbsolutePath().normalize().toString();
        }

        @Override
        Reader open() throws IOException {
            if (!Files.exists(path)) {
                return null;
            }
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory, not a file");
            }
            return utf8(Files.newInputStream(path));
        }

        @Override
        String missingMessage() {
            return "no such file";
        }

        @Override
        PackSource resolve(String include) {
            if (include.isEmpty()) {
                throw new IllegalArgumentException("empty include path");
            }
            try {
                return new FileSource(path.resolveSibling(include));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("include '" + include + "' is not a valid path: " + e.getReason());
            }
        }
    }

    private static final class BundledSource extends PackSource {
        private final String name;
        private final ClassLoader loader;

        BundledSource(String name, ClassLoader loader) {
            this.name = name;
            this.loader = loader;
        }

        @Override
        String displayName() {
            return name;
        }

        @Override
        String key() {
            return name;
        }

        @Override
        Reader open() {
            InputStream in = loader.getResourceAsStream(BUNDLED_FOLDER + name);
            return in == null ? null : utf8(in);
        }

        @Override
        String missingMessage() {
            return "no such resource " + BUNDLED_FOLDER + name + " on the class path (is headroom-rules on the class path?)";
        }

        @Override
        PackSource resolve(String include) {
            if (include.isEmpty() || include.startsWith("/") || include.contains("\\")
                    || ("/" + include + "/").contains("/../") || ("/" + include + "/").contains("/./")) {
                throw new IllegalArgumentException("include '" + include
                        + "' must be a relative path inside the bundled rules folder");
            }
            int slash = name.lastIndexOf('/');
            return new BundledSource(name.substring(0, slash + 1) + include, loader);
        }
    }
}
