package dev.headroom.core;

import dev.headroom.core.model.AnalysisResult;

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
        return new dev.headroom.core.internal.AnalysisRun(config, listener).run();
    }
}
