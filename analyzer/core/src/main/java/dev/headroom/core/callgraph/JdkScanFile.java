package dev.headroom.core.callgraph;

import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The file of {@link JdkScans}: a header that names the code and the JDK, an index of the entries (each method's
 * hash, place, length and checksum, by hash), then the entries, each a method's owner, name and descriptor followed
 * by what is kept of it. Only the header and the index are read when the file is opened; an entry is read when its
 * method is asked for, and checked by its checksum. A file that does not begin with the header expected, or whose
 * index does not fit it, counts as empty; an entry that does not check counts as absent.
 */
final class JdkScanFile implements AutoCloseable {
    private static final JdkScanFile EMPTY = new JdkScanFile(null, new long[0], new long[0], new int[0], new int[0]);
    /** The bytes of one index row: hash, place, length, checksum. */
    private static final int ROW = 8 + 8 + 4 + 4;

    private final FileChannel channel;
    private final long[] hashes;
    private final long[] places;
    private final int[] lengths;
    private final int[] checksums;

    private JdkScanFile(FileChannel channel, long[] hashes, long[] places, int[] lengths, int[] checksums) {
        this.channel = channel;
        this.hashes = hashes;
        this.places = places;
        this.lengths = lengths;
        this.checksums = checksums;
    }

    /** The file's index, or an empty file when it is absent, unreadable, or written by other code or for another JDK. */
    static JdkScanFile open(Path file, String header) {
        FileChannel channel = null;
        try {
            if (!Files.isRegularFile(file)) {
                return EMPTY;
            }
            channel = FileChannel.open(file, StandardOpenOption.READ);
            byte[] expected = header.getBytes(StandardCharsets.UTF_8);
            ByteBuffer head = read(channel, 0, 4 + expected.length + 4);
            if (head == null || head.getInt() != expected.length) {
                return closed(channel);
            }
            byte[] actual = new byte[expected.length];
            head.get(actual);
            int count = head.getInt();
            long indexStart = 4L + expected.length + 4;
            long dataStart = indexStart + (long) count * ROW;
            ByteBuffer index = count < 0 || dataStart > channel.size() ? null : read(channel, indexStart, (int) (dataStart - indexStart));
            if (!Arrays.equals(expected, actual) || index == null) {
                return closed(channel);
            }
            long[] hashes = new long[count];
            long[] places = new long[count];
            int[] lengths = new int[count];
            int[] checksums = new int[count];
            for (int i = 0; i < count; i++) {
                hashes[i] = index.getLong();
                places[i] = dataStart + index.getLong();
                lengths[i] = index.getInt();
                checksums[i] = index.getInt();
                if (lengths[i] < 0 || places[i] < dataStart || places[i] > channel.size() - lengths[i]
                        || (i > 0 && hashes[i] < hashes[i - 1])) {
                    return closed(channel);
                }
            }
            return new JdkScanFile(channel, hashes, places, lengths, checksums);
        } catch (IOException | RuntimeException e) { // SecurityException included
            return closed(channel);
        }
    }

    private static JdkScanFile closed(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only: nothing is lost
            }
        }
        return EMPTY;
    }

    /** {@code length} bytes at {@code place}, or null when the file ends before. */
    private static ByteBuffer read(FileChannel channel, long place, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, place + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    /** An entry found: its number in the file, and its bytes, what is kept of its method from {@code contentStart}. */
    record Found(int number, byte[] bytes, int contentStart) {
        /** What is kept of the method, past its owner, name and descriptor (read once, to find it). */
        DataInput content() {
            return new EntryInput(bytes, contentStart);
        }
    }

    /** The entry of a method, or null when the file has none (or it does not check). */
    Found find(MethodRef ref) {
        String key = key(ref);
        long hash = hash(key);
        int i = Arrays.binarySearch(hashes, hash);
        if (i < 0) {
            return null;
        }
        while (i > 0 && hashes[i - 1] == hash) {
            i--;
        }
        for (; i < hashes.length && hashes[i] == hash; i++) {
            byte[] entry = entry(i);
            if (entry == null) {
                continue;
            }
            EntryInput in = new EntryInput(entry);
            if (key.equals(readKey(in))) {
                return new Found(i, entry, in.position());
            }
        }
        return null;
    }

    /** An entry's bytes, or null when they cannot be read or do not check. */
    byte[] entry(int i) {
        try {
            ByteBuffer bytes = read(channel, places[i], lengths[i]);
            if (bytes == null || checksum(bytes.array()) != checksums[i]) {
                return null;
            }
            return bytes.array();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    int size() {
        return hashes.length;
    }

    @Override
    public void close() {
        closed(channel);
    }

    /** The owner, name and descriptor an entry begins with, as one string ({@link #key}); "" when it has none. */
    static String keyOf(byte[] entry) {
        return readKey(new EntryInput(entry));
    }

    private static String readKey(DataInput in) {
        try {
            return in.readUTF() + '.' + in.readUTF() + in.readUTF();
        } catch (IOException e) {
            return "";
        }
    }

    /** A method as its entry is found: owner, name and descriptor. */
    static String key(MethodRef ref) {
        return ref.owner() + '.' + ref.name() + ref.descriptor();
    }

    /** The start of an entry: its method. */
    static void writeKey(DataOutputStream out, MethodRef ref) throws IOException {
        out.writeUTF(ref.owner());
        out.writeUTF(ref.name());
        out.writeUTF(ref.descriptor());
    }

    /** Writes the file of these entries (each begun by {@link #writeKey}). */
    static void write(OutputStream stream, String header, List<byte[]> entries) throws IOException {
        long[] entryHashes = new long[entries.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            entryHashes[i] = hash(keyOf(entries.get(i)));
            order.add(i);
        }
        order.sort((a, b) -> entryHashes[a] != entryHashes[b] ? Long.compare(entryHashes[a], entryHashes[b])
                : Integer.compare(a, b));
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.writeInt(head.length);
        out.write(head);
        out.writeInt(entries.size());
        long place = 0;
        for (int i : order) {
            out.writeLong(entryHashes[i]);
            out.writeLong(place);
            out.writeInt(entries.get(i).length);
            out.writeInt(checksum(entries.get(i)));
            place += entries.get(i).length;
        }
        for (int i : order) {
            out.write(entries.get(i));
        }
        out.flush();
    }

    private static int checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** A 64-bit FNV-1a hash of a method's {@link #key}: the same in every run. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < key.length(); k++) {
            h = (h ^ key.charAt(k)) * 0x100000001b3L;
        }
        return h;
    }
}
