package dev.headroom.cli;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.InputException;
import dev.headroom.core.OutOfMemory;
import dev.headroom.reports.CharacterEscapes;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on standard error and an exit code: no usage dump, no stack trace
 * (unless {@code HEADROOM_DEBUG=1}).
 */
final class ErrorReporter implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final String DEBUG_VARIABLE = "HEADROOM_DEBUG";

    private final UnaryOperator<String> environment;

    ErrorReporter() {
        this(System::getenv);
    }

    /** @param environment looks up an environment variable (a map in tests) */
    ErrorReporter(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** A command line that picocli cannot parse: the error, then where to find help. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("headroom: error: " + oneLine(ex.getMessage()) + suggestion(ex));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return report(ex, commandLine.getErr());
    }

    /** Prints the one-line message for a failure and returns its exit code. */
    int report(Throwable failure, PrintWriter err) {
        int exitCode;
        if (failure instanceof ExitException e) {
            err.println("headroom: error: " + oneLine(e.getMessage()));
            exitCode = e.exitCode();
        } else if (failure instanceof ConfigurationException) {
            err.println("headroom: error: " + oneLine(failure.getMessage()));
            exitCode = ExitCodes.USAGE;
        } else if (failure instanceof InputException) {
            err.println("headroom: error: " + oneLine(failure.getMessage()));
            exitCode = ExitCodes.INPUT;
        } else if (failure instanceof OutOfMemoryError oom) {
            err.println("headroom: error: " + outOfMemory(oom, Runtime.getRuntime().maxMemory()));
            exitCode = ExitCodes.INTERNAL;
        } else {
            String message = failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage());
            err.println("headroom: internal error: " + failure.getClass().getName() + message
                    + " (please report this; set " + DEBUG_VARIABLE + "=1 for the stack trace)");
            exitCode = ExitCodes.INTERNAL;
        }
        if ("1".equals(environment.apply(DEBUG_VARIABLE))) {
            failure.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** The out-of-memory line: the heap's size and how to give the command line more ({@link OutOfMemory}). */
    static String outOfMemory(OutOfMemoryError error, long maxHeapBytes) {
        return OutOfMemory.message(error, maxHeapBytes,
                option -> "HEADROOM_OPTS=" + option + " with bin/headroom, or java " + option + " -jar headroom.jar",
                "--threads 1");
    }

    private static String suggestion(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                return " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        return "";
    }

    /** The message's line breaks as spaces; what else could move the cursor (names from class files) escaped. */
    private static String oneLine(String message) {
        return message == null ? "" : CharacterEscapes.terminal(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
