package dev.headroom.reports;

import dev.headroom.core.threads.Uninterruptibly;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * A report file's writer: {@code Files.newBufferedWriter(file, UTF_8)}, optionally with the encoding and the writing
 * on a thread of their own. Then the caller's chars are gathered into blocks, and each full block goes to that thread,
 * which hands it to the same buffered writer while the caller makes the next: that writer gets the same chars in the
 * same order, so the file's bytes are the same. On every Guava method as a root, encoding and writing the 93 MB JSON
 * report took about a quarter of the time spent writing it (benchmarks/README.md, "The report on a second thread").
 *
 * <p>What the writing thread fails with is thrown once, by the caller's next write, {@link #flush()} or
 * {@link #close()}: the same {@link IOException} as writing on the caller's thread would have thrown (an error or
 * unchecked exception the same way). Closing always waits for the thread and closes the file.
 */
public final class ReportFile extends Writer {
    /** Chars per block: large enough that handing blocks over costs little, small enough to keep a few. */
    static final int BLOCK = 1 << 15;
    /** Blocks waiting for the writing thread; the caller waits when they are all full. */
    private static final int WAITING = 2;

    /** A full block, or a request to flush ({@code flushed} not null), or the end ({@code chars} null). */
    private record Block(char[] chars, int length, CountDownLatch flushed) {
    }

    private static final Block END = new Block(null, 0, null);

    private final Writer file;
    private final BlockingQueue<Block> waiting = new ArrayBlockingQueue<>(WAITING);
    private final BlockingQueue<char[]> free = new ArrayBlockingQueue<>(WAITING + 2);
    private final Thread thread;
    /** What the writing thread failed with; it then drops the blocks still to come. */
    private volatile Throwable failure;
    /**
     * Whether the failure was thrown already: thrown once only, as try-with-resources adds what closing throws to
     * what the body threw, and a throwable cannot be added to itself.
     */
    private boolean thrown;
    private char[] block = new char[BLOCK];
    private int size;
    private boolean closed;

    /** Writes to {@code file} on a thread of its own (what {@link #open} makes with {@code beside}). */
    ReportFile(Writer file) {
        this.file = file;
        this.thread = new Thread(this::writeBlocks, "headroom-report");
        thread.setDaemon(true); // never keeps the JVM up
        thread.start();
    }

    /**
     * The writer of {@code file} in UTF-8 (created or truncated), encoding and writing on a second thread when
     * {@code beside}.
     */
    public static Writer open(Path file, boolean beside) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return beside ? new ReportFile(writer) : writer;
    }

    @Override
    public void write(int c) throws IOException {
        ensureOpen();
        if (size == block.length) {
            hand(new Block(block, size, null));
        }
        block[size++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            if (size == block.length) {
                hand(new Block(block, size, null));
            }
            int n = Math.min(length, block.length - size);
            System.arraycopy(chars, offset, block, size, n);
            size += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            if (size == block.length) {
                hand(new Block(block, size, null));
            }
            int n = Math.min(length, block.length - size);
            text.getChars(offset, offset + n, block, size);
            size += n;
            offset += n;
            length -= n;
        }
    }

    /** Writes what was written so far to the file, and flushes it, before returning. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (size > 0) {
            hand(new Block(block, size, null));
        }
        CountDownLatch flushed = new CountDownLatch(1);
        put(new Block(null, 0, flushed));
        try {
            flushed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the report was written");
        }
        rethrow(false);
    }

    /** Writes the rest, waits for the writing thread to end, and closes the file (also when writing failed). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // The thread must get the end, and be waited for, however often this thread is interrupted.
            if (size > 0 && failure == null) {
                Block rest = new Block(block, size, null);
                Uninterruptibly.await(() -> waiting.put(rest));
            }
            Uninterruptibly.await(() -> waiting.put(END));
            Uninterruptibly.await(thread::join);
        } finally {
            if (failure != null && !thrown) {
                try {
                    file.close();
                } catch (IOException | RuntimeException e) {
                    // the writing thread's failure is the one reported, as writing on this thread would have
                }
            } else {
                file.close();
            }
        }
        rethrow(true);
    }

    /** Hands a full block to the writing thread and takes a free one. */
    private void hand(Block full) throws IOException {
        rethrow(false);
        put(full);
        char[] next = free.poll();
        block = next != null ? next : new char[BLOCK];
        size = 0;
    }

    private void put(Block b) throws IOException {
        try {
            waiting.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the report was written");
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    /**
     * Throws what the writing thread failed with, as it was thrown there; once only: later a new exception with it as
     * the cause, and nothing when closing.
     */
    private void rethrow(boolean closing) throws IOException {
        Throwable t = failure;
        if (t == null || thrown && closing) {
            return;
        }
        if (thrown) {
            throw new IOException("the report could not be written", t);
        }
        thrown = true;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IOException(t);
    }

    /** The writing thread: blocks in order until the end; after a failure, it takes them and drops them. */
    private void writeBlocks() {
        while (true) {
            Block b;
            try {
                b = waiting.take();
            } catch (InterruptedException e) {
                continue; // only this class may end the thread: by the end block
            }
            if (b == END) {
                return;
            }
            try {
                if (failure == null) {
                    if (b.chars() != null) {
                        file.write(b.chars(), 0, b.length());
                    } else {
                        file.flush();
                    }
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (b.flushed() != null) {
                    b.flushed().countDown();
                }
            }
            if (b.chars() != null) {
                free.offer(b.chars());
            }
        }
    }
}
