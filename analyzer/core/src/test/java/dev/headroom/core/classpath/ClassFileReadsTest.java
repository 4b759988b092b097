package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stream is read whole up to the limit whatever size its source declares: the declared size only sizes the first
 * array. Every mismatch is listed together.
 */
class ClassFileReadsTest {
    @Test
    void theContentWhateverTheDeclaredSize() throws IOException {
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        List<String> problems = new ArrayList<>();
        for (long declared : new long[] {-1, 0, 1, 9_999, 10_000, 10_001, 50_000, ClassFileReads.MAX_CLASS_FILE_BYTES,
                ClassFileReads.MAX_CLASS_FILE_BYTES + 1L, 3L << 30}) {
            byte[] read = ClassFileReads.read(new ByteArrayInputStream(content), declared);
            if (!Arrays.equals(content, read)) {
                problems.add("declared " + declared + ": " + read.length + " bytes");
            }
        }
        assertEquals(List.of(), problems);
        assertArrayEquals(new byte[0], ClassFileReads.read(new ByteArrayInputStream(new byte[0]), 100));
    }

    @Test
    void aboveTheLimitFailsWhateverTheDeclaredSize() throws IOException {
        int limit = ClassFileReads.MAX_CLASS_FILE_BYTES;
        for (long declared : new long[] {-1, 10, limit, limit + 1L}) {
            CountingStream over = new CountingStream(limit + 1 + 4096);
            IOException e = assertThrows(IOException.class, () -> ClassFileReads.read(over, declared),
                    "declared " + declared);
            assertEquals("larger than the class-file limit of 16 MiB; not read further", e.getMessage());
            assertEquals(limit + 1, over.read, "nothing past the limit is read, declared " + declared);
        }
        // Exactly at the limit is read.
        assertEquals(limit, ClassFileReads.read(new CountingStream(limit), 10).length);
    }

    /** A stream of zeros of a given length that counts what is read of it. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            Arrays.fill(b, off, off + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
