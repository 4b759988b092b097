package dev.headroom.core.model;

/**
 * Counts: unsuppressed errors and warnings, suppressed findings, classes and methods analysed (loaded
 * and followed by the call graph), roots.
 */
public record Summary(int errors, int warnings, int suppressed, int classes, int methods, int roots) {
}
