package dev.headroom.maven;

import dev.headroom.core.AnalysisListener;
import org.apache.maven.plugin.logging.Log;

/** Routes the core's warnings to the Maven log, and its progress to the debug log ({@code mvn -X}). */
final class MavenLogListener implements AnalysisListener {
    private final Log log;

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void warning(String message) {
        log.warn(message);
    }

    @Override
    public void progress(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
