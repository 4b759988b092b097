package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of {@code headroom}: exit code and what went to standard output and error. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = Main.execute(commandLine, args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    /**
     * An error from the CLI's own validation or the core: the exit code, nothing on standard output,
     * one line {@code headroom: error: ...} that contains every fragment, and no stack trace.
     */
    CliRun assertOneLineError(int expectedExitCode, String... fragments) {
        List<String> lines = errLines();
        assertAll("headroom " + this,
                () -> assertEquals(expectedExitCode, exitCode, "exit code"),
                () -> assertEquals("", out, "standard output"),
                () -> assertEquals(1, lines.size(), "error lines: " + lines),
                () -> assertErrorLine(lines.get(0), fragments));
        return this;
    }

    /** A picocli parse error: exit 2, the one-line error, then where to find help. */
    CliRun assertParameterError(String command, String... fragments) {
        List<String> lines = errLines();
        assertAll("headroom " + this,
                () -> assertEquals(ExitCodes.USAGE, exitCode, "exit code"),
                () -> assertEquals("", out, "standard output"),
                () -> assertEquals(2, lines.size(), "error lines: " + lines),
                () -> assertErrorLine(lines.get(0), fragments),
                () -> assertEquals("Try '" + command + " --help' for more information.", lines.get(1)));
        return this;
    }

    private static void assertErrorLine(String line, String... fragments) {
        assertTrue(line.startsWith("headroom: error: "), line);
        for (String fragment : fragments) {
            assertTrue(line.contains(fragment), "'" + fragment + "' missing from: " + line);
        }
        assertFalse(line.contains("Exception"), line);
        assertFalse(line.contains("at dev."), line);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
