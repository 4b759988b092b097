package dev.headroom.core;

/**
 * How the core talks back while it runs. The core never prints: front ends route these to standard
 * error, a Maven log, or a test buffer.
 */
public interface AnalysisListener {
    /** A problem with an input that the analysis works around (a corrupt class file, ...). */
    void warning(String message);

    /** A step of progress, for a terminal. */
    default void progress(String message) {
    }

    AnalysisListener SILENT = message -> {
    };
}
