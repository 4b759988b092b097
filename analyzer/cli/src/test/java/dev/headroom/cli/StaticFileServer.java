package dev.headroom.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves directories over http on 127.0.0.1 (a free port), as {@code python3 -m http.server} would:
 * each mount maps a path prefix to a directory; only GET, only files inside the directory.
 */
final class StaticFileServer implements AutoCloseable {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "png", "image/png");

    private final HttpServer server;

    private StaticFileServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving; each key is a path prefix ending in {@code /}, each value the directory it serves. */
    static StaticFileServer start(Map<String, Path> mounts) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            mounts.forEach((prefix, dir) -> server.createContext(prefix,
                    exchange -> serve(exchange, prefix, dir.toAbsolutePath().normalize())));
            server.start();
            return new StaticFileServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address of a path on this server, e.g. {@code /index.html?reports=a.json}. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void serve(HttpExchange exchange, String prefix, Path dir) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = dir.resolve(path.isEmpty() ? "index.html" : path).normalize();
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
            } else if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                exchange.getResponseHeaders().set("Content-Type",
                        CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
