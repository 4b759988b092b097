package dev.headroom.maven;

import dev.headroom.core.AnalysisListener;
import dev.headroom.reports.CharacterEscapes;
import org.apache.maven.plugin.logging.Log;

/**
 * Routes the core's warnings to the Maven log, and its progress to the debug log ({@code mvn -X}), with
 * the control characters of the names in them escaped (the log is often a terminal).
 */
final class MavenLogListener implements AnalysisListener {
    private final Log log;

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void warning(String message) {
        log.warn(CharacterEscapes.terminal(message));
    }

    @Override
    public void progress(String message) {
        if (log.isDebugEnabled()) {
            log.debug(CharacterEscapes.terminal(message));
        }
    }
}
