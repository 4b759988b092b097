package dev.headroom.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the command line and the plugin keep what every run computes the same, by default: the user's cache
 * directory, {@code $XDG_CACHE_HOME/headroom} or {@code ~/.cache/headroom} (where the launcher keeps its
 * class-data archive too).
 */
public final class CacheDirectory {
    private CacheDirectory() {
    }

    /** The user's cache directory for Headroom (it need not exist yet). */
    public static Path userDefault() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("headroom");
    }

    /**
     * The cache directory the options give: none with {@code noCache}, the one named, or the user's.
     *
     * @param named         the directory named, or null
     * @param option        the name of the option that names it, for the errors
     * @param noCacheOption the name of the option that turns the cache off
     * @throws ConfigurationException when both are given, or the one named is a file
     */
    public static Path choose(Path named, boolean noCache, String option, String noCacheOption) {
        if (noCache && named != null) {
            throw new ConfigurationException(option + " and " + noCacheOption + " contradict each other: give one");
        }
        if (noCache) {
            return null;
        }
        if (named != null && Files.exists(named) && !Files.isDirectory(named)) {
            throw new ConfigurationException(option + " is not a directory: " + named);
        }
        return named != null ? named : userDefault();
    }

    /**
     * Replaces a file of the cache whole: written beside it, then moved over it, so that runs at once each read a
     * complete file (an update one of them makes may be lost, never mixed). The directory is made when needed.
     *
     * @throws IOException when it cannot be written (the caller runs without the cache); nothing is left behind
     */
    public static void replace(Path file, byte[] content) throws IOException {
        replace(file, out -> out.write(content));
    }

    /** What writes a cache file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** As {@link #replace(Path, byte[])}, the content written by {@code content} straight to the file. */
    public static void replace(Path file, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // left behind in the cache directory; it is not read
            }
        }
    }
}
