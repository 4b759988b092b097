package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option that names a configuration file ({@code --flow-facts}, {@code --baseline}, {@code --rules},
 * {@code --cost-model}) and every {@code @file} against a missing file, a directory, an empty file, bytes that
 * are not UTF-8 and a valid file with a NUL in the middle: each is one line naming the file, exit 2, never
 * accepted silently.
 */
class ConfigurationFilesTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path classes;

    /** A valid file of each kind, which the cases below damage. */
    private static final Map<String, String> VALID = Map.of(
            "--flow-facts", "{\"version\": 2, \"blocks\": [{\"class\": \"demo.Clean\", \"method\": \"onTick\","
                    + " \"descriptor\": \"(I)V\", \"line\": 12, \"count\": 1, \"reason\": \"no loop around it\"}]}",
            "--baseline", "{\"baselineVersion\": 1, \"findings\": [{\"rule\": \"heap-allocation\", \"location\":"
                    + " \"demo.Clean#onTick(I)V\", \"key\": \"demo.Clean#onTick(I)V new\", \"count\": 1}]}",
            "--rules", "{\"name\": \"acme\", \"description\": \"acme's queue\", \"methods\": [{\"method\":"
                    + " \"com.acme.Ring#offer\", \"kind\": \"allocating\", \"reason\": \"copies when full\"}]}",
            "--cost-model", "{\"name\": \"acme\", \"description\": \"one per instruction\", \"default\": 1}");

    @BeforeAll
    static void compileInput() throws IOException {
        classes = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(classes, Map.of("Clean", TestClasses.CLEAN));
    }

    static Stream<Arguments> damagedFiles() {
        List<Arguments> cases = new ArrayList<>();
        for (String option : List.of("--flow-facts", "--baseline", "--rules", "--cost-model")) {
            String valid = VALID.get(option);
            int middle = valid.indexOf(',');
            byte[] notUtf8 = valid.replace("\"reason\"", "\"r\u00e9ason\"").replace("\"findings\"", "\"f\u00efndings\"")
                    .replace("\"default\"", "\"d\u00e9fault\"").getBytes(StandardCharsets.ISO_8859_1);
            cases.add(Arguments.of(option, "empty", new byte[0]));
            cases.add(Arguments.of(option, "blank", " \n".getBytes(StandardCharsets.UTF_8)));
            cases.add(Arguments.of(option, "not UTF-8", notUtf8));
            cases.add(Arguments.of(option, "NUL between values",
                    (valid.substring(0, middle) + "\u0000" + valid.substring(middle)).getBytes(StandardCharsets.UTF_8)));
            String nulInText = valid.replace("no loop around", "no loop\u0000around").replace("V new", "V\u0000new")
                    .replace("copies when", "copies\u0000when").replace("one per", "one\u0000per");
            cases.add(Arguments.of(option, "NUL in a string", nulInText.getBytes(StandardCharsets.UTF_8)));
            cases.add(Arguments.of(option, "NUL after the object", (valid + "\u0000").getBytes(StandardCharsets.UTF_8)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("damagedFiles")
    void aDamagedFileIsAOneLineErrorNamingIt(String option, String damage, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("config.json"), content);
        check(option, file.toString(), classes.toString()).assertOneLineError(ExitCodes.USAGE, file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void anEmptyFileIsSaidToBeEmpty(String option) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "\n");
        check(option, file.toString(), classes.toString())
                .assertOneLineError(ExitCodes.USAGE, file + ": the file is empty; expected a JSON object");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void theValidFilesAreAccepted(String option) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), VALID.get(option));
        CliRun run = check(option, file.toString(), classes.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void aDirectoryIsAOneLineErrorNamingTheOptionAndThePath(String option) {
        check(option, dir.toString(), classes.toString()).assertOneLineError(ExitCodes.USAGE, option, dir.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void aMissingFileIsAOneLineErrorNamingTheOptionAndThePath(String option) {
        String missing = dir.resolve("missing.json").toString();
        check(option, missing, classes.toString()).assertOneLineError(ExitCodes.USAGE, option, missing);
    }

    static Stream<String> options() {
        return Stream.of("--flow-facts", "--baseline", "--rules", "--cost-model");
    }

    @Test
    void aFlowFactThatMatchesNothingIsAnErrorNamingTheFileAndTheEntry() throws IOException {
        Path facts = Files.writeString(dir.resolve("facts.json"), "{\"loops\": [{\"class\": \"demo.Clean\","
                + " \"method\": \"onTick\", \"descriptor\": \"(I)V\", \"line\": 12, \"bound\": 4, \"reason\": \"r\"}]}");
        CliRun run = check("--flow-facts", facts.toString(), classes.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(List.of("headroom: error: flow facts " + facts + ": loops entry 1 (demo.Clean#onTick(I)V): matches"
                + " nothing: no loop of the method has its header on line 12"), run.errLines());
    }

    @Test
    void flowFactsWithoutAnyFactAreAWarningNamingTheFile() throws IOException {
        Path facts = Files.writeString(dir.resolve("facts.json"), "{}");
        CliRun run = check("--flow-facts", facts.toString(), classes.toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertEquals(List.of("headroom: warning: flow facts " + facts + ": no loops, blocks, exclusions or costs; the file bounds nothing"),
                run.errLines());
    }

    @Test
    void anArgumentFileThatIsADirectoryOrNotTextIsAOneLineErrorNamingIt() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("options"));
        Path nul = Files.write(dir.resolve("nul.args"), "--ram-budget 1KiB\u0000--fail-on never\n".getBytes(StandardCharsets.UTF_8));
        Path latin1 = Files.write(dir.resolve("latin1.args"), "--root demo.Cl\u00e9an#onTick\n".getBytes(StandardCharsets.ISO_8859_1));
        Path nested = Files.writeString(dir.resolve("nested.args"), "@" + folder + "\n");
        check("@" + folder, classes.toString()).assertOneLineError(ExitCodes.USAGE, "argument file @" + folder, "not a file");
        check("@" + nul, classes.toString()).assertOneLineError(ExitCodes.USAGE, "argument file @" + nul, "NUL");
        check("@" + latin1, classes.toString()).assertOneLineError(ExitCodes.USAGE, "argument file @" + latin1, "UTF-8");
        check("@" + nested, classes.toString()).assertOneLineError(ExitCodes.USAGE, "argument file @" + folder);
    }

    @Test
    void anEmptyArgumentFileGivesNoOptions() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.args"), "# nothing yet\n");
        assertEquals(ExitCodes.PASS, check("@" + empty, classes.toString()).exitCode());
    }

    private static CliRun check(String... args) {
        return CliRun.of(Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new));
    }
}
