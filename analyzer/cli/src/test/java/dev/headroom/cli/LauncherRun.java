package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a program in its own process (a launcher, {@code java -jar}): exit code, standard output as
 * bytes and standard error, in the test's working directory.
 */
record LauncherRun(int exitCode, byte[] out, String err) {
    private static final long TIMEOUT_SECONDS = 180;

    /** A process not started yet: its command and environment. */
    static final class Command {
        private final List<String> command;
        private final Map<String, String> environment = new HashMap<>();
        private final List<String> removed = new ArrayList<>();

        Command(List<String> command) {
            this.command = command;
            // The caller's settings never leak into a test.
            removed.addAll(List.of("JAVA_OPTS", "HEADROOM_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS",
                    "_JAVA_OPTIONS", "HEADROOM_CDS", "HEADROOM_LAUNCHER_DEBUG", "XDG_CACHE_HOME"));
        }

        Command env(String name, String value) {
            environment.put(name, value);
            removed.remove(name);
            return this;
        }

        Command without(String name) {
            environment.remove(name);
            removed.add(name);
            return this;
        }

        Process start(Path outputs) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command);
            removed.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            Files.createDirectories(outputs);
            builder.redirectOutput(outputs.resolve("out").toFile());
            builder.redirectError(outputs.resolve("err").toFile());
            return builder.start();
        }

        LauncherRun run(Path outputs) {
            try {
                return finish(start(outputs), outputs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " with " + environment + " without " + removed;
        }
    }

    static Command command(String... command) {
        return new Command(List.of(command));
    }

    static Command command(List<String> command) {
        return new Command(List.copyOf(command));
    }

    static LauncherRun finish(Process process, Path outputs) {
        return finish(process, outputs, TIMEOUT_SECONDS);
    }

    static LauncherRun finish(Process process, Path outputs, long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("no exit within " + timeoutSeconds + " s: " + process.info());
            }
            return new LauncherRun(process.exitValue(), Files.readAllBytes(outputs.resolve("out")),
                    Files.readString(outputs.resolve("err"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    /** The same exit code, standard output byte for byte and standard error as the in-process run. */
    LauncherRun assertSameAs(CliRun inProcess, String what) {
        assertAll(what + ": " + this,
                () -> assertEquals(inProcess.exitCode(), exitCode, "exit code"),
                () -> assertEquals(inProcess.out(), outText(), "standard output"),
                () -> assertEquals(inProcess.err(), err, "standard error"));
        return this;
    }

    /** The launcher's own error: exit 2, nothing on standard output, one line with every fragment. */
    LauncherRun assertOneLineError(String... fragments) {
        List<String> lines = errLines();
        assertAll(toString(),
                () -> assertEquals(ExitCodes.USAGE, exitCode, "exit code"),
                () -> assertEquals(0, out.length, "standard output"),
                () -> assertEquals(1, lines.size(), "error lines: " + lines),
                () -> assertTrue(lines.get(0).startsWith("headroom: error: "), lines.get(0)),
                () -> {
                    for (String fragment : fragments) {
                        assertTrue(lines.get(0).contains(fragment), "'" + fragment + "' missing from: " + lines.get(0));
                    }
                });
        return this;
    }

    @Override
    public String toString() {
        String text = outText();
        return "exit " + exitCode + "\n--- out:\n" + text.substring(0, Math.min(text.length(), 2000)) + "\n--- err:\n" + err;
    }
}
