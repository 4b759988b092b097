package dev.headroom.core.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

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

    /**
     * The whole stream, or an IOException saying it is above the limit (nothing past the limit is read), read into
     * an array of the size the stream's source declares ({@code expected}; -1 when it declares none): without it the
     * stream is read in chunks of 8 KiB and copied together, 136 MB of arrays on every Guava method as a root for
     * classes of a few KiB. The declared size is only a first guess: the result
     * is the stream's real content up to the limit, shorter or longer than declared.
     */
    static byte[] read(InputStream in, long expected) throws IOException {
        if (expected < 0 || expected > MAX_CLASS_FILE_BYTES) {
            return checked(in.readNBytes(MAX_CLASS_FILE_BYTES + 1));
        }
        byte[] first = new byte[(int) expected];
        int read = in.readNBytes(first, 0, first.length);
        if (read < first.length) {
            return Arrays.copyOf(first, read);
        }
        // One byte tells whether anything follows: readNBytes would allocate up to 8 KiB to find out, for every file.
        int next = in.read();
        if (next < 0) {
            return first;
        }
        byte[] rest = in.readNBytes(MAX_CLASS_FILE_BYTES - first.length);
        byte[] all = Arrays.copyOf(first, first.length + 1 + rest.length);
        all[first.length] = (byte) next;
        System.arraycopy(rest, 0, all, first.length + 1, rest.length);
        return checked(all);
    }

    private static byte[] checked(byte[] bytes) throws IOException {
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
            return read(in, attributes.size()); // the file may have changed since its size was read
        }
    }

    private static IOException tooLarge() {
        return new IOException("larger than the class-file limit of " + (MAX_CLASS_FILE_BYTES >> 20)
                + " MiB; not read further");
    }
}
