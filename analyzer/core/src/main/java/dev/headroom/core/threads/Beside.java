package dev.headroom.core.threads;

import java.util.function.Supplier;

/**
 * Work that runs on a thread of its own beside the analysis thread, or at once on the calling thread; its result is
 * taken with {@link #get()}, which waits for it and throws what the work threw (an {@link OutOfMemoryError} included,
 * so the front ends report it as they report it from the analysis thread).
 *
 * <p>The thread has the analysis thread's stack ({@link #STACK_BYTES}, reserved, not committed): the work recurses
 * along call chains as the analysis thread does, and must not fail on this thread alone. Closing waits
 * for the thread to end, so a run that fails on the analysis thread leaves no thread behind still holding its part of
 * the analysis (the Maven plugin goes on with the build after an out-of-memory failure), and a failure of the work that
 * {@link #get()} did not report is added to the analysis thread's as a suppressed one, inside an {@link AlsoFailed}.
 * The caller takes the result with {@link #get()} on every path that does not fail: closing is for the paths that do.
 */
public final class Beside<T> implements AutoCloseable {
    /**
     * The analyses recurse along call chains (worst-case cost, static initialisers, stack depth), and the JDK's own
     * chains run thousands of frames deep: the analysis runs on a thread with a stack large enough for them, and so
     * does work beside it. It is reserved, not committed: only what is used costs memory.
     */
    public static final long STACK_BYTES = 1L << 30;

    private Thread thread;
    private T result;
    private Throwable failure;
    private boolean reported;
    /** What closing throws for a failure get() did not report; made when the thread starts. */
    private AlsoFailed alsoFailed;

    /**
     * A failure of the work beside that {@link #get()} did not report, as closing throws it: its cause. The JVM can
     * throw one shared instance of an exception on two threads at once (an out-of-memory error when both run out of
     * memory, a {@code NullPointerException} from compiled code that omits stack traces), and an exception is never
     * added to itself as a suppressed one: Java throws an IllegalArgumentException instead, and the analysis thread's
     * own failure is lost behind it. This one is made when the work starts: made on closing, after memory ran out, its
     * making could throw that same shared error again.
     */
    public static final class AlsoFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private volatile Throwable failure;

        private AlsoFailed(String name) {
            super("the work on thread " + name + " failed too", null, false, false);
        }

        @Override
        public Throwable getCause() {
            return failure;
        }
    }

    private Beside() {
    }

    /**
     * Starts the work on a thread of its own, named {@code name}, when {@code apart}; else does it now, and what it
     * throws is thrown now.
     */
    public static <T> Beside<T> start(boolean apart, String name, Supplier<T> work) {
        Beside<T> beside = new Beside<>();
        if (apart) {
            beside.alsoFailed = new AlsoFailed(name);
            beside.thread = new Thread(null, () -> beside.run(work), name, STACK_BYTES);
            beside.thread.setDaemon(true); // never keeps the JVM up
            beside.thread.start();
        } else {
            beside.result = work.get();
        }
        return beside;
    }

    private void run(Supplier<T> work) {
        try {
            result = work.get();
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** The work's result, once it is done (joining the thread makes what it wrote visible here). */
    public T get() {
        awaitEnd();
        reported = true;
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return result;
    }

    /** Waits for the work to end; throws its failure, inside an {@link AlsoFailed}, when {@link #get()} has not. */
    @Override
    public void close() {
        awaitEnd();
        if (failure != null && !reported) {
            reported = true;
            alsoFailed.failure = failure;
            throw alsoFailed;
        }
    }

    /** Joins the thread, however often this thread is interrupted meanwhile (the work is bounded); the flag is kept. */
    private void awaitEnd() {
        if (thread != null) {
            Uninterruptibly.await(thread::join);
        }
    }
}
