package dev.headroom.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.headroom.core.ConfigurationException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict JSON for Headroom's data files (rule packs, cost models, flow facts): UTF-8, no comments, no
 * duplicate keys, one object at the top level. Every problem is a {@link ConfigurationException} that
 * starts with the prefix naming the file.
 */
public final class StrictJson {
    private StrictJson() {
    }

    public static JsonObject read(InputStream in, String prefix) {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), prefix);
    }

    /** Reads and closes the text. */
    public static JsonObject read(Reader source, String prefix) {
        try (Reader text = source) {
            JsonReader reader = new JsonReader(text);
            reader.setStrictness(Strictness.STRICT);
            JsonToken first = first(reader, prefix);
            if (first != JsonToken.BEGIN_OBJECT) {
                throw new ConfigurationException(prefix + "expected a JSON object at the top level, found "
                        + (first == JsonToken.BEGIN_ARRAY ? "an array" : "a single value"));
            }
            JsonObject top = value(reader, prefix).getAsJsonObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ConfigurationException(prefix + "not valid JSON: unexpected content after the top-level object");
            }
            return top;
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(prefix + "not valid UTF-8 text", e);
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            // Gson's message names the line, column and JSON path; its second line is a link to its FAQ
            throw new ConfigurationException(prefix + "not valid JSON: " + firstLine(e), e);
        } catch (IOException e) {
            throw new ConfigurationException(prefix + "cannot read: " + firstLine(e), e);
        }
    }

    /** The first token; an empty or blank file is said to be one (Gson would say "End of input at line 1"). */
    private static JsonToken first(JsonReader reader, String prefix) throws IOException {
        try {
            return reader.peek();
        } catch (EOFException e) {
            throw new ConfigurationException(prefix + "the file is empty; expected a JSON object", e);
        }
    }

    private static JsonElement value(JsonReader reader, String prefix) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                JsonObject object = new JsonObject();
                Set<String> names = new HashSet<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (!names.add(name)) {
                        throw new ConfigurationException(prefix + "not valid JSON: duplicate key \"" + name + "\" at "
                                + reader.getPath());
                    }
                    object.add(name, value(reader, prefix));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(value(reader, prefix));
                }
                reader.endArray();
                return array;
            }
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER:
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }

    public static void checkKeys(JsonObject object, List<String> allowed, String where) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new ConfigurationException(where + "unknown key \"" + key + "\"; expected one of "
                        + String.join(", ", allowed));
            }
        }
    }

    public static String string(JsonObject object, String key, String where, boolean required) {
        if (!object.has(key)) {
            if (required) {
                throw new ConfigurationException(where + "missing \"" + key + "\"");
            }
            return null;
        }
        JsonElement v = object.get(key);
        if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) || v.getAsString().isBlank()) {
            throw new ConfigurationException(where + "\"" + key + "\" must be a non-empty string, found " + describe(v));
        }
        return v.getAsString();
    }

    /** A whole number from min to max (inclusive). */
    public static long integer(JsonObject object, String key, long min, long max, String where) {
        if (!object.has(key)) {
            throw new ConfigurationException(where + "missing \"" + key + "\"");
        }
        return integer(object.get(key), "\"" + key + "\"", min, max, where);
    }

    public static long integer(JsonElement v, String what, long min, long max, String where) {
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            BigDecimal d = v.getAsBigDecimal();
            try {
                long l = d.longValueExact();
                if (l >= min && l <= max) {
                    return l;
                }
            } catch (ArithmeticException e) {
                // not a whole number in range: reported below
            }
        }
        throw new ConfigurationException(where + what + " must be a whole number from " + min + " to " + max
                + ", found " + (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsString() : describe(v)));
    }

    public static JsonArray array(JsonObject object, String key, String where) {
        JsonElement v = object.get(key);
        if (v == null) {
            return new JsonArray();
        }
        if (!v.isJsonArray()) {
            throw new ConfigurationException(where + "\"" + key + "\" must be an array, found " + describe(v));
        }
        return v.getAsJsonArray();
    }

    public static String describe(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        } else if (e.isJsonObject()) {
            return "an object";
        } else if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "a boolean" : p.isNumber() ? "a number" : "a string";
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        message = (newline < 0 ? message : message.substring(0, newline)).trim();
        return message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "unexpected text (comments, unquoted values and trailing content are not allowed)");
    }
}
