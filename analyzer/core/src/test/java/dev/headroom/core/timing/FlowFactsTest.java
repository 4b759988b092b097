package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowFactsTest {
    private static final MethodRef DECODE = new MethodRef("com/acme/Codec", "decode", "([B)I");

    @TempDir
    Path dir;

    @Test
    void loopsAreFoundByHeaderOrByLineAndCostsByMethod() throws IOException {
        Path file = Files.writeString(dir.resolve("facts.json"), """
                {"loops": [
                  {"class": "com.acme.Codec", "method": "decode", "descriptor": "([B)I", "line": 42, "bound": 64, "reason": "r"},
                  {"class": "com.acme.Codec", "method": "decode", "descriptor": "([B)I", "header": 17, "bound": 8, "reason": "r"}],
                 "costs": [{"class": "com.acme.Hw", "method": "read", "descriptor": "(I)I", "cycles": 120, "reason": "r"}]}
                """);
        FlowFacts facts = FlowFacts.load(file);
        assertEquals(64, facts.loopBound(DECODE, 3, 42).orElseThrow().value());
        assertEquals(8, facts.loopBound(DECODE, 17, 50).orElseThrow().value());
        assertEquals("facts.json loops entry 2", facts.loopBound(DECODE, 17, 42).orElseThrow().origin());
        assertTrue(facts.loopBound(DECODE, 3, 43).isEmpty());
        assertEquals(120, facts.methodCost(new MethodRef("com/acme/Hw", "read", "(I)I")).orElseThrow().value());
        assertTrue(FlowFacts.none().isEmpty());
    }

    @Test
    void theValidationFactsLoad() {
        assertTrue(!FlowFacts.load(Path.of("src/test/resources/timing/bounds-flow-facts.json")).isEmpty());
    }

    @Test
    void malformedFactsFailNamingTheFileAndTheEntry() throws IOException {
        String loop = "{\"class\": \"com.acme.Codec\", \"method\": \"decode\", \"descriptor\": \"([B)I\", ";
        assertFails("both.json", "{\"loops\": [" + loop + "\"line\": 4, \"header\": 2, \"bound\": 3, \"reason\": \"r\"}]}",
                "loops entry 1 (com.acme.Codec#decode([B)I line 4 header 2): name the loop by exactly one");
        assertFails("neither.json", "{\"loops\": [" + loop + "\"bound\": 3, \"reason\": \"r\"}]}", "loops entry 1");
        assertFails("negative.json", "{\"loops\": [" + loop + "\"line\": 4, \"bound\": -1, \"reason\": \"r\"}]}",
                "\"bound\" must be a whole number");
        assertFails("no-reason.json", "{\"loops\": [" + loop + "\"line\": 4, \"bound\": 3}]}", "missing \"reason\"");
        assertFails("duplicate.json", "{\"loops\": [" + loop + "\"line\": 4, \"bound\": 3, \"reason\": \"r\"}, "
                + loop + "\"line\": 4, \"bound\": 5, \"reason\": \"r\"}]}", "loops entry 2 (com.acme.Codec#decode([B)I line 4): duplicate");
        assertFails("slashes.json", "{\"costs\": [{\"class\": \"com/acme/Hw\", \"method\": \"read\", \"descriptor\": \"(I)I\","
                + " \"cycles\": 3, \"reason\": \"r\"}]}", "costs entry 1");
        assertFails("descriptor.json", "{\"costs\": [{\"class\": \"com.acme.Hw\", \"method\": \"read\", \"descriptor\": \"(Q)I\","
                + " \"cycles\": 3, \"reason\": \"r\"}]}", "malformed descriptor");
        assertFails("key.json", "{\"loop\": []}", "unknown key \"loop\"");
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> FlowFacts.load(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
    }

    private void assertFails(String name, String json, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve(name), json);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> FlowFacts.load(file), name);
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "names the entry (" + expected + "): " + e.getMessage());
    }
}
