package dev.headroom.core.timing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled list of JVM intrinsics ({@code cost-models/intrinsics.json}): JDK methods the JIT compiler
 * replaces by a fixed instruction sequence, each with the {@link #FORMS form} of that sequence. A cost
 * model prices forms; {@link CostModel} turns the two into a cost per method. Every listed method is
 * static, final or in a final class, so a call naming it reaches it and nothing else.
 *
 * <p>A VarHandle access method is signature-polymorphic: a call site's descriptor is its own. Entries of
 * {@code java.lang.invoke.VarHandle} match a call site by name, or by its descriptor with every class type
 * read as {@code Object} ({@link #key}), which is how entries that hold only for some variable types say so.
 */
public final class Intrinsics {
    /** What a compiled intrinsic is: the keys of a cost model's {@code intrinsics} object. */
    public static final List<String> FORMS = List.of("load", "store", "atomic", "fence", "spin-hint", "clock",
            "current-thread");
    static final String RESOURCE = CostModels.BUNDLED_FOLDER + "intrinsics.json";
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final List<String> TOP_KEYS = List.of("description", "intrinsics");
    private static final List<String> ENTRY_KEYS = List.of("method", "form", "reason");
    private static Intrinsics bundled;

    /** {@code owner#name+descriptor} or {@code owner#name} (internal owner names) to form. */
    private final Map<String, String> forms;

    private Intrinsics(Map<String, String> forms) {
        this.forms = Map.copyOf(forms);
    }

    /** The bundled list, read once. */
    public static synchronized Intrinsics bundled() {
        if (bundled == null) {
            try (InputStream in = Intrinsics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new ConfigurationException("intrinsics: bundled resource " + RESOURCE
                            + " is missing from the class path");
                }
                bundled = parse(in, "intrinsics " + RESOURCE);
            } catch (IOException e) {
                throw new ConfigurationException("intrinsics " + RESOURCE + ": cannot read: " + e.getMessage(), e);
            }
        }
        return bundled;
    }

    static Intrinsics parse(InputStream in, String displayName) {
        String prefix = displayName + ": ";
        JsonObject top = StrictJson.read(in, prefix);
        StrictJson.checkKeys(top, TOP_KEYS, prefix);
        StrictJson.string(top, "description", prefix, true);
        Map<String, String> forms = new HashMap<>();
        int index = 0;
        for (JsonElement element : StrictJson.array(top, "intrinsics", prefix)) {
            index++;
            String where = prefix + "intrinsics entry " + index + ": ";
            if (!element.isJsonObject()) {
                throw new ConfigurationException(where + "expected an object, found " + StrictJson.describe(element));
            }
            JsonObject entry = element.getAsJsonObject();
            StrictJson.checkKeys(entry, ENTRY_KEYS, where);
            String key = CostModels.methodKey(StrictJson.string(entry, "method", where, true), where);
            String form = StrictJson.string(entry, "form", where, true);
            if (!FORMS.contains(form)) {
                throw new ConfigurationException(where + "unknown form \"" + form + "\" (one of " + FORMS + ")");
            }
            StrictJson.string(entry, "reason", where, true);
            if (forms.put(key, form) != null) {
                throw new ConfigurationException(where + "duplicate method " + key);
            }
        }
        return new Intrinsics(forms);
    }

    /** The form of the method a call names, or empty when it is not a listed intrinsic. */
    public Optional<String> form(MethodRef method) {
        String exact = forms.get(key(method));
        return Optional.ofNullable(exact != null ? exact : forms.get(method.owner() + "#" + method.name()));
    }

    /** The listed methods as {@code owner#name[descriptor]} keys with internal owner names, for tests. */
    public Map<String, String> entries() {
        return forms;
    }

    /** The lookup key of a call: a VarHandle call site's class types read as {@code Object}. */
    static String key(MethodRef method) {
        String descriptor = method.owner().equals(VAR_HANDLE)
                ? method.descriptor().replaceAll("L[^;]+;", "Ljava/lang/Object;") : method.descriptor();
        return method.owner() + "#" + method.name() + descriptor;
    }
}
