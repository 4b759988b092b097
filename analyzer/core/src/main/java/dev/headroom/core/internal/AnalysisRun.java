package dev.headroom.core.internal;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.model.AnalysisResult;

/** One analysis from configuration to result. (Being written.) */
public final class AnalysisRun {
    private final AnalysisConfig config;
    private final AnalysisListener listener;

    public AnalysisRun(AnalysisConfig config, AnalysisListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public AnalysisResult run() {
        throw new UnsupportedOperationException("analysis not yet wired: " + config.inputs() + listener);
    }
}
