package dev.headroom.core.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The libraries an input packs the way Spring Boot and servlet containers lay them out: the jars in
 * {@code BOOT-INF/lib/}, {@code WEB-INF/lib/} and {@code WEB-INF/lib-provided/} of a jar, a war or a
 * directory (at any depth: an exploded war under {@code target/}). Their class loaders put those jars on
 * the class path behind the application's own classes, so here they are libraries: analysed when called,
 * never roots. Jars nested in an archive are copied to temporary files, deleted on close.
 */
final class NestedLibraries {
    private static final Pattern NESTED_JAR =
            Pattern.compile("(?:.*/)?(?:BOOT-INF/lib|WEB-INF/lib|WEB-INF/lib-provided)/[^/]+\\.jar");

    private NestedLibraries() {
    }

    /** The nested jars of an input directory or archive, sorted by their path inside it. */
    static List<ClassSource> open(Path input, int release) throws IOException {
        return Files.isDirectory(input) ? inDirectory(input, release) : inArchive(input, release);
    }

    private static List<ClassSource> inDirectory(Path directory, int release) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.walk(directory)) {
            jars = files.filter(Files::isRegularFile)
                    .filter(file -> NESTED_JAR.matcher(relative(directory, file)).matches())
                    .sorted(Comparator.comparing(file -> relative(directory, file)))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<ClassSource> sources = new ArrayList<>();
        try {
            for (Path jar : jars) {
                sources.add(new JarClassSource(jar, release));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(sources, e);
            throw e;
        }
        return sources;
    }

    private static List<ClassSource> inArchive(Path archive, int release) throws IOException {
        List<ClassSource> sources = new ArrayList<>();
        try (ReadableArchive<ZipFile> readable = ReadableArchive.open(archive, ZipFile::new)) {
            ZipFile zip = readable.zip();
            List<? extends ZipEntry> nested = zip.stream()
                    .filter(entry -> !entry.isDirectory() && NESTED_JAR.matcher(entry.getName()).matches())
                    .filter(entry -> readable.damage(entry.getName()) == null) // cannot be extracted
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (ZipEntry entry : nested) {
                sources.add(Extracted.of(zip, entry, archive + "!/" + entry.getName(), release));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(sources, e);
            throw e;
        }
        return sources;
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static void closeAll(List<ClassSource> sources, Exception primary) {
        for (ClassSource source : sources) {
            try {
                source.close();
            } catch (IOException e) {
                primary.addSuppressed(e);
            }
        }
    }

    /** A jar copied out of its archive (a jar cannot be opened inside another); the copy goes on close. */
    private static final class Extracted implements ClassSource {
        private final JarClassSource jar;
        private final Path directory;

        private Extracted(JarClassSource jar, Path directory) {
            this.jar = jar;
            this.directory = directory;
        }

        static Extracted of(ZipFile zip, ZipEntry entry, String shownAs, int release) throws IOException {
            Path directory = Files.createTempDirectory("headroom-nested-");
            Path file = directory.resolve("nested.jar");
            try {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                return new Extracted(new JarClassSource(file, shownAs, release), directory);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory);
                throw new IOException(shownAs + ": " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            return jar.read(internalName);
        }

        @Override
        public List<String> classNames() throws IOException {
            return jar.classNames();
        }

        @Override
        public String locate(String internalName) {
            return jar.locate(internalName);
        }

        @Override
        public void close() throws IOException {
            try {
                jar.close();
            } finally {
                Files.deleteIfExists(directory.resolve("nested.jar"));
                Files.deleteIfExists(directory);
            }
        }
    }
}
