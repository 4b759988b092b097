package dev.headroom.core.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.json.StrictJson;
import dev.headroom.core.model.Rule;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The remedy for each {@link EventKind}: the findings the analyzer makes itself rather than from a
 * rule-pack entry. Data in the bundled class path resource {@code dev/headroom/rules/remedies.json}
 * (strict JSON: {@code description}, {@code events}: [{@code event}, {@code remedy}]). Every kind must
 * have exactly one entry; every problem is a one-line {@link ConfigurationException} naming the file and
 * the entry.
 */
public final class EventRemedies {
    /** The bundled file's class path resource. */
    public static final String BUNDLED_RESOURCE = "dev/headroom/rules/remedies.json";
    private static final List<String> TOP_KEYS = List.of("description", "events");
    private static final List<String> ENTRY_KEYS = List.of("event", "remedy");

    private final Map<EventKind, String> remedies;

    private EventRemedies(Map<EventKind, String> remedies) {
        this.remedies = Collections.unmodifiableMap(remedies);
    }

    private static final class Bundled {
        static final EventRemedies INSTANCE = loadBundled();
    }

    /** The bundled remedies, loaded once. */
    public static EventRemedies bundled() {
        return Bundled.INSTANCE;
    }

    private static EventRemedies loadBundled() {
        InputStream in = EventRemedies.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE);
        String name = "remedies.json";
        if (in == null) {
            throw new ConfigurationException("event remedies " + name + ": bundled resource " + BUNDLED_RESOURCE
                    + " is missing from the class path");
        }
        String prefix = "event remedies " + name + ": ";
        return parse(StrictJson.read(in, prefix), prefix);
    }

    /** Reads (and closes) remedies in the bundled file's format; {@code displayName} names it in messages. */
    public static EventRemedies read(Reader text, String displayName) {
        String prefix = "event remedies " + displayName + ": ";
        return parse(StrictJson.read(text, prefix), prefix);
    }

    private static EventRemedies parse(JsonObject top, String prefix) {
        StrictJson.checkKeys(top, TOP_KEYS, prefix);
        StrictJson.string(top, "description", prefix, false);
        JsonArray events = StrictJson.array(top, "events", prefix);
        Map<EventKind, String> remedies = new EnumMap<>(EventKind.class);
        Map<EventKind, Integer> declaredAt = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            JsonElement e = events.get(i);
            String where = prefix + "entry " + i + ": ";
            if (!e.isJsonObject()) {
                throw new ConfigurationException(where + "expected an object, found " + StrictJson.describe(e));
            }
            JsonObject entry = e.getAsJsonObject();
            String id = StrictJson.string(entry, "event", where, true);
            where = prefix + "entry " + i + " (\"" + id + "\"): ";
            StrictJson.checkKeys(entry, ENTRY_KEYS, where);
            String prefixForKind = where;
            EventKind kind = EventKind.fromId(id).orElseThrow(() -> new ConfigurationException(prefixForKind
                    + "unknown event kind; expected one of " + ids(List.of(EventKind.values()))));
            String remedy = StrictJson.string(entry, "remedy", where, true);
            if (remedy.contains("\n")) {
                throw new ConfigurationException(where + "\"remedy\" must be one line");
            }
            Integer first = declaredAt.putIfAbsent(kind, i);
            if (first != null) {
                throw new ConfigurationException(where + "duplicate event kind; entry " + first + " already declares it");
            }
            remedies.put(kind, remedy);
        }
        List<EventKind> missing = java.util.Arrays.stream(EventKind.values()).filter(k -> !remedies.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new ConfigurationException(prefix + "no entry for event kind " + ids(missing)
                    + "; every kind needs a remedy");
        }
        return new EventRemedies(remedies);
    }

    private static String ids(List<EventKind> kinds) {
        return kinds.stream().map(EventKind::id).collect(Collectors.joining(", "));
    }

    /** The remedy for this kind of event. */
    public String remedy(EventKind kind) {
        return remedies.get(kind);
    }

    /**
     * How many entries of the bundled rule packs whose findings are this rule carry a remedy of their own
     * (0 for rules that no pack entry makes).
     */
    public static long bundledPackRemedies(Rule rule) {
        RuleKind kind = switch (rule) {
            case GROWABLE_COLLECTION -> RuleKind.GROWABLE;
            case HEAP_ALLOCATION -> RuleKind.ALLOCATING;
            case BLOCKING_CALL -> RuleKind.BLOCKING;
            case UNRESOLVED_CALL -> RuleKind.UNRESOLVED;
            default -> null;
        };
        if (kind == null) {
            return 0;
        }
        return RuleBook.loadBundled().entries().stream()
                .filter(e -> e.rule().kind() == kind && e.rule().remedy() != null)
                .count();
    }

    /** The remedies of the event kinds whose findings belong to this rule, in {@link EventKind} order. */
    public Map<EventKind, String> forRule(Rule rule) {
        Map<EventKind, String> result = new LinkedHashMap<>();
        for (EventKind kind : EventKind.values()) {
            if (kind.rule() == rule) {
                result.put(kind, remedies.get(kind));
            }
        }
        return result;
    }
}
