package dev.headroom.core.classpath;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * The central directory of a zip file, read to find the entries {@code java.util.zip} refuses a whole
 * archive for (an encrypted entry, a compression method other than stored or deflated) and to neutralise
 * their headers in a copy of the archive, so that the copy opens and its other entries can be read. The
 * neutralised entries are never read: their data would be meaningless. Offsets and field positions are the
 * ones of the zip format's application note (APPNOTE.TXT 4.3.12, 4.3.14-16).
 */
final class CentralDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final int ENTRY_HEADER = 46;
    private static final int ENCRYPTED = 1;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private CentralDirectory() {
    }

    /**
     * Neutralises the damaged entries' headers in place (flag cleared, method set to deflated) and says
     * why each is damaged, in entry order; empty when no entry header is damaged that way.
     *
     * @throws ZipException when the archive has no readable central directory
     */
    static Map<String, String> neutraliseDamagedEntries(FileChannel zip) throws IOException {
        long[] directory = locate(zip);
        long start = directory[0];
        long size = directory[1];
        if (size > Integer.MAX_VALUE - 8 || start < 0 || start + size > zip.size()) {
            throw new ZipException("central directory out of range");
        }
        ByteBuffer cen = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        readFully(zip, cen, start);
        Map<String, String> damaged = new LinkedHashMap<>();
        int at = 0;
        while (at + ENTRY_HEADER <= size && cen.getInt(at) == ENTRY_SIGNATURE) {
            int flags = Short.toUnsignedInt(cen.getShort(at + 8));
            int method = Short.toUnsignedInt(cen.getShort(at + 10));
            int nameLength = Short.toUnsignedInt(cen.getShort(at + 28));
            int next = at + ENTRY_HEADER + nameLength + Short.toUnsignedInt(cen.getShort(at + 30))
                    + Short.toUnsignedInt(cen.getShort(at + 32));
            if (next > size) {
                break;
            }
            String why = (flags & ENCRYPTED) != 0 ? "an encrypted entry (not supported)"
                    : method != STORED && method != DEFLATED ? "an entry compressed with unknown method " + method : null;
            if (why != null) {
                byte[] name = new byte[nameLength];
                cen.get(at + ENTRY_HEADER, name);
                damaged.put(new String(name, StandardCharsets.UTF_8), why);
                ByteBuffer patch = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) (flags & ~ENCRYPTED)).putShort((short) DEFLATED).flip();
                zip.write(patch, start + at + 8);
            }
            at = next;
        }
        return damaged;
    }

    /** The central directory's start and size, from the end record (or its zip64 form). */
    private static long[] locate(FileChannel zip) throws IOException {
        long length = zip.size();
        int tail = (int) Math.min(length, END_SIZE + MAX_COMMENT);
        ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        readFully(zip, end, length - tail);
        for (int at = tail - END_SIZE; at >= 0; at--) {
            if (end.getInt(at) != END_SIGNATURE) {
                continue;
            }
            long size = Integer.toUnsignedLong(end.getInt(at + 12));
            long start = Integer.toUnsignedLong(end.getInt(at + 16));
            if ((size == 0xffffffffL || start == 0xffffffffL) && at >= 20 && end.getInt(at - 20) == ZIP64_LOCATOR_SIGNATURE) {
                return zip64(zip, end.getLong(at - 12));
            }
            return new long[] {start, size};
        }
        throw new ZipException("no end of central directory record");
    }

    private static long[] zip64(FileChannel zip, long recordAt) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        if (recordAt < 0 || recordAt + 56 > zip.size()) {
            throw new ZipException("zip64 end record out of range");
        }
        readFully(zip, record, recordAt);
        if (record.getInt(0) != ZIP64_END_SIGNATURE) {
            throw new ZipException("bad zip64 end record");
        }
        return new long[] {record.getLong(48), record.getLong(40)};
    }

    private static void readFully(FileChannel zip, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = zip.read(into, at);
            if (n < 0) {
                throw new ZipException("truncated archive");
            }
            at += n;
        }
    }
}
