package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.timing.FlowFacts.BlockCount;
import dev.headroom.core.timing.FlowFacts.Exclusion;
import dev.headroom.core.timing.FlowFacts.Fact;
import dev.headroom.core.timing.FlowFacts.Kind;
import dev.headroom.core.timing.FlowFacts.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowFactsTest {
    private static final MethodRef DECODE = new MethodRef("com/acme/Codec", "decode", "([B)I");
    private static final MethodRef SCAN = new MethodRef("com/acme/Codec", "scan", "()V");
    private static final String VERSION_2 = """
            {"version": 2,
             "loops": [
              {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "line": 50, "total": 49, "reason": "r"},
              {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "header": 60, "bound": 10, "total": 30, "reason": "r"}],
             "blocks": [
              {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "line": 55, "count": 1, "reason": "r"},
              {"class": "com.acme.Codec", "method": "decode", "descriptor": "([B)I", "line": 40, "count": 0, "reason": "r"},
              {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "line": 52, "count": 3, "reason": "r"}],
             "exclusive": [
              {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "lines": [63, 57], "reason": "r"},
              {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "lines": [57, 70], "reason": "r"}]}
            """;

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
    void totalsAreFoundByHeaderOrByLineAndBlocksAndExclusionsByMethodInFileOrder() throws IOException {
        FlowFacts facts = FlowFacts.load(Files.writeString(dir.resolve("facts.json"), VERSION_2));
        assertEquals(new Fact(49, "facts.json loops entry 1"), facts.loopTotal(SCAN, 3, 50).orElseThrow());
        assertTrue(facts.loopBound(SCAN, 3, 50).isEmpty(), "an entry with only a total gives no bound");
        assertEquals(new Fact(30, "facts.json loops entry 2"), facts.loopTotal(SCAN, 60, 50).orElseThrow(), "header first");
        assertEquals(10, facts.loopBound(SCAN, 60, 0).orElseThrow().value());
        assertTrue(facts.loopTotal(SCAN, 3, 51).isEmpty());
        assertTrue(facts.loopTotal(DECODE, 60, 50).isEmpty());
        assertEquals(List.of(new BlockCount(55, 1, "facts.json blocks entry 1"), new BlockCount(52, 3, "facts.json blocks entry 3")),
                facts.blockCounts(SCAN));
        assertEquals(List.of(new BlockCount(40, 0, "facts.json blocks entry 2")), facts.blockCounts(DECODE));
        assertEquals(List.of(new Exclusion(63, 57, "facts.json exclusive entry 1"), new Exclusion(57, 70, "facts.json exclusive entry 2")),
                facts.exclusions(SCAN));
        assertEquals(List.of(), facts.exclusions(DECODE));
        assertEquals(List.of(), facts.blockCounts(new MethodRef("com/acme/Hw", "read", "(I)I")));
        assertFalse(facts.isEmpty());
        assertFalse(FlowFacts.load(Files.writeString(dir.resolve("one-block.json"), "{\"version\": 2, \"blocks\": [{\"class\":"
                + " \"com.acme.Codec\", \"method\": \"scan\", \"descriptor\": \"()V\", \"line\": 5, \"count\": 1, \"reason\": \"r\"}]}"))
                .isEmpty(), "a block is a fact");
        assertTrue(FlowFacts.load(Files.writeString(dir.resolve("empty.json"), "{\"version\": 2, \"exclusive\": []}")).isEmpty());
    }

    @Test
    void namedListsLoopsThenBlocksThenExclusionsInFileOrder() throws IOException {
        FlowFacts facts = FlowFacts.load(Files.writeString(dir.resolve("facts.json"), VERSION_2));
        assertEquals(List.of(
                new Named(SCAN, "facts.json loops entry 1", Kind.LOOP, false, 50, 0),
                new Named(SCAN, "facts.json loops entry 2", Kind.LOOP, true, 60, 0),
                new Named(SCAN, "facts.json blocks entry 1", Kind.BLOCK, false, 55, 0),
                new Named(DECODE, "facts.json blocks entry 2", Kind.BLOCK, false, 40, 0),
                new Named(SCAN, "facts.json blocks entry 3", Kind.BLOCK, false, 52, 0),
                new Named(SCAN, "facts.json exclusive entry 1", Kind.EXCLUSIVE, false, 63, 57),
                new Named(SCAN, "facts.json exclusive entry 2", Kind.EXCLUSIVE, false, 57, 70)), facts.named());
        assertEquals(List.of(), FlowFacts.none().named());
    }

    @Test
    void aVersion1FileLoadsAsBeforeWithOrWithoutItsVersion() throws IOException {
        String loops = "\"loops\": [{\"class\": \"com.acme.Codec\", \"method\": \"decode\", \"descriptor\": \"([B)I\","
                + " \"header\": 17, \"bound\": 8, \"reason\": \"r\"}]";
        for (String json : List.of("{" + loops + "}", "{\"version\": 1, " + loops + "}", "{\"version\": 2, " + loops + "}")) {
            FlowFacts facts = FlowFacts.load(Files.writeString(dir.resolve("v1.json"), json));
            assertEquals(new Fact(8, "v1.json loops entry 1"), facts.loopBound(DECODE, 17, 0).orElseThrow(), json);
            assertTrue(facts.loopTotal(DECODE, 17, 0).isEmpty(), json);
            assertEquals(List.of(new Named(DECODE, "v1.json loops entry 1", Kind.LOOP, true, 17, 0)), facts.named(), json);
        }
        FlowFacts validation = FlowFacts.load(Path.of("src/test/resources/timing/bounds-flow-facts.json"));
        assertEquals(2, validation.named().size());
        assertTrue(validation.named().stream().allMatch(n -> n.kind() == Kind.LOOP && !n.byHeader()));
    }

    @Test
    void theValidationFactsLoad() {
        assertTrue(!FlowFacts.load(Path.of("src/test/resources/timing/bounds-flow-facts.json")).isEmpty());
    }

    @Test
    void theExamplesOfTheFormatsDocumentLoad() throws IOException {
        // the file in the source tree: the rules jar on the class path may be an older build
        String doc = Files.readString(Path.of("../../rules/src/main/resources/dev/headroom/rules/cost-models/flow-facts.md"));
        Matcher json = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int examples = 0;
        while (json.find()) {
            examples++;
            Path file = Files.writeString(dir.resolve("example" + examples + ".json"), json.group(1));
            assertFalse(FlowFacts.load(file).isEmpty(), json.group(1));
        }
        assertEquals(2, examples);
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
        assertFails("text-version.json", "{\"version\": \"2\"}", "\"version\" must be a whole number from 1 to 2, found a string");
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> FlowFacts.load(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
    }

    /** {@code {scan,} in a row stands for the start of an entry naming {@code com.acme.Codec#scan()V}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        version.json         | {"version": 3}                                         | : unsupported "version": 3; this Headroom reads versions 1 and 2
        version-0.json       | {"version": 0}                                         | : unsupported "version": 0;
        version-half.json    | {"version": 1.5}                                       | : "version" must be a whole number from 1 to 2, found 1.5
        blocks-v1.json       | {"blocks": []}                                         | : "blocks" needs "version": 2
        exclusive-v1.json    | {"version": 1, "exclusive": []}                        | : "exclusive" needs "version": 2
        total-v1.json        | {"loops": [{scan, "line": 4, "total": 3, "reason": "r"}]} | loops entry 1 (com.acme.Codec#scan()V line 4): "total" needs "version": 2
        neither.json         | {"version": 2, "loops": [{scan, "line": 4, "reason": "r"}]} | loops entry 1 (com.acme.Codec#scan()V line 4): missing "bound" (iterations each time the loop is entered) or "total"
        negative-total.json  | {"version": 2, "loops": [{scan, "line": 4, "bound": 2, "total": -1, "reason": "r"}]} | loops entry 1 (com.acme.Codec#scan()V line 4): "total" must be a whole number from 0 to 2147483647, found -1
        negative-count.json  | {"version": 2, "blocks": [{scan, "line": 4, "count": -1, "reason": "r"}]} | blocks entry 1 (com.acme.Codec#scan()V line 4): "count" must be a whole number from 0 to 2147483647, found -1
        line-0.json          | {"version": 2, "blocks": [{scan, "line": 0, "count": 1, "reason": "r"}]} | blocks entry 1 (com.acme.Codec#scan()V line 0): "line" must be a whole number from 1
        block-header.json    | {"version": 2, "blocks": [{scan, "header": 4, "count": 1, "reason": "r"}]} | blocks entry 1 (com.acme.Codec#scan()V header 4): unknown key "header"
        block-reason.json    | {"version": 2, "blocks": [{scan, "line": 4, "count": 1}]} | blocks entry 1 (com.acme.Codec#scan()V line 4): missing "reason"
        exclusive-reason.json | {"version": 2, "exclusive": [{scan, "lines": [4, 5]}]}  | exclusive entry 1 (com.acme.Codec#scan()V lines [4,5]): missing "reason"
        duplicate-block.json | {"version": 2, "blocks": [{scan, "line": 4, "count": 1, "reason": "r"}, {scan, "line": 4, "count": 2, "reason": "r"}]} | blocks entry 2 (com.acme.Codec#scan()V line 4): duplicate block; blocks entry 1 already
        duplicate-pair.json  | {"version": 2, "exclusive": [{scan, "lines": [4, 9], "reason": "r"}, {scan, "lines": [9, 4], "reason": "r"}]} | exclusive entry 2 (com.acme.Codec#scan()V lines [9,4]): duplicate exclusion; exclusive entry 1 already
        one-line.json        | {"version": 2, "exclusive": [{scan, "lines": [4], "reason": "r"}]} | exclusive entry 1 (com.acme.Codec#scan()V lines [4]): "lines" must be an array of two source lines, e.g. [57, 63], found an array of 1
        three-lines.json     | {"version": 2, "exclusive": [{scan, "lines": [4, 5, 6], "reason": "r"}]} | exclusive entry 1 (com.acme.Codec#scan()V lines [4,5,6]): "lines" must be an array of two source lines
        a-line.json          | {"version": 2, "exclusive": [{scan, "lines": 4, "reason": "r"}]} | exclusive entry 1 (com.acme.Codec#scan()V lines 4): "lines" must be an array of two source lines, e.g. [57, 63], found a number
        null-lines.json      | {"version": 2, "exclusive": [{scan, "lines": null, "reason": "r"}]} | exclusive entry 1 (com.acme.Codec#scan()V): "lines" must be an array of two source lines, e.g. [57, 63], found null
        no-lines.json        | {"version": 2, "exclusive": [{scan, "reason": "r"}]}     | exclusive entry 1 (com.acme.Codec#scan()V): missing "lines"
        same-line.json       | {"version": 2, "exclusive": [{scan, "lines": [4, 4], "reason": "r"}]} | exclusive entry 1 (com.acme.Codec#scan()V lines [4,4]): "lines" must be two different source lines, found 4 twice
        line-zero.json       | {"version": 2, "exclusive": [{scan, "lines": [0, 4], "reason": "r"}]} | exclusive entry 1 (com.acme.Codec#scan()V lines [0,4]): each of "lines" must be a whole number from 1
        line-text.json       | {"version": 2, "exclusive": [{scan, "lines": [4, "5"], "reason": "r"}]} | exclusive entry 1 (com.acme.Codec#scan()V lines [4,"5"]): each of "lines" must be a whole number from 1
        """)
    void malformedVersion2FactsFailNamingTheFileAndTheEntry(String name, String json, String expected) throws IOException {
        assertFails(name, json.replace("{scan,", "{\"class\": \"com.acme.Codec\", \"method\": \"scan\", \"descriptor\": \"()V\","),
                expected);
    }

    private void assertFails(String name, String json, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve(name), json);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> FlowFacts.load(file), name);
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "names the entry (" + expected + "): " + e.getMessage());
    }
}
