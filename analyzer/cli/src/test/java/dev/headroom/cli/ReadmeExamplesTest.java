package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's examples are real output. A block marked {@code <!-- real output: headroom <args> -->} is
 * compared with what {@code headroom <args>} prints today (run in-process from the repository's root):
 * a text block's lines must all be printed, in the block's order ({@code ...} marks lines left out); a
 * JSON block must be part of the report (members left out, {@code "..."} for elements left out, and a
 * string ending in {@code ...} for the start of one). Every mismatch of every block is listed together.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("../..");
    private static final Pattern MARKED = Pattern.compile(
            "<!-- real output: headroom ([^\\n]+?) -->\\n```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final String ELIDED = "...";

    @Test
    void everyMarkedOutputBlockIsWhatItsCommandPrintsToday() throws IOException {
        Matcher block = MARKED.matcher(readme());
        List<String> mismatches = new ArrayList<>();
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String command = block.group(1);
            CliRun run = CliRun.of(Arrays.stream(command.split(" ")).map(ReadmeExamplesTest::fromRoot).toArray(String[]::new));
            String where = "README block " + blocks + " (headroom " + command + ")";
            // Run from this module, the files found beside the classes are named absolute: the README's reader
            // runs from the repository's root.
            String out = run.out().replace(ROOT.toAbsolutePath().normalize() + "/", "");
            if (block.group(2).equals("json")) {
                part(JsonParser.parseString(block.group(3)), JsonParser.parseString(out), where + " at $", mismatches);
            } else {
                printedInOrder(block.group(3), out, where, mismatches);
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(blocks >= 5, "the README marks its real outputs: " + blocks + " marked blocks");
    }

    @Test
    void theCountOfRulePackEntriesIsTheBundledPacksCount() throws IOException {
        Matcher claim = Pattern.compile("\\(`rules/`, (\\d+) method entries").matcher(readme());
        assertTrue(claim.find(), "the README counts the rule-pack entries");
        int entries = 0;
        try (Stream<Path> packs = Files.list(ROOT.resolve("rules/src/main/resources/dev/headroom/rules"))) {
            for (Path pack : packs.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonObject json = JsonParser.parseString(Files.readString(pack)).getAsJsonObject();
                entries += json.has("methods") ? json.getAsJsonArray("methods").size() : 0;
            }
        }
        assertEquals(entries, Integer.parseInt(claim.group(1)), "method entries in the bundled rule packs");
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** An argument naming a file of the repository, resolved from its root; any other as it is. */
    private static String fromRoot(String arg) {
        Path path = ROOT.resolve(arg);
        return arg.contains("/") && Files.exists(path) ? path.toString() : arg;
    }

    private static void printedInOrder(String block, String output, String where, List<String> mismatches) {
        List<String> printed = List.of(output.split("\n"));
        int at = 0;
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.strip().equals(ELIDED)) {
                continue;
            }
            int found = printed.subList(at, printed.size()).indexOf(line);
            if (found < 0) {
                mismatches.add(where + ": not printed (or not in this order): " + line);
                return;
            }
            at += found + 1;
        }
    }

    /** Whether the README's JSON is part of the report's, as the class comment says. */
    private static void part(JsonElement shown, JsonElement real, String path, List<String> mismatches) {
        if (shown.isJsonObject() && real.isJsonObject()) {
            for (Map.Entry<String, JsonElement> member : shown.getAsJsonObject().entrySet()) {
                JsonElement value = real.getAsJsonObject().get(member.getKey());
                if (value == null) {
                    mismatches.add(path + "." + member.getKey() + ": not in the report");
                } else {
                    part(member.getValue(), value, path + "." + member.getKey(), mismatches);
                }
            }
        } else if (shown.isJsonArray() && real.isJsonArray()) {
            JsonArray elements = real.getAsJsonArray();
            int at = 0;
            for (JsonElement element : shown.getAsJsonArray()) {
                if (isElided(element)) {
                    continue;
                }
                while (at < elements.size() && !isPart(element, elements.get(at))) {
                    at++;
                }
                if (at == elements.size()) {
                    mismatches.add(path + ": no element (or not in this order) like " + element);
                    return;
                }
                at++;
            }
        } else if (shown.isJsonPrimitive() && shown.getAsJsonPrimitive().isString()
                && shown.getAsString().endsWith(ELIDED) && real.isJsonPrimitive()) {
            String start = shown.getAsString().substring(0, shown.getAsString().length() - ELIDED.length()).strip();
            if (!real.getAsString().startsWith(start)) {
                mismatches.add(path + ": " + real + " does not start with " + start);
            }
        } else if (!shown.equals(real)) {
            mismatches.add(path + ": " + shown + " but the report has " + real);
        }
    }

    private static boolean isPart(JsonElement shown, JsonElement real) {
        List<String> mismatches = new ArrayList<>();
        part(shown, real, "", mismatches);
        return mismatches.isEmpty();
    }

    private static boolean isElided(JsonElement element) {
        return element.isJsonPrimitive() && element.getAsString().equals(ELIDED);
    }
}
