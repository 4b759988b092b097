package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
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
 * <p>What the writing thread fails with is thrown once, by the caller's next write that hands over a block, or by
 * {@link #flush()} or {@link #close()}: the same {@link IOException} as writing on the caller's thread would have
 * thrown (an error or unchecked exception the same way). Closing always ends the thread, waits for it and closes
 * the file, also when memory ran out.
 */
public final class ReportFile extends Writer {
    /** Chars per block: large enough that handing blocks over costs little, small enough to keep a few. */
    static final int BLOCK = 1 << 15;
    /** Blocks waiting for the writing thread; the caller waits when they are all full. */
    private static final int WAITING = 2;

    /** A full block, or a request to flush ({@code flushed} not null), or the end ({@link #END}, by identity). */
    private record Block(char[] chars, int length, CountDownLatch flushed) {
    }

    private static final Block END = new Block(null, 0, null);

    private final Writer file;
    private final BlockingQueue<Block> waiting = new ArrayBlockingQueue<>(WAITING);
    private final BlockingQueue<char[]> free = new ArrayBlockingQueue<>(WAITING + 2);
    private final Thread thread;
    /**
     * Made up front, so that handing the thread its end allocates nothing of its own (closing's step before it may run
     * out of memory, and every step is taken whatever the one before threw).
     */
    private final Uninterruptibly.Wait putEnd = () -> waiting.put(END);
    private final Uninterruptibly.Wait join;
    /** What the writing thread failed with; it then drops the blocks still to come. */
    private volatile Throwable failure;
    /** Set when closing could not hand the thread its end: the thread then ends when interrupted. */
    private volatile boolean abandoned;
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
        this.join = thread::join;
        thread.setDaemon(true); // never keeps the JVM up
        thread.start();
    }

    /**
     * The writer of {@code file} in UTF-8 (created or truncated), encoding and writing on a second thread when
     * {@code beside}.
     */
    public static Writer open(Path file, boolean beside) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        if (!beside) {
            return writer;
        }
        try {
            return new ReportFile(writer);
        } catch (Throwable t) { // no thread: the file is closed here, as no one else has it
            try {
                writer.close();
            } catch (Throwable closing) {
                if (closing != t) { // one shared out-of-memory error can be thrown twice; never added to itself
                    t.addSuppressed(closing);
                }
            }
            throw t;
        }
    }

    /** Writes the result's report to {@code file} (created or truncated) with {@code report}, as {@link #open} does. */
    public static void write(Path file, boolean beside, ReportWriter report, AnalysisResult result) throws IOException {
        try (Writer writer = open(file, beside)) {
            report.write(result, writer);
        }
    }

    @Override
    public void write(int c) throws IOException {
        room();
        block[size++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            int n = Math.min(length, room());
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
            int n = Math.min(length, room());
            text.getChars(offset, offset + n, block, size);
            size += n;
            offset += n;
            length -= n;
        }
    }

    /** The room left in the block, at least one char: a full block is handed over first. */
    private int room() throws IOException {
        ensureOpen();
        if (size == block.length) {
            hand();
        }
        return block.length - size;
    }

    /** Writes what was written so far to the file, and flushes it, before returning. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (size > 0) {
            hand();
        }
        CountDownLatch flushed = new CountDownLatch(1);
        put(new Block(null, 0, flushed));
        try {
            flushed.await();
        } catch (InterruptedException e) {
            throw interrupted();
        }
        rethrow();
    }

    /**
     * Writes the rest, ends the thread and waits for it, and closes the file: every step is taken whatever the one
     * before threw (memory may run out in any), and one throwable comes out, the others added to it: the writing
     * thread's failure first, unless thrown already.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Throwable thrownHere = null;
        try {
            if (size > 0 && failure == null) {
                Block rest = new Block(block, size, null);
                Uninterruptibly.await(() -> waiting.put(rest));
            }
        } catch (Throwable t) {
            thrownHere = t;
        }
        try {
            Uninterruptibly.await(putEnd);
        } catch (Throwable t) {
            thrownHere = together(thrownHere, t);
            abandoned = true;
            thread.interrupt();
        }
        try {
            Uninterruptibly.await(join);
        } catch (Throwable t) {
            thrownHere = together(thrownHere, t);
        }
        try {
            file.close();
        } catch (Throwable t) {
            thrownHere = together(thrownHere, t);
        }
        Throwable pending = thrown ? null : failure;
        if (pending != null) {
            thrownHere = together(pending, thrownHere);
        }
        if (thrownHere != null) {
            thrown = true;
            throwAs(thrownHere);
        }
    }

    /** The first, with the second added to it (never itself), or the second when there is no first. */
    private static Throwable together(Throwable first, Throwable second) {
        if (first == null) {
            return second;
        }
        if (second != null && second != first) {
            first.addSuppressed(second);
        }
        return first;
    }

    /**
     * Hands the full block to the writing thread and takes a free one. The next block is there before the full one
     * goes: if making it runs out of memory, the full one is still this writer's alone, handed over once, on closing.
     */
    private void hand() throws IOException {
        rethrow();
        char[] next = free.poll();
        if (next == null) {
            next = new char[BLOCK];
        }
        put(new Block(block, size, null));
        block = next;
        size = 0;
    }

    private void put(Block b) throws IOException {
        try {
            waiting.put(b);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while the report was written");
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    /**
     * Throws what the writing thread failed with, as it was thrown there; once only: later a new exception with it as
     * the cause.
     */
    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (thrown) {
            throw new IOException("the report could not be written", t);
        }
        thrown = true;
        throwAs(t);
    }

    /** Throws {@code t} as it is when it can be, else as an IOException's cause. */
    private static void throwAs(Throwable t) throws IOException {
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

    /**
     * The writing thread: blocks in order until the end; after a failure, it takes them and drops them, so the caller
     * never waits for room. Whatever it meets (memory may run out anywhere) is kept as the failure, and it goes on.
     */
    private void writeBlocks() {
        while (true) {
            Block b;
            try {
                b = waiting.take();
            } catch (InterruptedException e) {
                if (abandoned) {
                    return;
                }
                continue; // only this class ends the thread: by the end block, or abandoned by closing
            } catch (Throwable t) {
                fail(t);
                continue;
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
                if (b.chars() != null) {
                    free.offer(b.chars());
                }
            } catch (Throwable t) {
                fail(t);
            } finally {
                if (b.flushed() != null) {
                    b.flushed().countDown();
                }
            }
        }
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }
}
