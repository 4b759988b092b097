package dev.headroom.core.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.json.JsonOutput;
import dev.headroom.core.json.StrictJson;
import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.TimingReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A baseline file: the findings accepted (by line-free key, with a count per key) and the budgets they
 * ratchet: the static footprint's total, each bounded root's worst-case cost and worst-case stack.
 *
 * <pre>
 * {
 *   "baselineVersion": 1,
 *   "tool": {"name": "headroom", "version": "0.1.0"},
 *   "findings": [{"rule": "heap-allocation", "root": "com.acme.Motor#onTick()V",
 *                 "location": "com.acme.Motor#publish(I)V", "key": "...", "count": 2}],
 *   "memory": {"totalBytes": 848},
 *   "timing": [{"root": "com.acme.Motor#onTick()V", "wcet": 706}],
 *   "stack": [{"root": "com.acme.Motor#onTick()V", "bytes": 688}]
 * }
 * </pre>
 *
 * Lists are sorted and the text is the same bytes for the same findings and budgets. {@code root} is
 * left out for findings not tied to a root; {@code memory} when no footprint was computed; unbounded roots
 * are not in {@code timing} or {@code stack} (their findings are).
 *
 * @param toolVersion the version of the analyzer that wrote it
 * @param findings    one entry per key, sorted
 * @param memoryTotal the static footprint in bytes, or null
 * @param timing      root ({@code com.acme.Motor#onTick()V}) to its worst-case cost, bounded roots only
 * @param stack       root to its worst-case stack in bytes, bounded roots only
 */
public record Baseline(String toolVersion, List<BaselineEntry> findings, Long memoryTotal,
                       SortedMap<String, Long> timing, SortedMap<String, Long> stack) {
    public static final int VERSION = 1;
    private static final Set<String> TOP_LEVEL = Set.of("baselineVersion", "tool", "findings", "memory", "timing",
            "stack");

    public Baseline {
        findings = findings.stream().sorted().toList();
        timing = Collections.unmodifiableSortedMap(new TreeMap<>(timing));
        stack = Collections.unmodifiableSortedMap(new TreeMap<>(stack));
    }

    /** Today's unsuppressed findings and budgets, as a baseline. */
    public static Baseline of(String toolVersion, List<Finding> findings, MemoryReport memory, TimingReport timing) {
        Map<BaselineEntry, Integer> counts = new TreeMap<>();
        for (Finding f : findings) {
            if (!f.suppressed()) {
                counts.merge(BaselineKeys.entry(f), 1, Integer::sum);
            }
        }
        List<BaselineEntry> entries = new ArrayList<>();
        counts.forEach((e, n) -> entries.add(new BaselineEntry(e.rule(), e.root(), e.location(), e.key(), n)));
        SortedMap<String, Long> wcet = new TreeMap<>();
        if (timing != null) {
            for (RootTiming t : timing.roots()) {
                if (t.bounded()) {
                    wcet.put(t.root().toString(), t.wcet());
                }
            }
        }
        SortedMap<String, Long> stackBytes = new TreeMap<>();
        Long total = null;
        if (memory != null) {
            total = memory.totalBytes();
            for (StackUsage s : memory.stack()) {
                if (s.bounded()) {
                    stackBytes.put(s.root().toString(), s.bytes());
                }
            }
        }
        return new Baseline(toolVersion, entries, total, wcet, stackBytes);
    }

    /** The file's text: two-space indented JSON ending with a newline. */
    public String toJson() {
        StringWriter text = new StringWriter();
        try (JsonWriter json = JsonOutput.writer(text)) {
            json.beginObject();
            json.name("baselineVersion").value(VERSION);
            json.name("tool").beginObject().name("name").value("headroom").name("version").value(toolVersion)
                    .endObject();
            json.name("findings").beginArray();
            for (BaselineEntry e : findings) {
                json.beginObject();
                json.name("rule").value(e.rule());
                if (e.root() != null) {
                    json.name("root").value(e.root());
                }
                json.name("location").value(e.location());
                json.name("key").value(e.key());
                json.name("count").value(e.count());
                json.endObject();
            }
            json.endArray();
            if (memoryTotal != null) {
                json.name("memory").beginObject().name("totalBytes").value(memoryTotal).endObject();
            }
            json.name("timing").beginArray();
            for (Map.Entry<String, Long> t : timing.entrySet()) {
                json.beginObject().name("root").value(t.getKey()).name("wcet").value(t.getValue()).endObject();
            }
            json.endArray();
            json.name("stack").beginArray();
            for (Map.Entry<String, Long> s : stack.entrySet()) {
                json.beginObject().name("root").value(s.getKey()).name("bytes").value(s.getValue()).endObject();
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text + "\n";
    }

    /** Writes the file; a failure is a configuration error naming it. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write the baseline " + file + ": " + reason(e), e);
        }
    }

    /**
     * Reads and checks a baseline file; a missing or malformed one is a one-line configuration error naming it.
     * The JSON is read strictly ({@link StrictJson}: UTF-8, no raw control characters in strings, no
     * duplicate keys), so a damaged file never loads as a baseline that quietly matches nothing.
     */
    public static Baseline read(Path file) {
        String prefix = "malformed baseline " + file + ": ";
        JsonObject top;
        try (InputStream in = Files.newInputStream(file)) {
            top = StrictJson.read(in, prefix);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("baseline file not found: " + file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the baseline " + file + ": " + reason(e), e);
        }
        try {
            return parse(top);
        } catch (Malformed e) {
            throw new ConfigurationException(prefix + e.getMessage(), e);
        }
    }

    private static Baseline parse(JsonObject top) {
        for (String key : top.keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                throw new Malformed("unknown key '" + key + "'");
            }
        }
        long version = number(top, "baselineVersion", "");
        if (version != VERSION) {
            throw new Malformed("baselineVersion " + version + " is not supported; this version reads " + VERSION);
        }
        String toolVersion = null;
        if (top.has("tool") && top.get("tool").isJsonObject() && top.getAsJsonObject("tool").has("version")) {
            toolVersion = string(top.getAsJsonObject("tool"), "version", "tool.");
        }
        List<BaselineEntry> entries = new ArrayList<>();
        Set<BaselineEntry> seen = new java.util.HashSet<>();
        JsonArray findings = array(top, "findings", true);
        for (int i = 0; i < findings.size(); i++) {
            String where = "findings[" + i + "].";
            JsonObject o = object(findings.get(i), "findings[" + i + "]");
            String rule = string(o, "rule", where);
            if (Arrays.stream(Rule.values()).noneMatch(r -> r.id().equals(rule))) {
                throw new Malformed(where + "rule: unknown rule '" + rule + "'");
            }
            String rootName = o.has("root") && !o.get("root").isJsonNull() ? string(o, "root", where) : null;
            long count = number(o, "count", where);
            if (count < 1 || count > Integer.MAX_VALUE) {
                throw new Malformed(where + "count must be at least 1, not " + count);
            }
            BaselineEntry entry = new BaselineEntry(rule, rootName, string(o, "location", where),
                    string(o, "key", where), (int) count);
            if (!seen.add(BaselineKeys.identity(entry))) {
                throw new Malformed(where + " repeats an earlier entry; give one entry with a count");
            }
            entries.add(entry);
        }
        Long total = null;
        if (top.has("memory")) {
            JsonObject memory = object(top.get("memory"), "memory");
            total = nonNegative(memory, "totalBytes", "memory.");
        }
        return new Baseline(toolVersion, entries, total, perRoot(top, "timing", "wcet"), perRoot(top, "stack", "bytes"));
    }

    private static SortedMap<String, Long> perRoot(JsonObject top, String name, String value) {
        SortedMap<String, Long> map = new TreeMap<>();
        JsonArray array = array(top, name, false);
        for (int i = 0; i < array.size(); i++) {
            String where = name + "[" + i + "].";
            JsonObject o = object(array.get(i), name + "[" + i + "]");
            if (map.put(string(o, "root", where), nonNegative(o, value, where)) != null) {
                throw new Malformed(where + "root repeats an earlier entry");
            }
        }
        return map;
    }

    private static JsonArray array(JsonObject o, String name, boolean required) {
        JsonElement e = o.get(name);
        if (e == null) {
            if (required) {
                throw new Malformed("'" + name + "' is missing");
            }
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw new Malformed("'" + name + "' must be an array");
        }
        return e.getAsJsonArray();
    }

    private static JsonObject object(JsonElement e, String where) {
        if (!e.isJsonObject()) {
            throw new Malformed(where + " must be an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String name, String where) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isString() || e.getAsString().isEmpty()) {
            throw new Malformed(where + name + " must be a non-empty string");
        }
        return e.getAsString();
    }

    private static long number(JsonObject o, String name, String where) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw new Malformed(where + name + " must be a number");
        }
        try {
            return e.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException notWhole) {
            throw new Malformed(where + name + " must be a whole number, not " + e.getAsString());
        }
    }

    private static long nonNegative(JsonObject o, String name, String where) {
        long n = number(o, name, where);
        if (n < 0) {
            throw new Malformed(where + name + " must be 0 or more, not " + n);
        }
        return n;
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable JSON" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** A structural problem in a baseline file. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }
}
