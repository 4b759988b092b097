package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The distribution zip as a user gets it: unpacked into a directory whose name has a space, {@code bin/headroom}
 * run as a process on the failing sample, compared with the same command run in-process.
 */
class LauncherIT {
    private static final String SAMPLE = SampleReports.SAMPLES.resolve("telemetry-mistakes/target/classes").toString();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    static Path installed;
    private static Path home;
    private static String launcher;

    @TempDir
    Path work;

    @BeforeAll
    static void unpack() throws IOException {
        home = Distribution.unpack(Files.createDirectories(installed.resolve("tools dir")));
        launcher = home.resolve("bin/headroom").toString();
    }

    @Test
    void theZipHoldsBothLaunchersTheJarAndTheProjectFiles() throws IOException {
        Map<String, Set<PosixFilePermission>> entries = Distribution.entries();
        String root = "headroom-" + Distribution.VERSION + "/";
        String cmd = new String(Distribution.read(root + "bin/headroom.cmd"), StandardCharsets.US_ASCII);
        assertAll(
                () -> assertEquals(List.of(root + "LICENSE", root + "NOTICE", root + "README.md", root + "bin/headroom",
                        root + "bin/headroom.cmd", root + "lib/headroom.jar"), List.copyOf(entries.keySet())),
                () -> assertTrue(entries.get(root + "bin/headroom").contains(PosixFilePermission.OTHERS_EXECUTE), "bin/headroom is executable"),
                () -> assertArrayEquals(Files.readAllBytes(Distribution.JAR), Distribution.read(root + "lib/headroom.jar"), "lib/headroom.jar"),
                () -> assertArrayEquals(Files.readAllBytes(Path.of("../../LICENSE")), Distribution.read(root + "LICENSE")),
                () -> assertArrayEquals(Files.readAllBytes(Path.of("../../NOTICE")), Distribution.read(root + "NOTICE")),
                () -> assertArrayEquals(Files.readAllBytes(Path.of("../../README.md")), Distribution.read(root + "README.md")),
                () -> assertTrue(cmd.contains("\r\n"), "headroom.cmd has CRLF line ends"),
                () -> assertFalse(cmd.replace("\r\n", "").contains("\n"), "headroom.cmd has no bare LF"),
                () -> assertFalse(cmd.contains("@headroom."), "the build filled in the launcher's defaults"),
                () -> assertTrue(cmd.contains("\"%JAVA_EXE%\" %CEILING% %INITIAL% "),
                        "headroom.cmd runs java with its heap ceiling and initial heap: " + cmd),
                () -> assertTrue(cmd.contains("set \"CEILING=-Xmx%HEAP_MAX%\""), "the ceiling: " + cmd),
                // The options that size the heap, as bin/headroom's case lists them (cmd is not run here).
                () -> assertTrue(cmd.contains(" | findstr /r /c:\"-Xm[sx]\" /c:\"-XX:MaxHeapSize=\""
                        + " /c:\"-XX:InitialHeapSize=\" /c:\"-XX:MinHeapSize=\" /c:\"-XX:MaxRAM=\""
                        + " /c:\"RAMPercentage=\" /c:\"RAMFraction=\" >nul"
                        + " && (set \"CEILING=\" & set \"INITIAL=\")\r\n"), cmd),
                () -> assertTrue(new String(Distribution.read(root + "bin/headroom"), StandardCharsets.UTF_8)
                        .contains("HEADROOM_VERSION='" + Distribution.VERSION + "'"), "the version the cache key names"));
    }

    @Test
    void theReadmeDocumentsEveryVariableTheLauncherReads() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        int start = readme.indexOf("\n| variable | meaning |\n");
        assertTrue(start > 0, "the README's table of the launcher's variables");
        String table = readme.substring(start, readme.indexOf("\n\n", start));
        Matcher variable = Pattern.compile("\n#   ([A-Z_]+) ").matcher(Files.readString(home.resolve("bin/headroom")));
        List<String> documented = new ArrayList<>();
        while (variable.find()) {
            assertTrue(table.contains("`" + variable.group(1) + "`"), variable.group(1) + " in " + table);
            documented.add(variable.group(1));
        }
        assertEquals(List.of("JAVA_HOME", "JAVA_OPTS", "HEADROOM_OPTS", "HEADROOM_CDS", "XDG_CACHE_HOME", "HEADROOM_LAUNCHER_DEBUG"),
                documented, "the variables bin/headroom names in its header");
    }

    /**
     * The launchers measure the inputs, the arguments that name an existing file or directory, and so skip the value of
     * every option that takes one (a library, a report, the cache directory): both lists are the check command's.
     */
    @Test
    void theLaunchersSkipTheValueOfEveryOptionThatTakesOne() throws IOException {
        Set<String> takingValues = new TreeSet<>();
        for (OptionSpec option : Main.commandLine().getSubcommands().get("check").getCommandSpec().options()) {
            if (option.arity().max() > 0) {
                takingValues.addAll(List.of(option.names()));
            }
        }
        String sh = Files.readString(home.resolve("bin/headroom"));
        int cases = sh.indexOf("  case $arg in\n");
        String shList = sh.substring(cases + "  case $arg in\n".length(), sh.indexOf(")\n      skip=1", cases));
        String cmd = Files.readString(home.resolve("bin/headroom.cmd"));
        int loop = cmd.indexOf("for %%o in (");
        String cmdList = cmd.substring(loop + "for %%o in (".length(), cmd.indexOf(") do if \"%~1\"==\"%%o\"", loop));
        assertAll(
                () -> assertEquals(takingValues, new TreeSet<>(List.of(shList.trim().split("[\\s|\\\\]+"))),
                        "bin/headroom"),
                () -> assertEquals(takingValues, new TreeSet<>(List.of(cmdList.trim().split(" "))), "headroom.cmd"));
    }

    @Test
    void theLauncherGivesTheInProcessExitCodeAndByteIdenticalReportWithAndWithoutTheArchive() throws IOException {
        CliRun inProcess = CliRun.of("check", "--format", "json", SAMPLE);
        Path cache = work.resolve("cache home");
        LauncherRun.Command command = launcher("check", "--format", "json", SAMPLE).env("XDG_CACHE_HOME", cache.toString());

        LauncherRun plain = LauncherRun.command(Path.of(JAVA_HOME, "bin/java").toString(), "-jar",
                home.resolve("lib/headroom.jar").toString(), "check", "--format", "json", SAMPLE).run(work.resolve("plain"));
        LauncherRun first = command.run(work.resolve("first"));
        assertEquals(List.of(), archives(cache), "no archive after the first run: a one-off run never writes one");
        LauncherRun writing = command.run(work.resolve("writing"));
        assertEquals(1, archives(cache).size(), "the second run wrote the archive");
        LauncherRun reading = command.env("HEADROOM_LAUNCHER_DEBUG", "1").run(work.resolve("reading"));

        assertEquals(ExitCodes.FAIL, inProcess.exitCode(), inProcess.toString());
        plain.assertSameAs(inProcess, "java -jar");
        first.assertSameAs(inProcess, "launcher");
        writing.assertSameAs(inProcess, "launcher writing the archive");
        assertArrayEquals(plain.out(), reading.out(), "launcher reading the archive");
        assertEquals(inProcess.exitCode(), reading.exitCode());
        String debug = reading.errLines().get(0);
        assertAll(debug,
                () -> assertTrue(debug.contains("[-XX:SharedArchiveFile=" + archives(cache).get(0) + "]"), "the archive is used"),
                () -> assertTrue(debug.contains("[-XX:TieredStopAtLevel=1]"), "a small input runs on C1 alone"),
                () -> assertTrue(debug.endsWith("[-jar] [" + home.resolve("lib/headroom.jar") + "] [check] [--format] [json] [" + SAMPLE + "]"), "the jar, then the arguments"));
        assertEquals(inProcess.err(), reading.err().substring(debug.length() + 1), "the rest of standard error");
    }

    /**
     * The archive is a static one: Java 17's archive written at exit leaves out Java 5 class files, which picocli and
     * ASM ship as, and everything built on them. Installed where the path has no blank: Java 17 matches no class to a
     * class path entry with one, so there the archive holds the JDK's classes only (README). The user's options size
     * the heap here, so the launcher gives the archive's making no ceiling of its own either.
     */
    @Test
    void theArchiveHoldsPicocliAndAsmThoughTheyAreJava5ClassFiles() throws IOException {
        Path installation = Distribution.unpack(Files.createDirectories(work.resolve("tools")));
        Path log = work.resolve("classes.log");
        LauncherRun.Command command = launcher(installation.resolve("bin/headroom"), "check", "--format", "json", SAMPLE)
                .env("XDG_CACHE_HOME", work.resolve("cache").toString())
                .env("HEADROOM_OPTS", "-Xmx512m -Xlog:class+load:file=" + log);
        command.run(work.resolve("first"));
        LauncherRun writing = command.run(work.resolve("writing"));
        assertEquals(1, archives(work.resolve("cache")).size(), "the second run wrote the archive: " + writing);
        Files.deleteIfExists(log);
        command.run(work.resolve("reading"));
        String loaded = Files.readString(log);
        assertAll(
                () -> assertTrue(loaded.contains("] picocli.CommandLine source: shared objects file"), "picocli"),
                () -> assertTrue(loaded.contains("] org.objectweb.asm.ClassReader source: shared objects file"), "ASM"),
                () -> assertTrue(loaded.contains("] dev.headroom.cli.ErrorReporter source: shared objects file"),
                        "a class of Headroom's built on picocli's"));
    }

    @Test
    void everyArgumentPassesThroughUnchanged() throws IOException {
        String category = "team a/\"quoted\" $HOME * ' \\ ;";
        Path report = Files.createDirectories(work.resolve("reports here")).resolve("the report.sarif");
        String[] args = {"check", "--format", "sarif", "--sarif-category", category, "-o", report.toString(), SAMPLE};
        CliRun inProcess = CliRun.of(args);
        String sarif = Files.readString(report);
        Files.delete(report);
        LauncherRun launched = launcher(args).env("HEADROOM_CDS", "off").run(work.resolve("launched"));

        launched.assertSameAs(inProcess, "launcher");
        assertEquals(sarif, Files.readString(report));
        assertEquals(category + "/", JsonParser.parseString(sarif).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject().getAsJsonObject("automationDetails").get("id").getAsString(), "the category as given");
    }

    @Test
    void twoRunsAtOnceBothSucceedAndLeaveOneWholeArchive() throws IOException {
        CliRun inProcess = CliRun.of("check", "--format", "json", SAMPLE);
        Path cache = work.resolve("cache");
        LauncherRun.Command command = launcher("check", "--format", "json", SAMPLE).env("XDG_CACHE_HOME", cache.toString());
        command.run(work.resolve("first")).assertSameAs(inProcess, "first run");

        // Both find no archive and write one, each to its own file, renamed into place when complete.
        Process one = command.start(work.resolve("one"));
        Process two = command.start(work.resolve("two"));
        LauncherRun.finish(one, work.resolve("one")).assertSameAs(inProcess, "first of two at once");
        LauncherRun.finish(two, work.resolve("two")).assertSameAs(inProcess, "second of two at once");

        assertEquals(1, archives(cache).size(), "one archive");
        try (Stream<Path> files = Files.list(cache.resolve("headroom"))) {
            assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".tmp")).toList(), "no file left behind");
        }
        command.run(work.resolve("after")).assertSameAs(inProcess, "run on the archive the two left");
    }

    @Test
    void anUnwritableCacheOrAnArchiveTheJvmRejectsOnlyMeansNoArchive() throws IOException {
        CliRun inProcess = CliRun.of("check", "--format", "json", SAMPLE);
        // A cache "directory" that is a file: nothing can be created under it.
        Path file = Files.writeString(work.resolve("not a directory"), "x");
        LauncherRun.Command unwritable = launcher("check", "--format", "json", SAMPLE).env("XDG_CACHE_HOME", file.toString());
        unwritable.run(work.resolve("unwritable 1")).assertSameAs(inProcess, "unwritable cache, first run");
        unwritable.run(work.resolve("unwritable 2")).assertSameAs(inProcess, "unwritable cache, second run");

        Path cache = work.resolve("cache");
        LauncherRun.Command command = launcher("check", "--format", "json", SAMPLE).env("XDG_CACHE_HOME", cache.toString());
        command.run(work.resolve("first"));
        command.run(work.resolve("writing"));
        Path archive = archives(cache).get(0);
        Files.delete(archive);
        Files.write(archive, "not an archive from this JVM".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        command.run(work.resolve("rejected")).assertSameAs(inProcess, "an archive the JVM rejects");
    }

    @Test
    void noJavaIsAOneLineErrorAndExit2() {
        launcher("check", SAMPLE).without("JAVA_HOME").env("PATH", work.resolve("no such dir").toString())
                .run(work.resolve("out")).assertOneLineError("no Java found", "JAVA_HOME");
        launcher("check", SAMPLE).env("JAVA_HOME", work.toString()).run(work.resolve("out"))
                .assertOneLineError("JAVA_HOME is " + work, "no bin/java");
    }

    @Test
    void javaOlderThan17IsAOneLineErrorAndExit2() throws IOException {
        // Its release file says so, and no JVM is started to ask...
        Path java11 = fakeJava("java 11", "exit 99");
        Files.writeString(java11.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"11.0.22\"\n");
        launcher("check", SAMPLE).env("JAVA_HOME", java11.toString()).run(work.resolve("out"))
                .assertOneLineError(java11 + "/bin/java is Java 11.0.22", "needs Java 17 or later");
        // ... or, without one, `java -version` does (on the PATH here).
        Path java8 = fakeJava("java 8", "echo 'openjdk version \"1.8.0_392\"' >&2; echo 'OpenJDK Runtime Environment' >&2");
        launcher("check", SAMPLE).without("JAVA_HOME").env("PATH", java8.resolve("bin") + ":/usr/bin:/bin").run(work.resolve("out"))
                .assertOneLineError("is Java 1.8.0_392", "needs Java 17 or later");
    }

    @Test
    void smallInputsRunOnC1AloneInASmallerHeapWithTheThroughputCollectorLargeOnesOnEveryTierAndTheUsersOptionsComeLast()
            throws IOException {
        String script = Files.readString(home.resolve("bin/headroom"));
        int c1OnlyMaxKib = Integer.parseInt(scriptValue(script, "C1_ONLY_MAX_KIB"));
        int smallInputMaxKib = Integer.parseInt(scriptValue(script, "SMALL_INPUT_MAX_KIB"));
        String smallCeiling = "[-Xmx" + scriptValue(script, "SMALL_INPUT_HEAP_MAX") + "]";
        String smallInitial = "[-Xms" + scriptValue(script, "SMALL_INPUT_HEAP_MAX") + "]";
        int perInput = Integer.parseInt(scriptValue(script, "LARGE_INPUT_HEAP_PER_INPUT"));
        int leastMib = Integer.parseInt(scriptValue(script, "LARGE_INPUT_HEAP_MIN_MIB"));
        int mostMib = Integer.parseInt(scriptValue(script, "LARGE_INPUT_HEAP_MAX_MIB"));
        assertTrue(smallInputMaxKib < c1OnlyMaxKib, "the smaller ceiling is for inputs that run on C1 alone");
        // Above the C1 limit by more than the step at which the ceiling stops growing.
        Path large = input("large input.jar", c1OnlyMaxKib + 4096);
        Path middle = input("middle input.jar", smallInputMaxKib + 64);
        // Large enough that the ceiling grows with it, not so large that it stops growing.
        int grownMib = (leastMib + mostMib) / 2 / perInput;
        Path grown = input("grown input.jar", grownMib * 1024 + 64);
        assertTrue(grownMib * perInput > leastMib && grownMib * perInput < mostMib, "the fixture: " + grownMib);

        String small = debugLine(launcher("rules", "-o", large.toString(), SAMPLE));
        String between = debugLine(launcher("rules", middle.toString()));
        String grownLine = debugLine(launcher("rules", grown.toString()));
        String big = debugLine(launcher("rules", SAMPLE, large.toString())
                .env("JAVA_OPTS", "-Dfrom.java.opts=1").env("HEADROOM_OPTS", "-Xss4m -Dfrom.headroom.opts=a*b"));
        // Options' values are no inputs, the cache directory's included, however large.
        String values = debugLine(launcher("check", "--cache-dir", large.getParent().toString(), "--sarif-category",
                large.toString(), SAMPLE));
        String ownCollector = debugLine(launcher("rules", SAMPLE).env("HEADROOM_OPTS", "-XX:+UseSerialGC"));
        String toolCollector = debugLine(launcher("rules", SAMPLE).env("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC"));
        // Options that name no collector and size no heap, some of them near the ones that do.
        String noCollector = debugLine(launcher("rules", SAMPLE).env("JAVA_OPTS", "-XX:+UseLargePages"
                + " -XX:ParallelGCThreads=2 -XX:+UseGCOverheadLimit -Xmn64m -Xss2m -XX:MaxHeapFreeRatio=70"));
        String collectorOff = debugLine(launcher("rules", SAMPLE).env("HEADROOM_OPTS", "-XX:-UseParallelGC"));
        // A ceiling of the user's below the launcher's initial heap would stop the JVM: those runs must go on.
        LauncherRun ownHeapRun = debugRun(launcher("rules").env("HEADROOM_OPTS", "-Xmx256m"), "own heap");
        LauncherRun readHeapRun = debugRun(launcher("rules").env("_JAVA_OPTIONS", "-Xmx256m"), "read heap");
        String ownHeap = ownHeapRun.errLines().get(0);
        String readHeap = readHeapRun.errLines().get(0);
        String toolHeap = debugLine(launcher("rules", SAMPLE).env("JAVA_TOOL_OPTIONS", "-XX:MaxHeapSize=300m"));
        String containerHeap = debugLine(launcher("rules", SAMPLE, large.toString())
                .env("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=50"));
        // The JVM reads JAVA_TOOL_OPTIONS before the command line: an initial size of theirs above the launcher's
        // ceiling would stop it.
        LauncherRun toolInitialRun = debugRun(launcher("rules").env("JAVA_TOOL_OPTIONS", "-Xms1g"), "tool initial");
        LauncherRun toolLeastRun = debugRun(launcher("rules").env("JAVA_TOOL_OPTIONS", "-XX:MinHeapSize=1g"), "least");
        String ownInitial = debugLine(launcher("rules", SAMPLE).env("JAVA_OPTS", "-XX:InitialHeapSize=300m"));
        String parallel = "[-XX:+UseParallelGC]";
        String oneCompiler = "[-XX:CICompilerCount=1]";
        String earlyCompiles = "[-XX:Tier3InvocationThreshold=50] [-XX:Tier3MinInvocationThreshold=25] "
                + "[-XX:Tier3CompileThreshold=500]";
        boolean fewProcessors = onlineProcessors() <= 2;
        assertAll(
                () -> assertTrue(small.contains("[-XX:TieredStopAtLevel=1]"), "the value of -o is no input: " + small),
                () -> assertTrue(small.contains(smallCeiling), "the ceiling of small inputs: " + small),
                () -> assertTrue(small.contains(parallel), "the throughput collector for small inputs: " + small),
                () -> assertTrue(small.contains("[-XX:MaxTenuringThreshold=1]"), "promoting at the second collection: "
                        + small),
                () -> assertTrue(small.contains(smallInitial), "the small inputs' heap at its ceiling from the start: "
                        + small),
                () -> assertFalse(between.contains("[-Xms"), "and only theirs: " + between),
                () -> assertTrue(noCollector.contains(smallInitial),
                        "options that size no heap keep it: " + noCollector),
                () -> assertFalse(ownCollector.contains("[-Xms"),
                        "it goes with the throughput collector: " + ownCollector),
                () -> assertFalse(collectorOff.contains(parallel) || collectorOff.contains("MaxTenuring")
                                || collectorOff.contains("[-Xms"),
                        "none of them when the user turns a collector off: " + collectorOff),
                () -> assertTrue(ownHeap.startsWith("headroom: inputs ") && !ownHeap.contains("[-Xms")
                                && ownHeap.indexOf("[-Xmx") == ownHeap.indexOf("[-Xmx256m]"),
                        "no initial heap or ceiling beside the user's ceiling: " + ownHeap),
                () -> assertEquals(0, ownHeapRun.exitCode(), "and the run goes on: " + ownHeapRun),
                () -> assertTrue(readHeap.startsWith("headroom: inputs ") && !readHeap.contains("[-Xms"),
                        "nor beside one in _JAVA_OPTIONS, which the JVM reads after the command line: " + readHeap),
                () -> assertEquals(0, readHeapRun.exitCode(), "and that run goes on: " + readHeapRun),
                () -> assertFalse(toolHeap.contains("[-Xms") || toolHeap.contains("[-Xmx"),
                        "nor beside one in JAVA_TOOL_OPTIONS, which a ceiling of the launcher's would override: "
                                + toolHeap),
                () -> assertFalse(containerHeap.contains("[-Xmx"), "a share of the machine's memory: " + containerHeap),
                () -> assertFalse(toolInitialRun.errLines().get(0).contains("[-Xm"),
                        "an initial size alone: " + toolInitialRun),
                () -> assertEquals(0, toolInitialRun.exitCode(), "and that run goes on: " + toolInitialRun),
                () -> assertEquals(0, toolLeastRun.exitCode(), "a least size too: " + toolLeastRun),
                () -> assertTrue(values.contains(smallCeiling) && values.contains(smallInitial),
                        "the values of options are no inputs: " + values),
                () -> assertFalse(ownInitial.contains("[-Xms"), "the user's initial size alone: " + ownInitial),
                () -> assertTrue(between.contains("[-XX:TieredStopAtLevel=1]"),
                        "above the small inputs' limit, C1 alone still: " + between),
                () -> assertTrue(between.contains("[-Xmx" + leastMib + "m]"),
                        "and the large inputs' least ceiling: " + between),
                () -> assertTrue(grownLine.contains("[-Xmx" + largeCeilingMib(grownLine, perInput) + "m]")
                                && largeCeilingMib(grownLine, perInput) == grownMib * perInput,
                        "a ceiling of " + perInput + " times the input's MiB: " + grownLine),
                () -> assertFalse(between.contains("UseParallelGC") || between.contains("MaxTenuring"),
                        "and the JVM's collector: " + between),
                () -> assertFalse(ownCollector.contains("UseParallelGC") || ownCollector.contains("MaxTenuring"),
                        "the user's collector alone: " + ownCollector),
                () -> assertTrue(ownCollector.contains("[-XX:+UseSerialGC]"), ownCollector),
                () -> assertFalse(toolCollector.contains("UseParallelGC"), "one the JVM reads itself: " + toolCollector),
                () -> assertTrue(noCollector.contains(parallel), "options that name no collector: " + noCollector),
                () -> assertEquals(fewProcessors, small.contains(oneCompiler),
                        "one compiler thread for C1 alone on two processors or one: " + small),
                () -> assertEquals(fewProcessors, between.contains(oneCompiler), between),
                () -> assertTrue(small.contains(earlyCompiles), "C1 compiles sooner for small inputs: " + small),
                () -> assertFalse(between.contains("Tier3"), "and only for them: " + between),
                () -> assertFalse(big.contains("Tier3"), big),
                () -> assertFalse(big.contains("TieredStopAtLevel") || big.contains("CICompilerCount"), big),
                () -> assertTrue(big.contains("[-Xmx" + mostMib + "m]") && largeCeilingMib(big, perInput) > mostMib,
                        "at most the large inputs' most: " + big),
                () -> assertTrue(big.contains("[-Dfrom.java.opts=1] [-Xss4m] [-Dfrom.headroom.opts=a*b] [-jar]"),
                        "JAVA_OPTS, then HEADROOM_OPTS, after the launcher's options (the later ones win): " + big));
    }

    /** The processors the launcher counts ({@code getconf}, as the script asks), not the JVM's count of them. */
    private static int onlineProcessors() throws IOException {
        Process p = new ProcessBuilder("getconf", "_NPROCESSORS_ONLN").redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return Integer.parseInt(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void aLinkToTheLauncherFindsTheInstallation() throws IOException {
        Path link = Files.createSymbolicLink(work.resolve("headroom"), Path.of(launcher));
        LauncherRun run = LauncherRun.command(link.toString(), "rules", "heap-allocation").env("JAVA_HOME", JAVA_HOME)
                .run(work.resolve("out"));
        Files.delete(link);
        run.assertSameAs(CliRun.of("rules", "heap-allocation"), "through a link");
    }

    /** The ceiling the launcher's rule gives the input size its debug line reports, before the bounds. */
    private static int largeCeilingMib(String debugLine, int perInput) {
        Matcher m = Pattern.compile("^headroom: inputs (\\d+) KiB").matcher(debugLine);
        assertTrue(m.find(), debugLine);
        return Integer.parseInt(m.group(1)) / 1024 * perInput;
    }

    /**
     * A file of this many KiB for the launcher to measure, of bytes no file system compresses away ({@code du} counts
     * the blocks a file takes).
     */
    private Path input(String name, int kib) throws IOException {
        byte[] bytes = new byte[kib * 1024];
        new Random(kib).nextBytes(bytes);
        return Files.write(work.resolve(name), bytes);
    }

    /** A setting at the top of the launcher script ({@code NAME=value}, filled in by the build). */
    private static String scriptValue(String script, String name) {
        Matcher m = Pattern.compile("\n" + name + "=([^\n]+)\n").matcher(script);
        assertTrue(m.find(), name + " in bin/headroom");
        return m.group(1);
    }

    /** A run of the launcher that prints its java command first. */
    private LauncherRun debugRun(LauncherRun.Command command, String outputs) {
        return command.env("HEADROOM_LAUNCHER_DEBUG", "1").env("HEADROOM_CDS", "off").run(work.resolve(outputs));
    }

    private String debugLine(LauncherRun.Command command) {
        LauncherRun run = debugRun(command, "debug");
        assertTrue(run.err().startsWith("headroom: inputs "), run.toString());
        return run.errLines().get(0);
    }

    private static LauncherRun.Command launcher(String... args) {
        return launcher(Path.of(launcher), args);
    }

    /** The command of a launcher, with the Java the tests run on. */
    private static LauncherRun.Command launcher(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        return LauncherRun.command(command).env("JAVA_HOME", JAVA_HOME);
    }

    /** A Java home whose bin/java is a shell script running {@code body}. */
    private Path fakeJava(String name, String body) throws IOException {
        Path bin = Files.createDirectories(work.resolve(name).resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(java, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        return bin.getParent();
    }

    private static List<Path> archives(Path cache) throws IOException {
        Path dir = cache.resolve("headroom");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).sorted().toList();
        }
    }
}
