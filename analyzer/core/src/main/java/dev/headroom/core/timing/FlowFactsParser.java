package dev.headroom.core.timing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.json.StrictJson;
import dev.headroom.core.timing.FlowFacts.BlockCount;
import dev.headroom.core.timing.FlowFacts.Exclusion;
import dev.headroom.core.timing.FlowFacts.Fact;
import dev.headroom.core.timing.FlowFacts.Kind;
import dev.headroom.core.timing.FlowFacts.LoopKey;
import dev.headroom.core.timing.FlowFacts.Named;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a flow-facts file (format versions 1 and 2) into {@link FlowFacts}. Every problem is a
 * {@link ConfigurationException} that names the file and, inside a list, the entry.
 */
final class FlowFactsParser {
    private static final List<String> TOP_KEYS = List.of("version", "description", "loops", "blocks", "exclusive", "costs");
    private static final List<String> LOOP_KEYS =
            List.of("class", "method", "descriptor", "line", "header", "bound", "total", "reason");
    private static final List<String> BLOCK_KEYS = List.of("class", "method", "descriptor", "line", "count", "reason");
    private static final List<String> EXCLUSIVE_KEYS = List.of("class", "method", "descriptor", "lines", "reason");
    private static final List<String> COST_KEYS = List.of("class", "method", "descriptor", "cycles", "reason");
    private static final int MAX = Integer.MAX_VALUE;

    /** An entry of one of the file's lists, with its keys, method and reason checked. */
    private record Entry(String list, int index, JsonObject json, MethodRef method, String where, String origin) {
        /** Fails when an earlier entry of the list has the same key. */
        <K> void unique(Map<K, Integer> seen, K key, String what, String already) {
            Integer first = seen.putIfAbsent(key, index);
            if (first != null) {
                throw new ConfigurationException(
                        where + "duplicate " + what + "; " + list + " entry " + first + " already " + already);
            }
        }
    }

    private final String shortName;
    private final String prefix;
    private final int version;
    private final Map<LoopKey, Fact> bounds = new LinkedHashMap<>();
    private final Map<LoopKey, Fact> totals = new LinkedHashMap<>();
    private final List<Named> named = new ArrayList<>();

    private FlowFactsParser(String shortName, String prefix, int version) {
        this.shortName = shortName;
        this.prefix = prefix;
        this.version = version;
    }

    /** Reads the file; {@code shortName} starts each fact's origin, {@code prefix} each message. */
    static FlowFacts parse(InputStream in, String shortName, String prefix) {
        JsonObject top = StrictJson.read(in, prefix);
        StrictJson.checkKeys(top, TOP_KEYS, prefix);
        StrictJson.string(top, "description", prefix, false);
        return new FlowFactsParser(shortName, prefix, version(top, prefix)).facts(top);
    }

    /** 1 or 2; absent means 1 (the format from before there were versions). Another whole number is unsupported. */
    private static int version(JsonObject top, String prefix) {
        JsonElement v = top.get("version");
        if (v == null) {
            return 1;
        }
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            BigDecimal n = v.getAsBigDecimal();
            boolean whole = n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
            if (whole && n.compareTo(BigDecimal.ONE) != 0 && n.compareTo(BigDecimal.valueOf(2)) != 0) {
                throw new ConfigurationException(prefix + "unsupported \"version\": " + v.getAsString()
                        + "; this Headroom reads versions 1 and 2");
            }
        }
        return (int) StrictJson.integer(v, "\"version\"", 1, 2, prefix);
    }

    private FlowFacts facts(JsonObject top) {
        for (String key : List.of("blocks", "exclusive")) {
            if (version == 1 && top.has(key)) {
                throw needsVersion2(prefix, "\"" + key + "\"");
            }
        }
        loops(top);
        Map<MethodRef, List<BlockCount>> blocks = blocks(top);
        Map<MethodRef, List<Exclusion>> exclusions = exclusions(top);
        return new FlowFacts(bounds, totals, blocks, exclusions, named, costs(top));
    }

    private static ConfigurationException needsVersion2(String where, String what) {
        return new ConfigurationException(where + what + " needs \"version\": 2 (a file without \"version\" is version 1)");
    }

    private void loops(JsonObject top) {
        Map<LoopKey, Integer> seen = new HashMap<>();
        for (Entry entry : entries(top, "loops", LOOP_KEYS)) {
            JsonObject json = entry.json();
            String where = entry.where();
            boolean byLine = json.has("line");
            if (byLine == json.has("header")) {
                throw new ConfigurationException(where + "name the loop by exactly one of \"line\" (source line of the"
                        + " loop header) or \"header\" (instruction index of the loop header)");
            }
            int at = byLine ? line(json, where) : (int) StrictJson.integer(json, "header", 0, MAX, where);
            boolean total = json.has("total");
            if (total && version == 1) {
                throw needsVersion2(where, "\"total\"");
            }
            if (!total && !json.has("bound") && version > 1) {
                throw new ConfigurationException(where + "missing \"bound\" (iterations each time the loop is entered)"
                        + " or \"total\" (iterations over one call of the method); give one or both");
            }
            LoopKey key = new LoopKey(entry.method(), !byLine, at);
            entry.unique(seen, key, "loop", "bounds it");
            if (!total || json.has("bound")) {
                bounds.put(key, new Fact(StrictJson.integer(json, "bound", 0, MAX, where), entry.origin()));
            }
            if (total) {
                totals.put(key, new Fact(StrictJson.integer(json, "total", 0, MAX, where), entry.origin()));
            }
            named.add(new Named(entry.method(), entry.origin(), Kind.LOOP, !byLine, at, 0));
        }
    }

    private Map<MethodRef, List<BlockCount>> blocks(JsonObject top) {
        Map<MethodRef, List<BlockCount>> blocks = new LinkedHashMap<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (Entry entry : entries(top, "blocks", BLOCK_KEYS)) {
            int line = line(entry.json(), entry.where());
            long count = StrictJson.integer(entry.json(), "count", 0, MAX, entry.where());
            entry.unique(seen, List.of(entry.method(), line), "block", "counts the code on that line");
            blocks.computeIfAbsent(entry.method(), m -> new ArrayList<>()).add(new BlockCount(line, count, entry.origin()));
            named.add(new Named(entry.method(), entry.origin(), Kind.BLOCK, false, line, 0));
        }
        return blocks;
    }

    private Map<MethodRef, List<Exclusion>> exclusions(JsonObject top) {
        Map<MethodRef, List<Exclusion>> exclusions = new LinkedHashMap<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (Entry entry : entries(top, "exclusive", EXCLUSIVE_KEYS)) {
            int[] lines = twoLines(entry.json(), entry.where());
            List<Object> pair = List.of(entry.method(), Math.min(lines[0], lines[1]), Math.max(lines[0], lines[1]));
            entry.unique(seen, pair, "exclusion", "names these two lines");
            exclusions.computeIfAbsent(entry.method(), m -> new ArrayList<>())
                    .add(new Exclusion(lines[0], lines[1], entry.origin()));
            named.add(new Named(entry.method(), entry.origin(), Kind.EXCLUSIVE, false, lines[0], lines[1]));
        }
        return exclusions;
    }

    private Map<MethodRef, Fact> costs(JsonObject top) {
        Map<MethodRef, Fact> costs = new LinkedHashMap<>();
        Map<MethodRef, Integer> seen = new HashMap<>();
        for (Entry entry : entries(top, "costs", COST_KEYS)) {
            long cycles = StrictJson.integer(entry.json(), "cycles", 0, Long.MAX_VALUE / 4, entry.where());
            entry.unique(seen, entry.method(), "method", "gives its cost");
            costs.put(entry.method(), new Fact(cycles, entry.origin()));
        }
        return costs;
    }

    /** The list's entries, each an object with known keys, a method and a reason. */
    private List<Entry> entries(JsonObject top, String list, List<String> keys) {
        List<Entry> entries = new ArrayList<>();
        for (JsonElement element : StrictJson.array(top, list, prefix)) {
            int index = entries.size() + 1;
            String name = list + " entry " + index;
            if (!element.isJsonObject()) {
                throw new ConfigurationException(prefix + name + ": expected an object, found " + StrictJson.describe(element));
            }
            JsonObject json = element.getAsJsonObject();
            String where = prefix + name + describe(json) + ": ";
            StrictJson.checkKeys(json, keys, where);
            MethodRef method = method(json, where);
            StrictJson.string(json, "reason", where, true);
            entries.add(new Entry(list, index, json, method, where, shortName + " " + name));
        }
        return entries;
    }

    private static int line(JsonObject json, String where) {
        return (int) StrictJson.integer(json, "line", 1, MAX, where);
    }

    /** {@code "lines"}: exactly two different source lines. */
    private static int[] twoLines(JsonObject json, String where) {
        if (!json.has("lines")) {
            throw new ConfigurationException(where + "missing \"lines\"");
        }
        JsonElement v = json.get("lines");
        if (!v.isJsonArray() || v.getAsJsonArray().size() != 2) {
            throw new ConfigurationException(where + "\"lines\" must be an array of two source lines, e.g. [57, 63], found "
                    + (v.isJsonArray() ? "an array of " + v.getAsJsonArray().size() : StrictJson.describe(v)));
        }
        JsonArray array = v.getAsJsonArray();
        int first = (int) StrictJson.integer(array.get(0), "each of \"lines\"", 1, MAX, where);
        int second = (int) StrictJson.integer(array.get(1), "each of \"lines\"", 1, MAX, where);
        if (first == second) {
            throw new ConfigurationException(where + "\"lines\" must be two different source lines, found " + first + " twice");
        }
        return new int[] {first, second};
    }

    /** What names the entry in a message: {@code " (com.acme.Codec#decode([B)I line 42)"}. */
    private static String describe(JsonObject entry) {
        StringBuilder s = new StringBuilder();
        for (String key : List.of("class", "method", "descriptor")) {
            JsonElement v = entry.get(key);
            if (v != null && v.isJsonPrimitive()) {
                s.append(key.equals("method") ? "#" : "").append(v.getAsString());
            }
        }
        for (String key : List.of("line", "header", "lines")) {
            JsonElement v = entry.get(key);
            if (v != null && (v.isJsonPrimitive() || v.isJsonArray())) {
                s.append(' ').append(key).append(' ').append(v.isJsonPrimitive() ? v.getAsString() : v.toString());
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
}
