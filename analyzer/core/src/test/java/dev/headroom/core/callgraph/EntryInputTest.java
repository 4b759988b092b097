package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An entry read straight from its bytes reads what {@code DataInputStream} reads, and ends where it does. */
class EntryInputTest {
    /** Writes one of each kind the entries use, and the others, with edge values. */
    private static byte[] sample() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBoolean(true);
        out.writeBoolean(false);
        out.writeByte(-1);
        out.writeByte(200);
        out.writeShort(-2);
        out.writeShort(65_000);
        out.writeChar('\u20ac');
        for (int value : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x80_00_00_7f}) {
            out.writeInt(value);
        }
        out.writeLong(Long.MIN_VALUE + 12_345);
        out.writeFloat(-1.5f);
        out.writeDouble(Math.PI);
        // Modified UTF-8: a NUL, a two-byte and a three-byte character, a surrogate pair, and the empty string.
        for (String text : new String[] {"java/lang/Object", "a\u0000b", "\u00e9t\u00e9", "\u20ac", "\ud83d\ude00", ""}) {
            out.writeUTF(text);
        }
        out.write(new byte[] {1, 2, 3});
        return bytes.toByteArray();
    }

    /** Every value read in the order written, as text, from either reader. */
    private static List<String> readAll(DataInput in) throws IOException {
        List<String> values = new ArrayList<>();
        values.add(in.readBoolean() + " " + in.readBoolean() + " " + in.readByte() + " " + in.readUnsignedByte());
        values.add(in.readShort() + " " + in.readUnsignedShort() + " " + (int) in.readChar());
        for (int i = 0; i < 6; i++) {
            values.add(Integer.toString(in.readInt()));
        }
        values.add(in.readLong() + " " + in.readFloat() + " " + in.readDouble());
        for (int i = 0; i < 6; i++) {
            values.add(in.readUTF());
        }
        byte[] rest = new byte[3];
        in.readFully(rest);
        values.add(rest[0] + "," + rest[1] + "," + rest[2]);
        return values;
    }

    @Test
    void readsWhatDataInputStreamReads() throws IOException {
        byte[] bytes = sample();
        assertEquals(readAll(new DataInputStream(new ByteArrayInputStream(bytes))), readAll(new EntryInput(bytes)));
    }

    /** A short entry (a damaged one the checksum let through, or another format) ends in EOF, never in garbage. */
    @Test
    void everyShorterEntryEndsInEndOfFile() throws IOException {
        byte[] bytes = sample();
        for (int length = 0; length < bytes.length; length++) {
            byte[] shorter = Arrays.copyOf(bytes, length);
            assertThrows(EOFException.class, () -> readAll(new EntryInput(shorter)), length + " bytes");
        }
    }

    @Test
    void readFullyAndSkipStayInside() throws IOException {
        EntryInput in = new EntryInput(new byte[] {1, 2, 3, 4});
        assertAll(
                () -> assertEquals(1, in.skipBytes(1)),
                () -> assertThrows(EOFException.class, () -> in.readFully(new byte[4])),
                () -> {
                    byte[] two = new byte[2];
                    in.readFully(two);
                    assertArrayEquals(new byte[] {2, 3}, two);
                },
                () -> assertEquals(1, in.skipBytes(5)),
                () -> assertThrows(EOFException.class, in::readByte));
    }
}
