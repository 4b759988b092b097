package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {
    @TempDir
    Path dir;

    /** Writes the same text through the writer, in pieces of every kind and size, some across blocks. */
    private static void writeText(Writer w, String text) throws IOException {
        Random random = new Random(7);
        int at = 0;
        while (at < text.length()) {
            int n = Math.min(text.length() - at, switch (random.nextInt(4)) {
                case 0 -> 1;
                case 1 -> random.nextInt(40);
                case 2 -> random.nextInt(ReportFile.BLOCK * 2);
                default -> ReportFile.BLOCK;
            });
            switch (random.nextInt(3)) {
                case 0 -> {
                    for (int i = at; i < at + n; i++) {
                        w.write(text.charAt(i));
                    }
                }
                case 1 -> w.write(text, at, n);
                default -> {
                    char[] padded = ("<<" + text.substring(at, at + n) + ">>").toCharArray();
                    w.write(padded, 2, n);
                }
            }
            at += n;
        }
    }

    /** Text of several blocks with two-byte, three-byte and four-byte chars, one pair split by a block's end. */
    private static String text() {
        StringBuilder b = new StringBuilder();
        Random random = new Random(11);
        while (b.length() < ReportFile.BLOCK * 7) {
            if (b.length() == ReportFile.BLOCK - 1) {
                b.appendCodePoint(0x1F600); // its high surrogate ends the first block, its low one starts the next
            }
            switch (random.nextInt(10)) {
                case 0 -> b.append('\u00e9');
                case 1 -> b.append('\u20ac');
                case 2 -> b.appendCodePoint(0x10348);
                case 3 -> b.append('\n');
                default -> b.append((char) ('a' + random.nextInt(26)));
            }
        }
        return b.toString();
    }

    @Test
    void fileBytesAreThoseOfTheBufferedWriterForTheSameChars() throws IOException {
        String text = text();
        Path plain = dir.resolve("plain.json");
        Path beside = dir.resolve("beside.json");
        try (Writer w = ReportFile.open(plain, false)) {
            writeText(w, text);
        }
        try (Writer w = ReportFile.open(beside, true)) {
            assertTrue(w instanceof ReportFile, "beside: written on a thread of its own");
            writeText(w, text);
        }
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(plain));
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(beside));
    }

    @Test
    void flushWritesEverythingSoFarBeforeReturning() throws IOException {
        Path file = dir.resolve("flushed.json");
        try (Writer w = ReportFile.open(file, true)) {
            w.write("x".repeat(ReportFile.BLOCK * 3 + 5));
            w.flush();
            assertEquals(ReportFile.BLOCK * 3 + 5, Files.size(file));
            w.write("yz");
        }
        assertEquals(ReportFile.BLOCK * 3 + 7, Files.size(file));
    }

    /** The encoder fails on the writing thread (the surrogate is in the first block, which fills the buffer). */
    @Test
    void aLoneSurrogateFailsAsWithTheBufferedWriter() throws IOException {
        String text = "a".repeat(10) + "\ud800b" + "c".repeat(ReportFile.BLOCK * 4);
        IOException plain = assertThrows(IOException.class, () -> {
            try (Writer w = ReportFile.open(dir.resolve("plain.json"), false)) {
                w.write(text);
            }
        });
        IOException beside = assertThrows(IOException.class, () -> {
            try (Writer w = ReportFile.open(dir.resolve("beside.json"), true)) {
                w.write(text);
            }
        });
        assertTrue(plain instanceof MalformedInputException, plain.toString());
        assertEquals(plain.getClass(), beside.getClass());
        assertEquals(plain.getMessage(), beside.getMessage());
    }

    /** A file that fails on its second write, as a full disk would. */
    private static final class FailingFile extends StringWriter {
        final IOException failure = new IOException("No space left on device");
        int writes;
        boolean closed;

        @Override
        public void write(char[] chars, int offset, int length) {
            if (++writes == 2) {
                // Late, so that the caller has filled the queue and waits to hand over the next block.
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new RuntimeException(failure); // StringWriter's write cannot throw an IOException
            }
            super.write(chars, offset, length);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void whatTheWritingThreadFailsWithIsThrownToTheCallerAndTheFileIsClosed() throws Exception {
        FailingFile file = new FailingFile();
        ReportFile w = new ReportFile(file);
        // Blocks enough to fill the queue many times over: the caller must not wait forever once the thread failed.
        RuntimeException thrown = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThrows(RuntimeException.class, () -> {
                    try (w) {
                        for (int i = 0; i < 50; i++) {
                            w.write("z".repeat(ReportFile.BLOCK));
                        }
                    }
                }));
        assertSame(file.failure, thrown.getCause());
        assertTrue(file.closed, "the file is closed when writing failed");
        assertEquals(ReportFile.BLOCK, file.getBuffer().length(), "the block before the failure was written");
        assertThrows(IOException.class, () -> w.write('a'), "closed");
        assertThrows(IOException.class, () -> w.write("a", 0, 1), "closed");
    }

    @Test
    void closingThrowsTheWritingThreadsFailureWithWhatClosingTheFileThrew() throws Exception {
        IOException writing = new IOException("No space left on device");
        IOException closing = new IOException("close failed");
        Writer file = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                throw writing;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() throws IOException {
                throw closing;
            }
        };
        ReportFile w = new ReportFile(file);
        w.write("q".repeat(ReportFile.BLOCK + 1)); // one block handed over: it fails on the writing thread
        IOException thrown = assertThrows(IOException.class, w::close);
        assertSame(writing, thrown);
        assertEquals(List.of(closing), List.of(thrown.getSuppressed()));
    }
}
