package dev.headroom.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonOutputTest {
    private static final String NAME = "a\u0000\u001b[2J\ud800b\udc00c\ud83d\ude00d\ud800";

    @Test
    void anUnpairedSurrogateIsAJsonEscapeAndTheNameRoundTrips() throws IOException {
        StringWriter text = new StringWriter();
        write(text);
        assertEquals("{\n  \"name\": \"a\\u0000\\u001b[2J\\ud800b\\udc00c\ud83d\ude00d\\ud800\"\n}", text.toString());
        assertEquals(NAME, JsonParser.parseString(text.toString()).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void aStrictUtf8FileCanBeWritten() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The JDK's writers replace what they cannot encode; a strict encoder (Files.newBufferedWriter's) fails.
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder())) {
            write(out);
        }
        assertEquals(NAME, JsonParser.parseString(bytes.toString(StandardCharsets.UTF_8)).getAsJsonObject()
                .get("name").getAsString());
    }

    @Test
    void aPairSplitAcrossWritesIsKept() throws IOException {
        StringWriter text = new StringWriter();
        Writer out = new JsonOutput.LoneSurrogateEscapes(text);
        out.write("x\ud83d");
        out.write("\ude00y\udc00");
        out.write('\ud800');
        out.close();
        assertEquals("x\ud83d\ude00y\\udc00\\ud800", text.toString());
    }

    /** Texts and their pieces run across the block the escapes gather: each way of writing gives the same output. */
    @Test
    void blocksOfTextGiveWhatOneCharAtATimeGives() throws IOException {
        Random random = new Random(7);
        char[] alphabet = {'a', '"', '\ud83d', '\ude00', '\ud800', '\udfff'};
        for (int round = 0; round < 200; round++) {
            char[] chars = new char[random.nextInt(20_000)];
            for (int i = 0; i < chars.length; i++) {
                // Mostly plain text, so surrogates fall at every position of a block, block ends included; every
                // other round mostly surrogates, so pairs and lone ones follow each other.
                int plain = round % 2 == 0 ? 50 : 2;
                chars[i] = random.nextInt(plain) == 0 ? alphabet[1 + random.nextInt(alphabet.length - 1)] : 'a';
            }
            StringWriter oneByOne = new StringWriter();
            StringWriter asStrings = new StringWriter();
            StringWriter asArrays = new StringWriter();
            StringWriter asShortStrings = new StringWriter();
            try (Writer reference = new JsonOutput.LoneSurrogateEscapes(oneByOne);
                 Writer strings = new JsonOutput.LoneSurrogateEscapes(asStrings);
                 Writer arrays = new JsonOutput.LoneSurrogateEscapes(asArrays);
                 Writer shortStrings = new JsonOutput.LoneSurrogateEscapes(asShortStrings)) {
                for (char c : chars) {
                    reference.write(c);
                }
                for (int from = 0; from < chars.length; ) {
                    int to = Math.min(chars.length, from + 1 + random.nextInt(10_000));
                    strings.write(new String(chars), from, to - from);
                    arrays.write(chars, from, to - from);
                    from = to;
                }
                String text = new String(chars);
                for (int from = 0; from < chars.length; ) { // separators, indents and short names
                    int to = Math.min(chars.length, from + 1 + random.nextInt(20));
                    shortStrings.write(text, from, to - from);
                    from = to;
                }
            }
            assertEquals(-1, firstDifference(oneByOne.toString(), asStrings.toString()), "strings, round " + round);
            assertEquals(-1, firstDifference(oneByOne.toString(), asArrays.toString()), "arrays, round " + round);
            assertEquals(-1, firstDifference(oneByOne.toString(), asShortStrings.toString()),
                    "short strings, round " + round);
        }
    }

    /**
     * Strings that come again are copied from the form made the first time: the text is the JSON writer's own for
     * every string (escapes, pairs and unpaired surrogates, short and long, nulls, as values of names and in arrays,
     * repeated after the most forms kept are reached), and html-safe escapes still apply when a writer is switched to
     * them after its forms were made (as Gson's toJson does to a writer it is given). The reference is Gson's writer
     * over the surrogate escapes, whose output blocksOfTextGiveWhatOneCharAtATimeGives ties to one char at a time.
     */
    @Test
    void repeatedStringsAreWrittenAsTheJsonWriterWritesThem() throws IOException {
        Random random = new Random(11);
        String[] pieces = {"a", "\"", "\\", "\n", "\t", "\u0001", "\u001b", "\u2028", "\u2029", "<", "=", "&", "\u00e9",
            "\ud83d\ude00", "\ud800", "\udc00", "plain text of some length"};
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(12); p > 0; p--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        texts.add(null);
        List<String> once = new ArrayList<>();
        for (int i = 0; i < JsonOutput.RepeatedStrings.MOST_FORMS + 100; i++) {
            once.add("a text met once, number " + i);
        }
        StringWriter expected = new StringWriter();
        StringWriter actual = new StringWriter();
        JsonWriter reference = new JsonWriter(new JsonOutput.LoneSurrogateEscapes(expected));
        reference.setIndent("  ");
        reference.setHtmlSafe(false);
        JsonWriter json = JsonOutput.writer(actual);
        for (JsonWriter writer : List.of(reference, json)) {
            writer.beginObject();
            writer.name("first").beginArray();
            for (String text : texts) {
                writer.value(text);
            }
            writer.endArray();
            writer.name("named").beginObject();
            for (int i = 0; i < texts.size(); i++) {
                writer.name("k" + i).value(texts.get(i));
            }
            writer.endObject();
            writer.name("past the most forms kept").beginArray();
            for (String text : once) {
                writer.value(text);
            }
            for (String text : texts) {
                writer.value(text);
            }
            for (String text : once.subList(once.size() - 200, once.size())) {
                writer.value(text);
            }
            writer.endArray();
            writer.setHtmlSafe(true);
            writer.name("html-safe").beginArray();
            for (String text : texts) {
                writer.value(text);
            }
            writer.endArray();
            writer.endObject();
            writer.close();
        }
        assertEquals(-1, firstDifference(expected.toString(), actual.toString()));
        assertEquals(JsonOutput.RepeatedStrings.MOST_FORMS, ((JsonOutput.RepeatedStrings) json).formsKept(),
                "forms kept once the texts met once outnumber the cap");
    }

    /** Where two texts first differ (the texts themselves are too long to show); -1 when equal. */
    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    private static void write(Writer out) throws IOException {
        JsonWriter json = JsonOutput.writer(out);
        json.beginObject().name("name").value(NAME).endObject();
        json.flush();
    }
}
