package dev.headroom.core.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads class-file bytes with a stated limit, so that no input can make a run read forever or exhaust the
 * heap: a jar entry is read up to the limit whatever size its header declares (a zip bomb stops there), and
 * a file is read only when it is a regular file (a named pipe would block, a link to {@code /dev/zero} never
 * ends, a device is not a class file).
 */
final class ClassFileReads {
    /**
     * The largest class file read: far above what compilers and generators emit (the JDK's largest classes
     * are under 1 MiB; a method's code is at most 64 KiB), far below what would press on the heap.
     */
    static final int MAX_CLASS_FILE_BYTES = 16 * 1024 * 1024;

    private ClassFileReads() {
    }

    /** The whole stream, or an IOException saying it is above the limit (nothing past the limit is read). */
    static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_CLASS_FILE_BYTES + 1);
        if (bytes.length > MAX_CLASS_FILE_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    /**
     * The bytes of a regular file (links followed); an IOException for anything else or a file above the
     * limit. A missing file is a {@link java.nio.file.NoSuchFileException}.
     */
    static byte[] read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file (" + (attributes.isDirectory() ? "a directory"
                    : "a device, named pipe or socket") + "); skipped without reading it");
        }
        if (attributes.size() > MAX_CLASS_FILE_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in); // the file may have grown since its size was read
        }
    }

    private static IOException tooLarge() {
        return new IOException("larger than the class-file limit of " + (MAX_CLASS_FILE_BYTES >> 20)
                + " MiB; not read further");
    }
}
