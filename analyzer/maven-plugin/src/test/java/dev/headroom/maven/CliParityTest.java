package dev.headroom.maven;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.cli.ExitCodes;
import dev.headroom.cli.Main;
import dev.headroom.reports.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin and the command line, given the same option values on the same compiled project, write
 * byte-identical reports: they build the same configuration and call the same entry point.
 */
class CliParityTest {
    /** Every format this version writes, comma-separated as both front ends accept it. */
    private static final String ALL_FORMATS =
            Stream.of(ReportFormat.values()).map(ReportFormat::id).collect(Collectors.joining(","));

    /** One option given to both front ends: {@code --cli-name value} and the mojo parameter of that name. */
    record Option(String cli, String parameter, String value) {
        @Override
        public String toString() {
            return cli + " " + value;
        }
    }

    static Stream<Arguments> optionSets() {
        return Stream.of(
                Arguments.of("defaults", "fail", List.of()),
                // Not --dispatch cha: on this program it follows every JDK override, which takes minutes.
                Arguments.of("rta, cold paths as errors, grouped by location", "fail", List.of(
                        new Option("--dispatch", "dispatch", "rta"),
                        new Option("--cold-paths", "coldPaths", "error"),
                        new Option("--assertions", "assertions", "enabled"),
                        new Option("--timing-exceptions", "timingExceptions", "include"),
                        new Option("--group-by", "groupBy", "location"))),
                Arguments.of("warnings fail, one finding allowed", "fail", List.of(
                        new Option("--fail-on", "failOn", "warning"),
                        new Option("--max-findings", "maxFindings", "1"),
                        new Option("--threads", "threads", "1"))),
                Arguments.of("roots by pattern and annotation", "fail", List.of(
                        new Option("--root", "roots", "demo.Motor#unrooted"),
                        new Option("--interrupt-root", "interruptRoots", "demo.Motor#cold"),
                        new Option("--root-annotation", "rootAnnotations", "java.lang.Deprecated"))),
                Arguments.of("never fail, cold paths ignored", "pass", List.of(
                        new Option("--fail-on", "failOn", "never"),
                        new Option("--cold-paths", "coldPaths", "ignore"),
                        new Option("--interrupt-root", "interruptRoots", "demo.Motor#cold"))),
                Arguments.of("budgets, layout and a cost model", "fail", List.of(
                        new Option("--ram-budget", "ramBudget", "64KiB"),
                        new Option("--stack-budget", "stackBudget", "4KiB"),
                        new Option("--layout", "layout", "jvm32"),
                        new Option("--cost-model", "costModel", "interpreter"),
                        new Option("--sarif-category", "sarifCategory", "billing"))),
                Arguments.of("rule levels and excludes", "fail", List.of(
                        new Option("--rule", "rules", "heap-allocation=warning"),
                        new Option("--rule", "rules", "recursion=off"),
                        new Option("--exclude", "excludes", "demo.Motor#onTick"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionSets")
    void pluginAndCliWriteIdenticalReports(String description, String expectedVerdict, List<Option> options,
                                           @TempDir Path dir) throws Exception {
        TestProject project = TestProject.create(dir.resolve("project"), Map.of("Motor", TestProject.PROGRAM));

        // The plugin, configured as Maven would for this project, plus the options.
        CheckMojo mojo = project.mojo(new RecordingLog());
        mojo.formats = List.of(ALL_FORMATS);
        for (Option option : options) {
            set(mojo, option);
        }
        boolean pluginFailed = failsTheBuild(mojo);

        // The command line, on the same classes with the same classpath and source root.
        Path cliReports = dir.resolve("cli-reports");
        List<String> args = new ArrayList<>(List.of("check",
                "-cp", project.library + File.pathSeparator + TestProject.annotationsJar(),
                "--source-root", project.sources.toString(),
                "--format", ALL_FORMATS, "--report-dir", cliReports.toString()));
        for (Option option : options) {
            args.add(option.cli());
            args.add(option.value());
        }
        args.add(project.classes.toString());
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine().setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));

        JsonObject report = JsonParser.parseString(Files.readString(project.report("headroom.json"))).getAsJsonObject();
        assertAll(description + "\nCLI stderr:\n" + err,
                () -> assertEquals(expectedVerdict, report.get("verdict").getAsString(), "verdict"),
                () -> assertFalse(report.getAsJsonArray("findings").isEmpty(), "the comparison covers findings"),
                () -> assertEquals(exitCode == ExitCodes.FAIL, pluginFailed, "CLI exit " + exitCode),
                () -> assertEquals(ReportFormat.values().length, fileNames(cliReports).size()),
                () -> assertEquals(fileNames(cliReports), fileNames(project.report(""))),
                () -> {
                    for (String name : fileNames(cliReports)) {
                        assertSameBytes(cliReports.resolve(name), project.report(name));
                    }
                });
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean failsTheBuild(CheckMojo mojo) throws Exception {
        try {
            mojo.execute();
            return false;
        } catch (MojoFailureException e) {
            return true;
        }
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual),
                () -> "differs: " + actual.getFileName() + "\n--- CLI:\n" + read(expected) + "\n--- plugin:\n" + read(actual));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Sets a mojo parameter from its text, as Maven converts a configuration value or -D property. */
    @SuppressWarnings("unchecked")
    static void set(CheckMojo mojo, Option option) throws ReflectiveOperationException {
        Field field = CheckMojo.class.getDeclaredField(option.parameter());
        Class<?> type = field.getType();
        if (type == String.class) {
            field.set(mojo, option.value());
        } else if (type == int.class) {
            field.setInt(mojo, Integer.parseInt(option.value()));
        } else if (type == Integer.class) {
            field.set(mojo, Integer.valueOf(option.value()));
        } else if (type == File.class) {
            field.set(mojo, new File(option.value()));
        } else if (type == List.class) {
            List<Object> list = field.get(mojo) == null ? new ArrayList<>() : new ArrayList<>((List<Object>) field.get(mojo));
            list.add(option.parameter().equals("rulePacks") || option.parameter().equals("sourceRoots")
                    ? new File(option.value()) : option.value());
            field.set(mojo, list);
        } else {
            throw new IllegalArgumentException("no conversion for " + option);
        }
    }
}
