package dev.headroom.cli;

import dev.headroom.core.AnalysisListener;
import dev.headroom.reports.CharacterEscapes;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * Routes the core's warnings (and, on a terminal, its progress) to standard error, with the control
 * characters of the names in them escaped ({@link CharacterEscapes#terminal}).
 */
final class StderrListener implements AnalysisListener {
    private final PrintWriter err;
    private final boolean showProgress;

    StderrListener(PrintWriter err, boolean showProgress) {
        this.err = err;
        this.showProgress = showProgress;
    }

    /** Whether to show progress: only when a person is watching a terminal, never in CI logs or tests. */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when the streams are redirected; isTerminal() tells.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public void warning(String message) {
        err.println("headroom: warning: " + CharacterEscapes.terminal(message));
        err.flush();
    }

    @Override
    public void progress(String message) {
        if (showProgress) {
            err.println("headroom: " + CharacterEscapes.terminal(message));
            err.flush();
        }
    }
}
