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

    private static void write(Writer out) throws IOException {
        JsonWriter json = JsonOutput.writer(out);
        json.beginObject().name("name").value(NAME).endObject();
        json.flush();
    }
}
