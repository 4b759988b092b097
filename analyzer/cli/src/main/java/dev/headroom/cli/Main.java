package dev.headroom.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code headroom} executable: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line against standard output and standard error, and returns its exit code. */
    static int run(String[] args) {
        // Reports are UTF-8 whatever the platform encoding, so that a redirected report is always valid.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(System.err, true);
        ErrorReporter errors = new ErrorReporter();
        try {
            return execute(commandLine(errors).setOut(out).setErr(err), errors, args);
        } catch (Error e) {
            // picocli hands exceptions to the ErrorReporter; errors (out of memory, stack overflow, a class
            // missing from a broken installation) end up here, and are internal errors too.
            return errors.report(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command tree with Headroom's error handling installed: one-line errors, exit codes from
     * {@link ExitCodes}. Callers set their own out and err writers.
     */
    public static CommandLine commandLine() {
        return commandLine(new ErrorReporter());
    }

    /**
     * Runs one command line on a command tree from {@link #commandLine()}, its {@code @file}s checked first
     * ({@link ArgumentFiles}): picocli would print a stack trace for one it cannot read.
     */
    public static int execute(CommandLine commandLine, String... args) {
        return execute(commandLine, new ErrorReporter(), args);
    }

    static int execute(CommandLine commandLine, ErrorReporter errors, String... args) {
        try {
            ArgumentFiles.check(args);
            return commandLine.execute(args);
        } catch (ExitException e) {
            return errors.report(e, commandLine.getErr());
        }
    }

    static CommandLine commandLine(ErrorReporter errors) {
        CommandLine commandLine = new CommandLine(new HeadroomCommand());
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setUsageHelpLongOptionsMaxWidth(26);
        return commandLine;
    }
}
