package dev.headroom.core.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.json.StrictJson;
import dev.headroom.core.model.RootKind;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rule packs (with their includes) in order into one pattern-to-rule map in which a later
 * entry replaces an earlier one with the same pattern. Every problem is a one-line
 * {@link ConfigurationException} naming the pack and, where there is one, the entry.
 */
final class PackLoader {
    private static final List<String> TOP_KEYS = List.of("name", "description", "include", "methods", "roots",
            "fixedSize");
    private static final List<String> ENTRY_KEYS = List.of("method", "kind", "reason", "remedy", "overrides",
            "capacityResult");
    private static final List<String> ROOT_KEYS = List.of("annotation", "when", "kind", "reason");
    private static final List<String> FIXED_SIZE_KEYS = List.of("class", "view", "reason");
    private static final java.util.regex.Pattern BINARY_NAME = java.util.regex.Pattern.compile(
            "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    private final Map<String, Loaded> rules = new LinkedHashMap<>();
    private final List<MethodRule> replaced = new ArrayList<>();
    private final Map<String, RootAnnotation> roots = new LinkedHashMap<>();
    private final Map<String, FixedSizeClass> fixedSize = new LinkedHashMap<>();
    private final Deque<PackSource> including = new ArrayDeque<>();

    /** A rule with its parsed pattern. */
    record Loaded(MethodPattern pattern, MethodRule rule) {
    }

    /** Loads one pack: its includes first, in order, then its own entries. */
    void load(PackSource source) {
        load(source, null);
    }

    /** The surviving rules, in the order they were (last) defined. */
    List<Loaded> rules() {
        return List.copyOf(rules.values());
    }

    /** The surviving root-annotation mappings, in the order they were (last) defined. */
    List<RootAnnotation> roots() {
        return List.copyOf(roots.values());
    }

    /** The surviving fixed-size classes, in the order they were (last) defined. */
    List<FixedSizeClass> fixedSize() {
        return List.copyOf(fixedSize.values());
    }

    /** Rules that a later entry with the same pattern replaced, in load order. */
    List<MethodRule> replaced() {
        return List.copyOf(replaced);
    }

    private void load(PackSource source, PackSource includedBy) {
        String prefix = "rules pack " + source.displayName() + ": ";
        for (PackSource open : including) {
            if (open.key().equals(source.key())) {
                List<String> chain = new ArrayList<>();
                including.descendingIterator().forEachRemaining(s -> chain.add(s.displayName()));
                chain.add(source.displayName());
                throw new ConfigurationException("rules pack " + includedBy.displayName() + ": include cycle: "
                        + String.join(" -> ", chain));
            }
        }
        JsonObject top = read(source, includedBy, prefix);

        checkKeys(top, TOP_KEYS, prefix, "at the top level");
        requireString(top, "name", prefix, true);
        if (top.has("description")) {
            requireString(top, "description", prefix, false);
        }
        List<String> includes = new ArrayList<>();
        if (top.has("include")) {
            JsonElement inc = top.get("include");
            if (!inc.isJsonArray()) {
                throw new ConfigurationException(prefix + "\"include\" must be an array of file names");
            }
            int i = 0;
            for (JsonElement e : inc.getAsJsonArray()) {
                i++;
                if (!isString(e)) {
                    throw new ConfigurationException(prefix + "include " + i + " must be a string");
                }
                includes.add(e.getAsString());
            }
        }
        if (!top.has("methods") && !top.has("roots") && !top.has("fixedSize")) {
            throw new ConfigurationException(prefix + "missing \"methods\"");
        }
        List<Loaded> own = List.of();
        if (top.has("methods")) {
            if (!top.get("methods").isJsonArray()) {
                throw new ConfigurationException(prefix + "\"methods\" must be an array of entries");
            }
            own = parseEntries(top.getAsJsonArray("methods"), source.displayName(), prefix);
        }
        List<RootAnnotation> ownRoots = List.of();
        if (top.has("roots")) {
            if (!top.get("roots").isJsonArray()) {
                throw new ConfigurationException(prefix + "\"roots\" must be an array of entries");
            }
            ownRoots = parseRoots(top.getAsJsonArray("roots"), source.displayName(), prefix);
        }
        List<FixedSizeClass> ownFixedSize = List.of();
        if (top.has("fixedSize")) {
            if (!top.get("fixedSize").isJsonArray()) {
                throw new ConfigurationException(prefix + "\"fixedSize\" must be an array of entries");
            }
            ownFixedSize = parseFixedSize(top.getAsJsonArray("fixedSize"), source.displayName(), prefix);
        }

        including.push(source);
        for (String include : includes) {
            PackSource target;
            try {
                target = source.resolve(include);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(prefix + e.getMessage());
            }
            load(target, source);
        }
        including.pop();

        for (Loaded loaded : own) {
            Loaded previous = rules.remove(loaded.rule().pattern());
            if (previous != null) {
                replaced.add(previous.rule());
            }
            rules.put(loaded.rule().pattern(), loaded);
        }
        for (RootAnnotation root : ownRoots) {
            String key = rootKey(root);
            roots.remove(key);
            roots.put(key, root);
        }
        for (FixedSizeClass fixed : ownFixedSize) {
            fixedSize.remove(fixed.className());
            fixedSize.put(fixed.className(), fixed);
        }
    }

    private static List<FixedSizeClass> parseFixedSize(JsonArray array, String displayName, String prefix) {
        List<FixedSizeClass> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int index = 0;
        for (JsonElement element : array) {
            index++;
            if (!element.isJsonObject()) {
                throw new ConfigurationException(prefix + "fixedSize entry " + index + ": expected an object, found "
                        + StrictJson.describe(element));
            }
            JsonObject entry = element.getAsJsonObject();
            String name = entry.has("class") && isString(entry.get("class")) ? entry.get("class").getAsString() : null;
            String where = prefix + "fixedSize entry " + index + (name == null ? "" : " (" + name + ")") + ": ";
            checkKeys(entry, FIXED_SIZE_KEYS, where, "");
            String className = requireString(entry, "class", where, true);
            if (!BINARY_NAME.matcher(className).matches() || className.contains("/")) {
                throw new ConfigurationException(where + "\"class\" must be a binary class name with dots,"
                        + " e.g. java.util.Collections$SingletonList");
            }
            boolean view = optionalBoolean(entry, "view", where);
            String reason = requireString(entry, "reason", where, true);
            Integer first = seen.putIfAbsent(className, index);
            if (first != null) {
                throw new ConfigurationException(where + "duplicate class; entry " + first + " already declares it");
            }
            entries.add(new FixedSizeClass(className, view, reason,
                    displayName + " fixedSize entry " + index + " (" + className + ")"));
        }
        return entries;
    }

    private static String rootKey(RootAnnotation root) {
        Map<String, String> conditions = new java.util.TreeMap<>();
        root.when().forEach((k, v) -> conditions.put(k, (v instanceof String ? "\"" + v + "\"" : String.valueOf(v))));
        return root.annotation() + " " + conditions;
    }

    private static List<RootAnnotation> parseRoots(JsonArray array, String displayName, String prefix) {
        List<RootAnnotation> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int index = 0;
        for (JsonElement element : array) {
            index++;
            if (!element.isJsonObject()) {
                throw new ConfigurationException(prefix + "roots entry " + index + ": expected an object, found "
                        + StrictJson.describe(element));
            }
            JsonObject entry = element.getAsJsonObject();
            String name = entry.has("annotation") && isString(entry.get("annotation"))
                    ? entry.get("annotation").getAsString() : null;
            String where = prefix + "roots entry " + index + (name == null ? "" : " (" + name + ")") + ": ";

            checkKeys(entry, ROOT_KEYS, where, "");
            String annotation = requireString(entry, "annotation", where, true);
            if (!BINARY_NAME.matcher(annotation).matches()) {
                throw new ConfigurationException(where + "\"annotation\" must be a binary class name with dots,"
                        + " such as javax.safetycritical.annotate.SCJRestricted");
            }
            String kindId = requireString(entry, "kind", where, true);
            String reason = requireString(entry, "reason", where, true);
            RootKind kind = switch (kindId) {
                case "real-time" -> RootKind.REAL_TIME;
                case "interrupt" -> RootKind.INTERRUPT;
                default -> throw new ConfigurationException(where + "unknown kind '" + kindId
                        + "'; expected one of real-time, interrupt");
            };
            Map<String, Object> when = new LinkedHashMap<>();
            if (entry.has("when")) {
                JsonElement w = entry.get("when");
                if (!w.isJsonObject()) {
                    throw new ConfigurationException(where + "\"when\" must be an object of element values, found "
                            + StrictJson.describe(w));
                }
                for (Map.Entry<String, JsonElement> e : w.getAsJsonObject().entrySet()) {
                    if (!BINARY_NAME.matcher(e.getKey()).matches() || e.getKey().contains(".")) {
                        throw new ConfigurationException(where + "\"when\": '" + e.getKey()
                                + "' is not an annotation element name");
                    }
                    JsonElement v = e.getValue();
                    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
                        when.put(e.getKey(), v.getAsBoolean());
                    } else if (isString(v)) {
                        when.put(e.getKey(), v.getAsString());
                    } else {
                        throw new ConfigurationException(where + "\"when\": \"" + e.getKey()
                                + "\" must be true, false or a string (a string or an enum constant's name), found "
                                + StrictJson.describe(v));
                    }
                }
            }
            RootAnnotation root = new RootAnnotation(annotation, when, kind, reason,
                    displayName + " roots entry " + index + " (" + annotation + ")");
            Integer first = seen.putIfAbsent(rootKey(root), index);
            if (first != null) {
                throw new ConfigurationException(where + "duplicate annotation and conditions; roots entry " + first
                        + " already declares them");
            }
            entries.add(root);
        }
        return entries;
    }

    private static List<Loaded> parseEntries(JsonArray methods, String displayName, String prefix) {
        List<Loaded> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int index = 0;
        for (JsonElement element : methods) {
            index++;
            if (!element.isJsonObject()) {
                throw new ConfigurationException(prefix + "entry " + index + ": expected an object, found "
                        + StrictJson.describe(element));
            }
            JsonObject entry = element.getAsJsonObject();
            String method = entry.has("method") && isString(entry.get("method")) ? entry.get("method").getAsString() : null;
            String where = prefix + "entry " + index + (method == null ? "" : " (" + method + ")") + ": ";

            checkKeys(entry, ENTRY_KEYS, where, "");
            String pattern = requireString(entry, "method", where, true);
            String kindId = requireString(entry, "kind", where, true);
            String reason = requireString(entry, "reason", where, true);
            String remedy = entry.has("remedy") ? requireString(entry, "remedy", where, true) : null;
            boolean overrides = optionalBoolean(entry, "overrides", where);
            boolean capacityResult = optionalBoolean(entry, "capacityResult", where);
            RuleKind kind = RuleKind.fromId(kindId).orElseThrow(() -> new ConfigurationException(
                    where + "unknown kind '" + kindId + "'; expected one of " + RuleKind.allIds()));
            MethodPattern parsed;
            try {
                parsed = MethodPattern.parse(pattern);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + e.getMessage());
            }
            Integer first = seen.putIfAbsent(pattern, index);
            if (first != null) {
                throw new ConfigurationException(where + "duplicate pattern; entry " + first + " already declares it");
            }
            String origin = displayName + " entry " + index + " (" + pattern + ")";
            entries.add(new Loaded(parsed, new MethodRule(pattern, kind, reason, remedy, overrides, origin,
                    capacityResult)));
        }
        return entries;
    }

    private static boolean optionalBoolean(JsonObject entry, String key, String where) {
        if (!entry.has(key)) {
            return false;
        }
        JsonElement value = entry.get(key);
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
            throw new ConfigurationException(where + "\"" + key + "\" must be true or false, found " + StrictJson.describe(value));
        }
        return value.getAsBoolean();
    }

    private static void checkKeys(JsonObject object, List<String> allowed, String where, String level) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new ConfigurationException(where + "unknown key \"" + key + "\"" + (level.isEmpty() ? "" : " " + level)
                        + "; expected one of " + String.join(", ", allowed));
            }
        }
    }

    private static String requireString(JsonObject object, String key, String where, boolean nonBlank) {
        if (!object.has(key)) {
            throw new ConfigurationException(where + "missing \"" + key + "\"");
        }
        JsonElement value = object.get(key);
        if (!isString(value)) {
            throw new ConfigurationException(where + "\"" + key + "\" must be a string, found " + StrictJson.describe(value));
        }
        String s = value.getAsString();
        if (nonBlank && s.isBlank()) {
            throw new ConfigurationException(where + "\"" + key + "\" must not be empty");
        }
        return s;
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    // ---- JSON text -> tree, strict, rejecting duplicate keys ----

    private static JsonObject read(PackSource source, PackSource includedBy, String prefix) {
        Reader text;
        try {
            text = source.open();
        } catch (IOException e) {
            throw new ConfigurationException(prefix + "cannot read: " + e.getMessage(), e);
        }
        if (text == null) {
            throw new ConfigurationException(prefix + source.missingMessage()
                    + (includedBy == null ? "" : " (included by " + includedBy.displayName() + ")"));
        }
        return StrictJson.read(text, prefix);
    }
}
