package dev.headroom.core.classpath;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip or jar opened even when some entries' headers are damaged: {@code java.util.zip} refuses the whole
 * archive for one encrypted entry or one unknown compression method, so such an archive is opened through a
 * temporary copy whose damaged entries are neutralised ({@link CentralDirectory}); those entries are then
 * named with why ({@link #damage}) and never read, the others read as usual. The copy goes on close.
 */
final class ReadableArchive<Z extends ZipFile> implements Closeable {
    /** How the archive is opened: as a {@code ZipFile}, or a versioned {@code JarFile}. */
    interface Opener<Z extends ZipFile> {
        Z open(File file) throws IOException;
    }

    private final Z zip;
    private final Map<String, String> damaged;
    private final Path copy;

    private ReadableArchive(Z zip, Map<String, String> damaged, Path copy) {
        this.zip = zip;
        this.damaged = damaged;
        this.copy = copy;
    }

    /** @throws IOException when the archive cannot be opened, also without its damaged entries */
    static <Z extends ZipFile> ReadableArchive<Z> open(Path path, Opener<Z> opener) throws IOException {
        try {
            return new ReadableArchive<>(opener.open(path.toFile()), Map.of(), null);
        } catch (ZipException refused) {
            Path copy = Files.createTempFile("headroom-damaged-", ".zip");
            try {
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                Map<String, String> damaged;
                try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    damaged = CentralDirectory.neutraliseDamagedEntries(channel);
                } catch (ZipException notInEntries) {
                    refused.addSuppressed(notInEntries);
                    throw refused;
                }
                if (damaged.isEmpty()) {
                    throw refused; // the damage is elsewhere: the archive stays unreadable
                }
                return new ReadableArchive<>(opener.open(copy.toFile()), Map.copyOf(damaged), copy);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
        }
    }

    Z zip() {
        return zip;
    }

    /** Why the entry cannot be read, or null when it can. */
    String damage(String entryName) {
        return damaged.get(entryName);
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }
}
