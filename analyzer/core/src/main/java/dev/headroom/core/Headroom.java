package dev.headroom.core;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.threads.Beside;
import java.util.concurrent.atomic.AtomicReference;

/** The one entry point that every front end calls. */
public final class Headroom {
    /** The analyzer's version, as written into reports. */
    public static final String VERSION = "0.1.0";

    private Headroom() {
    }

    /**
     * Runs the analysis.
     *
     * @throws ConfigurationException for a usage or configuration error (exit code 2 in the CLI)
     * @throws InputException         for an input that cannot be read at all (exit code 3)
     */
    public static AnalysisResult analyze(AnalysisConfig config, AnalysisListener listener) {
        AtomicReference<AnalysisResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(new dev.headroom.core.internal.AnalysisRun(config, listener).run());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "headroom-analysis", Beside.STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the analysis was interrupted", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
