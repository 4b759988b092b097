package dev.headroom.core.internal;

import dev.headroom.core.Headroom;
import java.util.function.Supplier;

/**
 * Work that runs on a thread of its own beside the analysis thread, or at once on the calling thread; its result is
 * taken with {@link #get()}, which waits for it and throws what the work threw (an {@link OutOfMemoryError} included,
 * so the front ends report it as they report it from the analysis thread).
 *
 * <p>The thread has the analysis thread's stack ({@link Headroom#ANALYSIS_STACK_BYTES}): the analyses recurse along
 * call chains. Closing waits for the thread to end, so a run that fails on the analysis thread leaves no thread behind
 * still holding its part of the analysis (the Maven plugin goes on with the build after an out-of-memory failure).
 */
final class Beside<T> implements AutoCloseable {
    private Thread thread;
    private T result;
    private Throwable failure;

    private Beside() {
    }

    /** Starts the work on a thread of its own when {@code apart}, else does it now. */
    static <T> Beside<T> start(boolean apart, Supplier<T> work) {
        Beside<T> beside = new Beside<>();
        if (apart) {
            beside.thread = new Thread(null, () -> beside.run(work), "headroom-paths", Headroom.ANALYSIS_STACK_BYTES);
            beside.thread.setDaemon(true); // never keeps the JVM up
            beside.thread.start();
        } else {
            beside.run(work);
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
    T get() {
        close();
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return result;
    }

    /** Waits for the work to end. */
    @Override
    public void close() {
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the analysis was interrupted", e);
            }
        }
    }
}
