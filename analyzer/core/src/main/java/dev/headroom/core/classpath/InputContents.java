package dev.headroom.core.classpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What one input holds, to tell a user why a run checked nothing.
 *
 * @param classFiles the class files found in it, readable or not ({@code module-info}, {@code package-info}
 *                   and {@code META-INF} left out)
 * @param classes    the classes read from them and analysed (of two files declaring one class, the first)
 */
public record InputContents(Path path, int classFiles, int classes) {
    /** Files that show what a directory without class files is: sources not compiled yet. */
    private static final List<String> SOURCE_EXTENSIONS = List.of(".java", ".kt", ".scala", ".groovy");

    /**
     * What an input without class files holds instead: {@code an empty directory}, {@code 12 source files (.java)},
     * {@code an empty jar}, {@code a jar of 3 files, none of them a class file}.
     */
    public String withoutClasses() {
        try {
            return Files.isDirectory(path) ? directoryContents() : archiveContents();
        } catch (IOException | UncheckedIOException e) {
            return "no class file; its other files cannot be listed (" + e.getMessage() + ")";
        }
    }

    private String directoryContents() throws IOException {
        Map<String, Integer> sources = new TreeMap<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files++;
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                SOURCE_EXTENSIONS.stream().filter(name::endsWith).findFirst()
                        .ifPresent(extension -> sources.merge(extension, 1, Integer::sum));
            }
        }
        if (files == 0) {
            return "an empty directory";
        }
        int sourceCount = sources.values().stream().mapToInt(Integer::intValue).sum();
        if (sourceCount > 0) {
            return plural(sourceCount, "source file") + " (" + String.join(", ", sources.keySet()) + ")";
        }
        return plural(files, "file") + ", none of them a class file";
    }

    /** An archive whose only files are under META-INF (a manifest) is empty: it holds nothing to run. */
    private String archiveContents() throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind = name.endsWith(".jar") || name.endsWith(".war") ? name.substring(name.length() - 3) : "archive";
        try (ReadableArchive<ZipFile> readable = ReadableArchive.open(path, ZipFile::new)) {
            ZipFile zip = readable.zip();
            long files = zip.stream().filter(entry -> !entry.isDirectory() && !entry.getName().startsWith("META-INF/"))
                    .count();
            return files == 0 ? "an empty " + kind
                    : (kind.equals("archive") ? "an " : "a ") + kind + " of " + plural((int) files, "file")
                            + ", none of them a class file";
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
