package dev.headroom.core.timing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.JvmNames;
import dev.headroom.core.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads cost models: a bundled one by name ({@link #BUNDLED}), or a JSON file. The format (see
 * {@code rules/src/main/resources/dev/headroom/rules/cost-models/README.md}):
 *
 * <pre>{@code
 * {
 *   "name": "my-core",
 *   "description": "what the numbers are and where they come from",
 *   "default": 1,
 *   "opcodes": {"invokevirtual": 30, "new": 60},
 *   "intrinsics": {"load": 3, "store": 3, "atomic": 20},
 *   "methods": [{"method": "java.lang.System#nanoTime()J", "cycles": 40, "reason": "..."}]
 * }
 * }</pre>
 *
 * <p>{@code default} is the cost of every opcode that {@code opcodes} does not name. {@code intrinsics}
 * prices the forms of {@link Intrinsics}: a call of a listed method costs its form's price. A {@code methods}
 * entry names a method by binary class name, {@code #}, method name and optionally its descriptor, and
 * gives the trusted cost of one call of it (for native methods and intrinsics). Every problem is a
 * {@link ConfigurationException} naming the file and the entry.
 */
public final class CostModels {
    /** The bundled models, by name. */
    public static final List<String> BUNDLED = List.of("unit", "interpreter");
    /** The default model. */
    public static final String DEFAULT = "unit";
    static final String BUNDLED_FOLDER = "dev/headroom/rules/cost-models/";
    private static final List<String> TOP_KEYS = List.of("name", "description", "default", "opcodes", "intrinsics",
            "methods");
    private static final List<String> METHOD_KEYS = List.of("method", "cycles", "reason");
    private static final long MAX_COST = 1_000_000_000L;

    private CostModels() {
    }

    /**
     * A bundled model by name, or the cost-model JSON file at this path.
     *
     * @throws ConfigurationException when neither exists, or the model is malformed (file and entry named)
     */
    public static CostModel load(String nameOrPath) {
        if (BUNDLED.contains(nameOrPath)) {
            String resource = BUNDLED_FOLDER + nameOrPath + ".json";
            InputStream in = CostModels.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new ConfigurationException("cost model " + nameOrPath + ": bundled resource " + resource
                        + " is missing from the class path");
            }
            return parse(in, "cost model " + resource);
        }
        Path file;
        try {
            file = Path.of(nameOrPath);
        } catch (InvalidPathException e) {
            throw new ConfigurationException("cost model '" + nameOrPath + "' is neither a bundled model ("
                    + String.join(", ", BUNDLED) + ") nor a file path");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, "cost model " + nameOrPath);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("cost model '" + nameOrPath + "' is neither a bundled model ("
                    + String.join(", ", BUNDLED) + ") nor an existing file");
        } catch (IOException e) {
            throw new ConfigurationException("cost model " + nameOrPath + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static CostModel parse(InputStream in, String displayName) {
        String prefix = displayName + ": ";
        JsonObject top = StrictJson.read(in, prefix);
        StrictJson.checkKeys(top, TOP_KEYS, prefix);
        String name = StrictJson.string(top, "name", prefix, true);
        String description = StrictJson.string(top, "description", prefix, false);
        long fallback = StrictJson.integer(top, "default", 0, MAX_COST, prefix);
        long[] costs = new long[OpcodeNames.COUNT];
        java.util.Arrays.fill(costs, fallback);
        if (top.has("opcodes")) {
            JsonElement ops = top.get("opcodes");
            if (!ops.isJsonObject()) {
                throw new ConfigurationException(prefix + "\"opcodes\" must be an object of mnemonic to cost, found "
                        + StrictJson.describe(ops));
            }
            for (Map.Entry<String, JsonElement> e : ops.getAsJsonObject().entrySet()) {
                String where = prefix + "opcode \"" + e.getKey() + "\": ";
                int opcode = OpcodeNames.opcode(e.getKey()).orElseThrow(() -> new ConfigurationException(
                        where + "not a JVM opcode mnemonic (lower case, as javap prints it, e.g. invokevirtual)"));
                costs[opcode] = StrictJson.integer(e.getValue(), "the cost", 0, MAX_COST, where);
            }
        }
        Map<String, Long> forms = new HashMap<>();
        if (top.has("intrinsics")) {
            JsonElement priced = top.get("intrinsics");
            if (!priced.isJsonObject()) {
                throw new ConfigurationException(prefix + "\"intrinsics\" must be an object of intrinsic form to cost,"
                        + " found " + StrictJson.describe(priced));
            }
            for (Map.Entry<String, JsonElement> e : priced.getAsJsonObject().entrySet()) {
                String where = prefix + "intrinsic form \"" + e.getKey() + "\": ";
                if (!Intrinsics.FORMS.contains(e.getKey())) {
                    throw new ConfigurationException(where + "not an intrinsic form (one of " + Intrinsics.FORMS + ")");
                }
                forms.put(e.getKey(), StrictJson.integer(e.getValue(), "the cost", 0, MAX_COST, where));
            }
        }
        Map<String, Long> methods = new HashMap<>();
        int index = 0;
        for (JsonElement element : StrictJson.array(top, "methods", prefix)) {
            index++;
            if (!element.isJsonObject()) {
                throw new ConfigurationException(prefix + "methods entry " + index + ": expected an object, found "
                        + StrictJson.describe(element));
            }
            JsonObject entry = element.getAsJsonObject();
            String method = entry.has("method") && entry.get("method").isJsonPrimitive() ? entry.get("method").getAsString() : null;
            String where = prefix + "methods entry " + index + (method == null ? "" : " (" + method + ")") + ": ";
            StrictJson.checkKeys(entry, METHOD_KEYS, where);
            String pattern = StrictJson.string(entry, "method", where, true);
            long cycles = StrictJson.integer(entry, "cycles", 0, MAX_COST, where);
            StrictJson.string(entry, "reason", where, true);
            String key = methodKey(pattern, where);
            if (methods.put(key, cycles) != null) {
                throw new ConfigurationException(where + "duplicate method; an earlier entry already gives its cost");
            }
        }
        return new CostModel(name, description, costs, methods, forms, Intrinsics.bundled());
    }

    /** {@code java.lang.System#nanoTime()J} → {@code java/lang/System#nanoTime()J}. */
    static String methodKey(String pattern, String where) {
        if (!JvmNames.isMethodPatternShape(pattern)) {
            throw new ConfigurationException(where + "\"method\" must be <binary class name>#<method>[<descriptor>],"
                    + " e.g. java.lang.System#nanoTime()J");
        }
        int hash = pattern.indexOf('#');
        String owner = pattern.substring(0, hash);
        String rest = pattern.substring(hash + 1);
        int paren = rest.indexOf('(');
        String name = paren < 0 ? rest : rest.substring(0, paren);
        if (owner.contains("/") || owner.contains("*") || name.isEmpty() || name.contains("*")) {
            throw new ConfigurationException(where + "\"method\" must name one class and method without wildcards,"
                    + " with dots in the class name, e.g. java.lang.System#nanoTime()J");
        }
        if (paren >= 0 && !JvmNames.isMethodDescriptor(rest.substring(paren))) {
            throw new ConfigurationException(where + "malformed descriptor " + rest.substring(paren));
        }
        return owner.replace('.', '/') + "#" + rest;
    }
}
