package dev.headroom.core.callgraph;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The {@link DataInput} of one cache entry, read straight from its bytes: {@code DataInputStream} over a
 * {@code ByteArrayInputStream} takes a lock and a call per byte, and a run reads thousands of entries of numbers. Past
 * the end it throws {@link EOFException}, as that stream does, so a short entry is scanned again like a damaged one.
 */
final class EntryInput implements DataInput {
    private final byte[] bytes;
    private int at;

    EntryInput(byte[] bytes) {
        this(bytes, 0);
    }

    /** Reads {@code bytes} from {@code at}. */
    EntryInput(byte[] bytes, int at) {
        this.bytes = bytes;
        this.at = at;
    }

    /** The place of the next byte to read. */
    int position() {
        return at;
    }

    /** The place of the next byte, checked to leave {@code n} bytes to read. */
    private int take(int n) throws EOFException {
        if (n < 0 || n > bytes.length - at) {
            throw new EOFException("a cache entry of " + bytes.length + " bytes ends before byte " + ((long) at + n));
        }
        int start = at;
        at += n;
        return start;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        System.arraycopy(bytes, take(len), b, off, len);
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, bytes.length - at));
        at += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return bytes[take(1)] != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return bytes[take(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return bytes[take(1)] & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
        int i = take(2);
        return (bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff);
    }

    @Override
    public char readChar() throws IOException {
        return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws IOException {
        int i = take(4);
        return (bytes[i] & 0xff) << 24 | (bytes[i + 1] & 0xff) << 16 | (bytes[i + 2] & 0xff) << 8 | (bytes[i + 3] & 0xff);
    }

    @Override
    public long readLong() throws IOException {
        return (long) readInt() << 32 | (readInt() & 0xffffffffL);
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Not used by the entries' format. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("cache entries hold no lines");
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this); // modified UTF-8, as DataOutputStream.writeUTF wrote it
    }
}
