package dev.headroom.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One browser tab under test: navigate and wait for the load event, read the page back by evaluating
 * JavaScript, choose files in a file input or drop them on the page, take screenshots; and every
 * console error, uncaught exception and error log entry (failed loads) is collected for the test to
 * assert on.
 */
final class BrowserPage implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 25;

    private final DevToolsConnection devTools;
    private final Runnable closeTarget;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    BrowserPage(DevToolsConnection devTools, Runnable closeTarget) {
        this.devTools = devTools;
        this.closeTarget = closeTarget;
        devTools.onEvent(this::collectError);
        for (String domain : List.of("Runtime", "Log", "Page", "DOM")) {
            send(domain + ".enable", new JsonObject());
        }
    }

    /** The viewport (CSS pixels at scale 1) that the page lays out in and screenshots capture. */
    BrowserPage viewport(int width, int height) {
        JsonObject params = new JsonObject();
        params.addProperty("width", width);
        params.addProperty("height", height);
        params.addProperty("deviceScaleFactor", 1);
        params.addProperty("mobile", false);
        send("Emulation.setDeviceMetricsOverride", params);
        return this;
    }

    /** Opens the address and waits for its load event. */
    BrowserPage open(String url) {
        CompletableFuture<JsonObject> loaded = devTools.nextEvent("Page.loadEventFired");
        JsonObject params = new JsonObject();
        params.addProperty("url", url);
        JsonObject result = send("Page.navigate", params);
        if (result.has("errorText")) {
            throw new IllegalStateException("could not open " + url + ": " + result.get("errorText").getAsString());
        }
        DevToolsConnection.await(loaded, TIMEOUT, "the load event of " + url);
        return this;
    }

    /** The value of a JavaScript expression (promises are awaited), as JSON. */
    JsonElement evaluate(String expression) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        params.addProperty("awaitPromise", true);
        JsonObject result = send("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            JsonObject details = result.getAsJsonObject("exceptionDetails");
            throw new IllegalStateException("the script threw " + describe(details) + ": " + expression);
        }
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : JsonNull.INSTANCE;
    }

    /** Polls the expression until it is true; a time-out names what was awaited and the console errors. */
    void waitUntil(String expression, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonElement value = evaluate(expression);
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what
                        + " (" + expression + "); console errors: " + consoleErrors);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Sets the files of the {@code <input type=file>} the selector finds, as a user choosing them would. */
    void chooseFiles(String selector, List<Path> files) {
        JsonObject params = new JsonObject();
        params.addProperty("nodeId", nodeId(selector));
        params.add("files", absolutePaths(files));
        send("DOM.setFileInputFiles", params);
    }

    /** Drags the files from outside the window onto the middle of the element the selector finds, and drops them. */
    void dropFiles(String selector, List<Path> files) {
        JsonObject box = evaluate("(() => { const r = document.querySelector(" + jsString(selector)
                + ").getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()").getAsJsonObject();
        JsonObject data = new JsonObject();
        data.add("items", new JsonArray());
        data.add("files", absolutePaths(files));
        data.addProperty("dragOperationsMask", 1); // copy
        for (String type : List.of("dragEnter", "dragOver", "drop")) {
            JsonObject params = new JsonObject();
            params.addProperty("type", type);
            params.add("x", box.get("x"));
            params.add("y", box.get("y"));
            params.add("data", data);
            send("Input.dispatchDragEvent", params);
        }
    }

    /** A PNG of the viewport. */
    byte[] screenshot() {
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        return Base64.getDecoder().decode(send("Page.captureScreenshot", params).get("data").getAsString());
    }

    /** A PNG of the whole page at the viewport's width, however long it is. */
    byte[] fullPageScreenshot() {
        JsonObject metrics = send("Page.getLayoutMetrics", new JsonObject());
        JsonObject content = metrics.getAsJsonObject("cssContentSize");
        JsonObject viewport = metrics.getAsJsonObject("cssLayoutViewport");
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.add("width", viewport.get("clientWidth"));
        clip.addProperty("height", Math.ceil(content.get("height").getAsDouble()));
        clip.addProperty("scale", 1);
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("captureBeyondViewport", true);
        params.add("clip", clip);
        return Base64.getDecoder().decode(send("Page.captureScreenshot", params).get("data").getAsString());
    }

    /** Console errors and assertion failures, uncaught exceptions and error log entries, so far. */
    List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    @Override
    public void close() {
        try {
            closeTarget.run();
        } finally {
            devTools.close();
        }
    }

    private JsonObject send(String method, JsonObject params) {
        return devTools.send(method, params, TIMEOUT);
    }

    private int nodeId(String selector) {
        JsonObject document = send("DOM.getDocument", new JsonObject()).getAsJsonObject("root");
        JsonObject params = new JsonObject();
        params.add("nodeId", document.get("nodeId"));
        params.addProperty("selector", selector);
        int nodeId = send("DOM.querySelector", params).get("nodeId").getAsInt();
        if (nodeId == 0) {
            throw new IllegalStateException("no element matches " + selector);
        }
        return nodeId;
    }

    private static JsonArray absolutePaths(List<Path> files) {
        JsonArray paths = new JsonArray();
        files.forEach(file -> paths.add(file.toAbsolutePath().normalize().toString()));
        return paths;
    }

    private static String jsString(String text) {
        JsonArray holder = new JsonArray();
        holder.add(text);
        String json = holder.toString();
        return json.substring(1, json.length() - 1);
    }

    private void collectError(String method, JsonObject params) {
        switch (method) {
            case "Runtime.consoleAPICalled" -> {
                String type = params.get("type").getAsString();
                if (type.equals("error") || type.equals("assert")) {
                    StringBuilder text = new StringBuilder("console." + type + ":");
                    for (JsonElement arg : params.getAsJsonArray("args")) {
                        JsonObject remote = arg.getAsJsonObject();
                        text.append(' ').append(remote.has("value") ? remote.get("value").toString()
                                : remote.has("description") ? remote.get("description").getAsString() : remote.get("type"));
                    }
                    consoleErrors.add(text.toString());
                }
            }
            case "Runtime.exceptionThrown" ->
                    consoleErrors.add("uncaught " + describe(params.getAsJsonObject("exceptionDetails")));
            case "Log.entryAdded" -> {
                JsonObject entry = params.getAsJsonObject("entry");
                if (entry.get("level").getAsString().equals("error")) {
                    consoleErrors.add("log: " + entry.get("text").getAsString()
                            + (entry.has("url") ? " (" + entry.get("url").getAsString() + ")" : ""));
                }
            }
            default -> {
                // other events are not errors
            }
        }
    }

    private static String describe(JsonObject details) {
        JsonObject exception = details.has("exception") ? details.getAsJsonObject("exception") : null;
        String text = exception != null && exception.has("description") ? exception.get("description").getAsString()
                : details.get("text").getAsString();
        return text + (details.has("url") ? " at " + details.get("url").getAsString() + ":"
                + (details.get("lineNumber").getAsInt() + 1) : "");
    }
}
