package dev.headroom.core.timing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loop bounds and cost assumptions for code that cannot carry annotations (third-party and JDK code),
 * read from a flow-facts JSON file ({@code --flow-facts}). The format is documented in
 * {@code rules/src/main/resources/dev/headroom/rules/cost-models/flow-facts.md}:
 *
 * <pre>{@code
 * {
 *   "description": "free text",
 *   "loops": [
 *     {"class": "com.acme.Codec", "method": "decode", "descriptor": "([B)I", "line": 42, "bound": 64,
 *      "reason": "a frame holds at most 64 fields"},
 *     {"class": "com.acme.Codec", "method": "skip", "descriptor": "(I)V", "header": 17, "bound": 8,
 *      "reason": "..."}
 *   ],
 *   "costs": [
 *     {"class": "com.acme.Hw", "method": "read", "descriptor": "(I)I", "cycles": 120, "reason": "..."}
 *   ]
 * }
 * }</pre>
 *
 * <p>A loop is named by its method and either {@code line}, the source line of the loop header's first
 * instruction (every loop of the method whose header is on that line), or {@code header}, the index of
 * the loop header's first instruction among the method's instructions (counting from 0, as the
 * {@code unbounded-loop} finding quotes it). {@code bound} is the largest number of iterations per entry
 * of the loop. A {@code costs} entry is trusted like {@code @AssumeCost}.
 */
public final class FlowFacts {
    private static final List<String> TOP_KEYS = List.of("description", "loops", "costs");
    private static final List<String> LOOP_KEYS = List.of("class", "method", "descriptor", "line", "header", "bound", "reason");
    private static final List<String> COST_KEYS = List.of("class", "method", "descriptor", "cycles", "reason");
    private static final FlowFacts NONE = new FlowFacts(Map.of(), Map.of());

    /** A declared fact with where it was declared, e.g. {@code facts.json loops entry 2}. */
    public record Fact(long value, String origin) {
    }

    /** Keys: {@code owner#name+descriptor line:L} or {@code owner#name+descriptor header:H}. */
    private final Map<String, Fact> loops;
    private final Map<MethodRef, Fact> costs;

    private FlowFacts(Map<String, Fact> loops, Map<MethodRef, Fact> costs) {
        this.loops = Map.copyOf(loops);
        this.costs = Map.copyOf(costs);
    }

    /** No facts. */
    public static FlowFacts none() {
        return NONE;
    }

    /**
     * @throws ConfigurationException naming the file and entry when the file is missing or malformed
     */
    public static FlowFacts load(Path file) {
        String prefix = prefix(file);
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName() == null ? file.toString() : file.getFileName().toString(), prefix);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(prefix + "no such file");
        } catch (IOException e) {
            throw new ConfigurationException(prefix + "cannot read: " + e.getMessage(), e);
        }
    }

    /** How messages about the file start: {@code flow facts facts.json: }. */
    public static String prefix(Path file) {
        return "flow facts " + file + ": ";
    }

    private static FlowFacts parse(InputStream in, String shortName, String prefix) {
        JsonObject top = StrictJson.read(in, prefix);
        StrictJson.checkKeys(top, TOP_KEYS, prefix);
        StrictJson.string(top, "description", prefix, false);
        Map<String, Fact> loops = new HashMap<>();
        Map<String, Integer> loopEntries = new HashMap<>();
        int index = 0;
        for (JsonElement element : StrictJson.array(top, "loops", prefix)) {
            index++;
            JsonObject entry = object(element, prefix + "loops entry " + index + ": ");
            String where = prefix + "loops entry " + index + describe(entry) + ": ";
            StrictJson.checkKeys(entry, LOOP_KEYS, where);
            MethodRef method = method(entry, where);
            boolean byLine = entry.has("line");
            if (byLine == entry.has("header")) {
                throw new ConfigurationException(where + "name the loop by exactly one of \"line\" (source line of the"
                        + " loop header) or \"header\" (instruction index of the loop header)");
            }
            long at = byLine ? StrictJson.integer(entry, "line", 1, Integer.MAX_VALUE, where)
                    : StrictJson.integer(entry, "header", 0, Integer.MAX_VALUE, where);
            long bound = StrictJson.integer(entry, "bound", 0, Integer.MAX_VALUE, where);
            StrictJson.string(entry, "reason", where, true);
            String key = loopKey(method, byLine, (int) at);
            Integer first = loopEntries.putIfAbsent(key, index);
            if (first != null) {
                throw new ConfigurationException(where + "duplicate loop; loops entry " + first + " already bounds it");
            }
            loops.put(key, new Fact(bound, shortName + " loops entry " + index));
        }
        Map<MethodRef, Fact> costs = new HashMap<>();
        Map<MethodRef, Integer> costEntries = new HashMap<>();
        index = 0;
        for (JsonElement element : StrictJson.array(top, "costs", prefix)) {
            index++;
            JsonObject entry = object(element, prefix + "costs entry " + index + ": ");
            String where = prefix + "costs entry " + index + describe(entry) + ": ";
            StrictJson.checkKeys(entry, COST_KEYS, where);
            MethodRef method = method(entry, where);
            long cycles = StrictJson.integer(entry, "cycles", 0, Long.MAX_VALUE / 4, where);
            StrictJson.string(entry, "reason", where, true);
            Integer first = costEntries.putIfAbsent(method, index);
            if (first != null) {
                throw new ConfigurationException(where + "duplicate method; costs entry " + first + " already gives its cost");
            }
            costs.put(method, new Fact(cycles, shortName + " costs entry " + index));
        }
        return new FlowFacts(loops, costs);
    }

    private static JsonObject object(JsonElement element, String where) {
        if (!element.isJsonObject()) {
            throw new ConfigurationException(where + "expected an object, found " + StrictJson.describe(element));
        }
        return element.getAsJsonObject();
    }

    private static String describe(JsonObject entry) {
        StringBuilder s = new StringBuilder();
        for (String key : List.of("class", "method", "descriptor")) {
            JsonElement v = entry.get(key);
            if (v != null && v.isJsonPrimitive()) {
                s.append(key.equals("method") ? "#" : "").append(v.getAsString());
            }
        }
        for (String key : List.of("line", "header")) {
            JsonElement v = entry.get(key);
            if (v != null && v.isJsonPrimitive()) {
                s.append(' ').append(key).append(' ').append(v.getAsString());
            }
        }
        return s.length() == 0 ? "" : " (" + s + ")";
    }

    private static MethodRef method(JsonObject entry, String where) {
        String owner = StrictJson.string(entry, "class", where, true);
        String name = StrictJson.string(entry, "method", where, true);
        String descriptor = StrictJson.string(entry, "descriptor", where, true);
        if (owner.contains("/") || owner.contains("#")) {
            throw new ConfigurationException(where + "\"class\" must be a binary class name with dots, e.g. com.acme.Codec");
        }
        CostModels.methodKey(owner + "#" + name + descriptor, where); // validates the descriptor
        if (!descriptor.startsWith("(")) {
            throw new ConfigurationException(where + "\"descriptor\" must be a JVM method descriptor, e.g. (I)V");
        }
        return new MethodRef(owner.replace('.', '/'), name, descriptor);
    }

    private static String loopKey(MethodRef method, boolean byLine, int at) {
        return method.owner() + "#" + method.name() + method.descriptor() + (byLine ? " line:" : " header:") + at;
    }

    /** The declared bound of the loop with this header (instruction index and source line, 0 when none). */
    public Optional<Fact> loopBound(MethodRef method, int headerIndex, int line) {
        Fact byHeader = loops.get(loopKey(method, false, headerIndex));
        if (byHeader != null) {
            return Optional.of(byHeader);
        }
        return line > 0 ? Optional.ofNullable(loops.get(loopKey(method, true, line))) : Optional.empty();
    }

    /** The declared cost of one call of the method. */
    public Optional<Fact> methodCost(MethodRef method) {
        return Optional.ofNullable(costs.get(method));
    }

    /** No loop bound and no cost: a file {@code {}} or with empty lists. */
    public boolean isEmpty() {
        return loops.isEmpty() && costs.isEmpty();
    }
}
