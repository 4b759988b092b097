package dev.headroom.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One WebSocket to the Chrome DevTools Protocol (a browser or a page endpoint), with the JDK's
 * {@link WebSocket} and Gson: commands with their replies matched by id, and events to listeners.
 * Every wait has a time-out that names what was waited for.
 */
final class DevToolsConnection implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Pending> replies = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private volatile Throwable closedBy;

    private record Pending(String method, CompletableFuture<JsonObject> reply) {
    }

    private DevToolsConnection(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.socket = await(HTTP.newWebSocketBuilder().connectTimeout(timeout).buildAsync(endpoint, new Receiver()),
                timeout, "the DevTools WebSocket " + endpoint);
    }

    static DevToolsConnection open(URI endpoint, Duration timeout) {
        return new DevToolsConnection(endpoint, timeout);
    }

    /** Sends a command and returns its result; a protocol error or no answer in time is an exception. */
    JsonObject send(String method, JsonObject params, Duration timeout) {
        Throwable closed = closedBy;
        if (closed != null) {
            throw new IllegalStateException("cannot send " + method + ": the DevTools connection is closed ("
                    + closed.getMessage() + ")");
        }
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        replies.put(id, new Pending(method, reply));
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params == null ? new JsonObject() : params);
        // The JDK WebSocket allows one outstanding send at a time.
        synchronized (socket) {
            await(socket.sendText(message.toString(), true), timeout, "sending " + method);
        }
        try {
            return await(reply, timeout, "the answer to " + method);
        } finally {
            replies.remove(id);
        }
    }

    /** Calls the listener with the method and params of every event from now on. */
    void onEvent(BiConsumer<String, JsonObject> listener) {
        listeners.add(listener);
    }

    /** The params of the next event of this method; ask before doing what causes it. */
    CompletableFuture<JsonObject> nextEvent(String method) {
        CompletableFuture<JsonObject> next = new CompletableFuture<>();
        BiConsumer<String, JsonObject> once = new BiConsumer<>() {
            @Override
            public void accept(String eventMethod, JsonObject params) {
                if (eventMethod.equals(method) && next.complete(params)) {
                    listeners.remove(this);
                }
            }
        };
        listeners.add(once);
        return next;
    }

    /** The value of the future, or an exception saying what did not happen within the time-out. */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    @Override
    public void close() {
        if (closedBy == null) {
            closedBy = new IllegalStateException("closed by the test");
            socket.abort(); // no closing handshake to wait for: the browser, or its page, goes away next
        }
    }

    private void dispatch(String text) {
        JsonObject message = JsonParser.parseString(text).getAsJsonObject();
        if (message.has("id")) {
            Pending pending = replies.get(message.get("id").getAsInt());
            if (pending == null) {
                return; // the command already timed out
            }
            if (message.has("error")) {
                pending.reply().completeExceptionally(new IllegalStateException(
                        pending.method() + " returned an error: " + message.get("error")));
            } else {
                pending.reply().complete(message.has("result") ? message.getAsJsonObject("result") : new JsonObject());
            }
        } else if (message.has("method")) {
            String method = message.get("method").getAsString();
            JsonObject params = message.has("params") ? message.getAsJsonObject("params") : new JsonObject();
            for (BiConsumer<String, JsonObject> listener : listeners) {
                listener.accept(method, params);
            }
        }
    }

    private void closed(Throwable reason) {
        closedBy = reason;
        for (Pending pending : replies.values()) {
            pending.reply().completeExceptionally(reason);
        }
    }

    /** Reassembles messages that arrive in parts (screenshots do) and hands each whole one on. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed(new IllegalStateException("Chromium closed the DevTools connection " + endpoint + " (" + statusCode
                    + (reason.isEmpty() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed(error);
        }
    }
}
