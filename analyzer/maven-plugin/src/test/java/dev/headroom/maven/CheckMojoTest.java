package dev.headroom.maven;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.headroom.core.AnalysisConfig;
import dev.headroom.maven.CliParityTest.Option;
import dev.headroom.reports.ReportFormat;
import dev.headroom.reports.VerdictSummary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckMojoTest {
    /** A root that only stores into a preallocated array. */
    static final String CLEAN = """
            package demo;

            import dev.headroom.annotations.RealTime;

            public class Clean {
                private final int[] samples = new int[16];
                private int next;

                @RealTime
                public void onTick(int value) {
                    samples[next] = value;
                    next = (next + 1) & 15;
                }
            }
            """;

    /** Seven allocations on one root, one per line from line 10 on, none of them calling into the JDK. */
    static final String SEVEN_ALLOCATIONS = """
            package demo;

            import dev.headroom.annotations.RealTime;

            public class Garbage {
                Object last;

                @RealTime
                public void onTick() {
                    last = new Object();
                    last = new int[1];
                    last = new long[2];
                    last = new short[6];
                    last = new Object[3];
                    last = new byte[4];
                    last = new char[5];
                }
            }
            """;

    /** A library module: no roots. */
    static final String NO_ROOTS = """
            package demo;

            public class Lib {
                public int twice(int x) {
                    return 2 * x;
                }
            }
            """;

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @Test
    void everyCliOptionHasAHeadroomUserProperty() {
        Map<String, PluginDescriptor.Parameter> parameters = PluginDescriptor.checkGoalParameters();
        List<String> expected = List.of("skip", "jdk", "roots", "interruptRoots", "initRoots", "rootAnnotations", "ramBudget",
                "stackBudget", "sourceRoots", "sarifCategory", "layout", "costModel", "rules", "excludes", "rulePacks",
                "formats", "failOn", "maxFindings", "threads",
                "baseline", "writeBaseline", "flowFacts", "dispatch", "coldPaths", "assertions", "timingExceptions", "groupBy",
                "allowNoRoots", "cacheDir", "noCache");
        List<String> missing = new ArrayList<>();
        for (String name : expected) {
            PluginDescriptor.Parameter parameter = parameters.get(name);
            if (parameter == null || !("headroom." + name).equals(parameter.property())) {
                missing.add(name + " -> " + parameter);
            }
        }
        assertEquals(List.of(), missing);
        // Nothing else is settable by a user property: the rest are the project's own values.
        Set<String> withProperty = new TreeSet<>();
        parameters.values().stream().filter(p -> p.property() != null && p.property().startsWith("headroom."))
                .forEach(p -> withProperty.add(p.name()));
        assertEquals(new TreeSet<>(expected), withProperty);
    }

    @Test
    void declaredDefaultsAreTheCommandLineDefaults() {
        Map<String, PluginDescriptor.Parameter> parameters = PluginDescriptor.checkGoalParameters();
        assertAll(
                () -> assertEquals("error", parameters.get("failOn").defaultValue()),
                () -> assertEquals("0", parameters.get("maxFindings").defaultValue()),
                () -> assertEquals("vta", parameters.get("dispatch").defaultValue()),
                () -> assertEquals("warning", parameters.get("coldPaths").defaultValue()),
                () -> assertEquals("disabled", parameters.get("assertions").defaultValue()),
                () -> assertEquals("exclude", parameters.get("timingExceptions").defaultValue()),
                () -> assertEquals("root", parameters.get("groupBy").defaultValue()),
                () -> assertEquals("false", parameters.get("skip").defaultValue()),
                () -> assertEquals("false", parameters.get("noCache").defaultValue()),
                () -> assertNull(parameters.get("cacheDir").defaultValue(), "the user's cache directory, as on the command line"),
                // Unlike --allow-no-roots: every module of a build runs the goal, and not every one has roots.
                () -> assertEquals("true", parameters.get("allowNoRoots").defaultValue()),
                () -> assertEquals("text,json", parameters.get("formats").defaultValue()),
                () -> assertEquals("${project.build.directory}/headroom", parameters.get("reportDirectory").defaultValue()),
                // Unset as on the command line.
                () -> assertNull(parameters.get("ramBudget").defaultValue()),
                () -> assertNull(parameters.get("stackBudget").defaultValue()),
                () -> assertNull(parameters.get("layout").defaultValue()),
                () -> assertNull(parameters.get("costModel").defaultValue()));
    }

    @Test
    void passingProjectWritesTextAndJsonAndLogsTheSummary() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        project.mojo(log).execute();
        assertTrue(Files.isRegularFile(project.report("headroom.txt")));
        assertTrue(Files.isRegularFile(project.report("headroom.json")));
        assertTrue(Files.readString(project.report("headroom.json")).contains("\"verdict\": \"pass\""));
        List<String> info = log.lines("info");
        assertTrue(info.get(0).startsWith("Headroom 0.1.0: PASS, 0 errors, 0 warnings, 0 suppressed (1 root, "), info.toString());
        assertEquals("Headroom reports: " + project.report("headroom.txt") + ", " + project.report("headroom.json"), info.get(1));
        assertEquals(List.of(), log.lines("warn"));
    }

    @Test
    void failureNamesTheFirstFindingsAndTheReport() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Garbage", SEVEN_ALLOCATIONS));
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> project.mojo(log).execute());
        List<String> lines = failure.getMessage().lines().toList();
        String source = project.sources.resolve("demo/Garbage.java").toString();
        assertAll(failure.getMessage(),
                () -> assertEquals("Headroom check failed: 7 findings at or above --fail-on error"
                        + " (7 errors, 0 warnings, 0 suppressed)", lines.get(0)),
                () -> assertEquals("  " + source + ":10 in onTick  heap-allocation  allocates: new java.lang.Object",
                        lines.get(1)),
                () -> assertTrue(lines.get(7).startsWith("  " + source + ":16 in onTick  heap-allocation  "), lines.get(7)),
                () -> assertEquals("Full report: " + project.report("headroom.txt"), lines.get(8)),
                () -> assertEquals(9, lines.size(), "up to " + VerdictSummary.FINDINGS_SHOWN + " findings are named"));
        assertTrue(Files.readString(project.report("headroom.json")).contains("\"verdict\": \"fail\""));
        assertTrue(log.lines("info").get(0).startsWith("Headroom 0.1.0: FAIL, 7 errors,"), log.lines().toString());
    }

    @Test
    void reportsOfAnEarlierRunAreRemovedAndOtherFilesKept() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        Files.createDirectories(project.report(""));
        Files.writeString(project.report("headroom.sarif"), "an earlier, failing run");
        Files.writeString(project.report("headroom-junit.xml"), "an earlier run");
        Files.writeString(project.report("notes.txt"), "the user's own");
        project.mojo(log).execute();
        try (Stream<Path> files = Files.list(project.report(""))) {
            assertEquals(List.of("headroom.json", "headroom.txt", "notes.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals("the user's own", Files.readString(project.report("notes.txt")));
    }

    @Test
    void skipWritesNothing() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Garbage", SEVEN_ALLOCATIONS));
        CheckMojo mojo = project.mojo(log);
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("info: Headroom check skipped (headroom.skip)"), log.lines());
        assertFalse(Files.exists(project.report("")));
    }

    @Test
    void pomPackagingIsSkipped() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.packaging = "pom";
        mojo.execute();
        assertEquals(List.of("info: Headroom check skipped: packaging pom has no classes"), log.lines());
    }

    @Test
    void missingClassesDirectoryWithSourcesIsABuildError() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.classesDirectory = dir.resolve("target/nothing-here").toFile();
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(error.getMessage().contains("the classes directory " + mojo.classesDirectory + " does not exist"),
                error.getMessage());
        assertTrue(error.getMessage().contains(project.sources.toString()), error.getMessage());
    }

    @Test
    void missingClassesDirectoryWithoutSourcesIsSkipped() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.classesDirectory = dir.resolve("target/nothing-here").toFile();
        mojo.compileSourceRoots = List.of(dir.resolve("src/none").toString());
        mojo.execute();
        assertEquals(List.of("info: Headroom check skipped: no classes directory " + mojo.classesDirectory), log.lines());
    }

    @Test
    void budgetAndBaselineOptionsAreUsedWithoutWarnings() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.ramBudget = "64KiB";
        mojo.stackBudget = "4KiB";
        mojo.layout = "hotspot-compact";
        mojo.costModel = "unit";
        mojo.writeBaseline = dir.resolve("baseline.json").toFile();
        mojo.execute();
        assertEquals(List.of(), log.lines("warn"));
        assertTrue(Files.readString(dir.resolve("baseline.json")).startsWith("{\n  \"baselineVersion\": 1,"));
    }

    @Test
    void theCacheDirectoryIsUsedAndContradictingItIsABuildError() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.cacheDir = dir.resolve("cache").toFile();
        mojo.execute();
        assertEquals(List.of(), log.lines("warn"));
        CheckMojo both = project.mojo(log);
        both.cacheDir = dir.resolve("cache").toFile();
        both.noCache = true;
        MojoExecutionException error = assertThrows(MojoExecutionException.class, both::execute);
        assertTrue(error.getMessage().contains("cacheDir and noCache contradict each other"), error.getMessage());
    }

    @Test
    void aBaselineAcceptsTodaysFindingsAndAMalformedOneIsABuildError() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Garbage", SEVEN_ALLOCATIONS));
        Path baseline = dir.resolve("headroom-baseline.json");
        CheckMojo writing = project.mojo(log);
        writing.writeBaseline = baseline.toFile();
        assertThrows(MojoFailureException.class, writing::execute, "writing alone keeps the verdict");
        CheckMojo checking = project.mojo(log);
        checking.baseline = baseline.toFile();
        checking.execute();

        Path malformed = Files.writeString(dir.resolve("malformed.json"), "{}");
        CheckMojo bad = project.mojo(log);
        bad.baseline = malformed.toFile();
        MojoExecutionException error = assertThrows(MojoExecutionException.class, bad::execute);
        assertTrue(error.getMessage().contains("malformed baseline " + malformed), error.getMessage());
    }

    @Test
    void aBuildErrorNamingAFileCannotActOnTheTerminal() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        Path malformed = Files.writeString(dir.resolve("base\u001b[2J\u0007line.json"), "[]");
        CheckMojo bad = project.mojo(log);
        bad.baseline = malformed.toFile();
        MojoExecutionException error = assertThrows(MojoExecutionException.class, bad::execute);
        assertTrue(error.getMessage().contains("base\\u001b[2J\\u0007line.json"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "dispatch        | xta       | headroom.dispatch: unknown value 'xta'; expected vta, rta or cha",
        "failOn          | fatal     | headroom.failOn: unknown value 'fatal'; expected error, warning or never",
        "coldPaths       | hot       | headroom.coldPaths: unknown value 'hot'; expected error, warning or ignore",
        "assertions      | on        | headroom.assertions: unknown value 'on'; expected enabled or disabled",
        "timingExceptions | all      | headroom.timingExceptions: unknown value 'all'; expected include or exclude",
        "groupBy         | class     | headroom.groupBy: unknown value 'class'; expected root or location",
        "maxFindings     | -1        | headroom.maxFindings must be 0 or more, not -1",
        "threads         | 0         | headroom.threads must be 1 or more, not 0",
        "ramBudget       | lots      | headroom.ramBudget: 'lots' is not a size",
        "stackBudget     | 4 parsecs | headroom.stackBudget: '4 parsecs' is not a size",
        "layout          | zgc       | headroom.layout: unknown layout model 'zgc'; valid: hotspot-coops, hotspot-nocoops, hotspot-compact, jvm32",
        "costModel       | fast      | headroom.costModel: cost model 'fast' is neither a bundled model (unit, interpreter) nor an existing file",
        "roots           | demo.Clean | headroom.roots: 'demo.Clean' is not a method pattern",
        "interruptRoots  | #onTick   | headroom.interruptRoots: '#onTick' is not a method pattern",
        "rootAnnotations | 1.Bad     | headroom.rootAnnotations: '1.Bad' is not a class name",
        "formats         | pdf       | headroom.formats: unknown format 'pdf'; available: text, json, ",
        "rulePacks       | no-such-pack.json | headroom.rulePacks file not found: ",
        "rules           | recursion=fatal | headroom.rules recursion: unknown value 'fatal'; expected error, warning or off",
        "rules           | recursio=off | headroom.rules: unknown rule 'recursio' in 'recursio=off'; rules: growable-collection,",
        "rules           | my-pack.json | headroom.rules: 'my-pack.json' is a file, but rules takes <rule-id>=<level>",
        "excludes        | demo..Clean | headroom.excludes 'demo..Clean': not a class pattern",
        "baseline        | no-such-baseline.json | headroom.baseline file not found: ",
        "flowFacts       | no-such-facts.json | headroom.flowFacts file not found: ",
        "jdk             | no-such-jdk | headroom.jdk is not a directory: ",
        "sourceRoots     | no-such-dir | headroom.sourceRoots: not a directory: ",
        "roots           | demo.Nothing#here | Headroom: --root",
    })
    void badParameterValueIsABuildErrorNamingTheParameter(String parameter, String value, String expected)
            throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        boolean isFile = List.of("rulePacks", "baseline", "flowFacts", "jdk", "sourceRoots").contains(parameter);
        if (parameter.equals("formats")) {
            mojo.formats = List.of(value);
        } else {
            CliParityTest.set(mojo, new Option("--" + parameter, parameter, isFile ? dir.resolve(value).toString() : value));
        }
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(error.getMessage().startsWith(expected), () -> "expected '" + expected + "...', got: " + error.getMessage());
        assertFalse(Files.exists(project.report("headroom.json")), "no report after a setup error");
    }

    @Test
    void everyFormatIsWrittenToItsOwnFile() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.formats = Stream.of(ReportFormat.values()).map(ReportFormat::id).toList();
        mojo.execute();
        for (ReportFormat format : ReportFormat.values()) {
            assertTrue(Files.isRegularFile(project.report(format.fileName())), format.fileName());
        }
        assertEquals(ReportFormat.values().length, Files.list(project.report("")).count());
    }

    @Test
    void budgetsAndLayoutReachTheMemoryAnalysis() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.ramBudget = "64KiB";
        mojo.stackBudget = "4KiB";
        mojo.layout = "jvm32";
        AnalysisConfig config = mojo.configuration();
        assertEquals(65536L, config.ramBudget());
        assertEquals(4096L, config.stackBudget());
        assertEquals("jvm32", config.layout());
        mojo.execute();
        JsonObject memory = JsonParser.parseString(Files.readString(project.report("headroom.json")))
                .getAsJsonObject().getAsJsonObject("memory");
        assertEquals(65536, memory.get("budgetBytes").getAsInt());
        assertEquals("jvm32", memory.get("layout").getAsString());
        assertEquals(List.of(), log.lines("warn"));
    }

    @Test
    void jdkFileParameterIsHandedToTheCore() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        mojo.jdk = new File(System.getProperty("java.home"));
        assertNotNull(mojo.configuration().jdkHome());
        mojo.execute();
        assertTrue(Files.readString(project.report("headroom.json")).contains("\"verdict\": \"pass\""));
    }

    @Test
    void classpathIsTheCompileClasspathWithoutTheClassesDirectory() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Clean", CLEAN));
        CheckMojo mojo = project.mojo(log);
        List<String> elements = new ArrayList<>(mojo.classpathElements);
        elements.add(project.library.toString()); // repeated
        elements.add(dir.resolve("not-built-yet").toString()); // a sibling module not compiled yet
        mojo.classpathElements = elements;
        assertEquals(List.of(project.library, TestProject.annotationsJar()), mojo.configuration().classpath());
        assertEquals(List.of(project.classes), mojo.configuration().inputs());
        assertEquals(List.of(project.sources), mojo.configuration().sourceRoots());
    }

    @Test
    void aModuleWithoutRootsIsSkippedWithAWarning() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Lib", NO_ROOTS));
        project.mojo(log).execute();
        assertEquals(List.of("Headroom: no roots in " + dir.getFileName() + ", skipped (no roots in 1 class of "
                + project.classes + "); mark entry points with @RealTime or @InterruptHandler, or configure roots or"
                + " rootAnnotations, or set allowNoRoots to false to fail the build instead"), log.lines("warn"));
        assertEquals(List.of(), log.lines("info"));
        assertFalse(Files.exists(project.report("")), "a skipped module has no reports");
    }

    @Test
    void aModuleWithoutRootsFailsTheBuildWhenNotAllowed() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Lib", NO_ROOTS));
        CheckMojo mojo = project.mojo(log);
        mojo.allowNoRoots = false;
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("Headroom: no roots in " + dir.getFileName() + " (no roots in 1 class of " + project.classes
                + "): mark entry points with @RealTime or @InterruptHandler, or configure roots or rootAnnotations,"
                + " or set allowNoRoots to true to skip a module without roots", error.getMessage());
    }

    @Test
    void aPassWithFindingsLogsThemAsWarnings() throws Exception {
        TestProject project = TestProject.create(dir, Map.of("Garbage", SEVEN_ALLOCATIONS));
        CheckMojo mojo = project.mojo(log);
        mojo.failOn = "never";
        mojo.execute();
        List<String> warn = log.lines("warn");
        String source = project.sources.resolve("demo/Garbage.java").toString();
        assertAll(log.lines().toString(),
                () -> assertEquals(List.of(), log.lines("info")),
                () -> assertTrue(warn.get(0).startsWith("Headroom 0.1.0: PASS, 7 errors, 0 warnings, 0 suppressed (1 root, "),
                        warn.get(0)),
                () -> assertEquals("  " + source + ":10 in onTick  heap-allocation  allocates: new java.lang.Object",
                        warn.get(1)),
                () -> assertEquals(9, warn.size(), "the summary, the 7 findings, the reports"),
                () -> assertEquals("Headroom reports: " + project.report("headroom.txt") + ", "
                        + project.report("headroom.json"), warn.get(8)));
    }
}
