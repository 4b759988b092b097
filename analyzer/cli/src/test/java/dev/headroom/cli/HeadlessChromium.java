package dev.headroom.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium for browser tests, driven over the DevTools Protocol: started with a fresh profile
 * in a temporary directory and a DevTools port it picks itself; {@link #close()} ends the browser and
 * every process it started, and deletes the directory. Tests open one {@link BrowserPage} each.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String NOT_FOUND =
            "headless Chromium not found: install Debian's chromium package or set " + ChromiumExecutable.ENVIRONMENT_VARIABLE;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path tempDir;
    private final int port;
    private final DevToolsConnection browser;
    private final Thread stopAtExit;

    private HeadlessChromium(Process process, Path tempDir, int port, DevToolsConnection browser) {
        this.process = process;
        this.tempDir = tempDir;
        this.port = port;
        this.browser = browser;
        // Should a test run end without close() (a crash, a killed fork), no browser may stay behind.
        this.stopAtExit = new Thread(this::stopProcesses, "stop headless Chromium");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts Chromium if one is installed; tests then call {@link #assumeStarted} to be skipped without it. */
    static Optional<HeadlessChromium> startIfInstalled() {
        return ChromiumExecutable.find().map(HeadlessChromium::start);
    }

    /** Skips the calling test (a JUnit assumption, with the reason) when no Chromium could be started. */
    static void assumeStarted(Optional<HeadlessChromium> chromium) {
        Assumptions.assumeTrue(chromium.isPresent(), NOT_FOUND);
    }

    static HeadlessChromium start(Path executable) {
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("headroom-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path profile = tempDir.resolve("profile");
        Path log = tempDir.resolve("chromium.log");
        List<String> command = List.of(executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Small /dev/shm in containers crashes renderers; screenshots without scroll bars, in sRGB.
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-color-profile=srgb",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            deleteTree(tempDir);
            throw new IllegalStateException("could not start " + executable + ": " + e.getMessage(), e);
        }
        try {
            String[] portAndPath = devToolsActivePort(process, profile.resolve("DevToolsActivePort"), log);
            int port = Integer.parseInt(portAndPath[0].trim());
            URI endpoint = URI.create("ws://127.0.0.1:" + port + portAndPath[1].trim());
            return new HeadlessChromium(process, tempDir, port, DevToolsConnection.open(endpoint, TIMEOUT));
        } catch (RuntimeException e) {
            stop(process);
            deleteTree(tempDir);
            throw e;
        }
    }

    /** The port and browser path Chromium writes once its DevTools server listens. */
    private static String[] devToolsActivePort(Process process, Path file, Path log) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return new String[] {lines.get(0), lines.get(1)};
                }
            } catch (NoSuchFileException e) {
                // not written yet
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with status " + process.exitValue()
                        + " before opening its DevTools port; its output:\n" + tail(log));
            }
            sleep(50);
        }
        throw new IllegalStateException("Chromium did not open its DevTools port within " + TIMEOUT.toSeconds()
                + " s; its output:\n" + tail(log));
    }

    /** A new tab, with its own DevTools connection; close it when done. */
    BrowserPage newPage() {
        JsonObject params = new JsonObject();
        params.addProperty("url", "about:blank");
        String targetId = browser.send("Target.createTarget", params, TIMEOUT).get("targetId").getAsString();
        DevToolsConnection page = DevToolsConnection.open(
                URI.create("ws://127.0.0.1:" + port + "/devtools/page/" + targetId), TIMEOUT);
        return new BrowserPage(page, () -> {
            JsonObject close = new JsonObject();
            close.addProperty("targetId", targetId);
            browser.send("Target.closeTarget", close, TIMEOUT);
        });
    }

    @Override
    public void close() {
        try {
            browser.close();
            stopProcesses();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
            deleteTree(tempDir);
        }
    }

    private void stopProcesses() {
        stop(process);
    }

    /** Ends Chromium and the helper processes it started (renderers, zygote, crash handler), by handle. */
    private static void stop(Process process) {
        List<ProcessHandle> helpers = process.descendants().collect(Collectors.toList());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle helper : helpers) {
                if (helper.isAlive()) {
                    helper.destroyForcibly();
                    helper.onExit().get(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a Chromium helper process did not exit: " + e.getMessage(), e);
        }
    }

    /** Deletes the directory; Chromium may still be flushing its profile for a moment after it exits. */
    private static void deleteTree(Path dir) {
        IOException last = null;
        for (int attempt = 0; attempt < 10 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                last = e;
                sleep(200);
            } catch (UncheckedIOException e) { // a file went away while the walk listed the directory
                last = e.getCause();
                sleep(200);
            }
        }
        if (!Files.exists(dir)) {
            return;
        }
        throw new UncheckedIOException("could not delete " + dir, last);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
