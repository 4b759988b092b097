package dev.headroom.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.annotations.RealTime;
import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline end to end on small classes compiled here: accept, ratchet, tighten, fail on what is new. */
class BaselineTest {
    private static final AnalysisListener QUIET = message -> { };

    @TempDir
    Path dir;

    /** One heap allocation ({@code new int[4]}) on the root's path; {@code extra} goes into the root's body. */
    private static String ticker(String blankLines, String extra, int stateLength) {
        return "package demo;\n"
                + "import dev.headroom.annotations.RealTime;\n"
                + blankLines
                + "public class Ticker {\n"
                + "    static final int[] STATE = new int[" + stateLength + "];\n"
                + "    @RealTime\n"
                + "    public static void onTick(int v) {\n"
                + "        int[] tmp = new int[4];\n"
                + "        STATE[0] = tmp.length + v;\n"
                + extra
                + "    }\n"
                + "}\n";
    }

    private static final String BASE = ticker("", "", 16);

    @Test
    void roundTripAcceptsTheSameFindingsAndPasses() throws IOException {
        Path classes = compile("v1", BASE);
        Path file = dir.resolve("headroom-baseline.json");
        AnalysisResult written = analyze(classes, b -> b.writeBaseline(file));
        assertEquals(Verdict.FAIL, written.verdict(), "writing a baseline does not change the verdict");
        assertEquals(1, count(written.findings(), Rule.HEAP_ALLOCATION));
        assertNotNull(written.baseline());
        assertEquals(file.toString(), written.baseline().written());
        assertNull(written.baseline().file());

        Baseline read = Baseline.read(file);
        assertEquals(Baseline.of(Headroom.VERSION, written.findings(), written.memory(), written.timing()), read);
        assertEquals(1, read.findings().size());
        BaselineEntry entry = read.findings().get(0);
        assertEquals("heap-allocation", entry.rule());
        assertEquals("demo.Ticker#onTick(I)V", entry.root());
        assertEquals("demo.Ticker#onTick(I)V", entry.location());
        assertFalse(entry.key().matches(".*\\d.*"), "no digits, so no line numbers, in " + entry.key());
        assertTrue(read.timing().containsKey("demo.Ticker#onTick(I)V"));
        assertTrue(read.stack().containsKey("demo.Ticker#onTick(I)V"));
        assertEquals(written.memory().totalBytes(), read.memoryTotal());

        AnalysisResult checked = analyze(classes, b -> b.baseline(file));
        assertEquals(Verdict.PASS, checked.verdict());
        assertEquals(0, count(checked.findings(), Rule.HEAP_ALLOCATION));
        assertEquals(1, checked.baseline().accepted().size());
        assertEquals(List.of(), checked.baseline().noLongerPresent());
        assertEquals(0, checked.baseline().regressions());
        assertEquals(0, checked.summary().errors());
    }

    @Test
    void writingIsByteIdenticalForTheSameFindings() throws IOException {
        Path classes = compile("v1", BASE);
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        analyze(classes, b -> b.writeBaseline(first));
        analyze(classes, b -> b.writeBaseline(second));
        assertEquals(Files.readString(first), Files.readString(second));
        assertTrue(Files.readString(first).startsWith("{\n  \"baselineVersion\": 1,\n"));
    }

    @Test
    void aNewFindingFails() throws IOException {
        Path file = dir.resolve("baseline.json");
        analyze(compile("v1", BASE), b -> b.writeBaseline(file));
        // one more allocation with the same key: the count in the baseline is exceeded
        AnalysisResult result = analyze(compile("v2", ticker("", "        STATE[1] = new int[4].length;\n", 16)),
                b -> b.baseline(file));
        assertEquals(Verdict.FAIL, result.verdict());
        assertEquals(1, count(result.findings(), Rule.HEAP_ALLOCATION));
        assertEquals(1, result.baseline().accepted().size());
        assertTrue(result.failReason().contains("not in the baseline"), result.failReason());
    }

    @Test
    void aFixedFindingIsReportedAsNoLongerPresent() throws IOException {
        Path file = dir.resolve("baseline.json");
        analyze(compile("v1", BASE), b -> b.writeBaseline(file));
        String fixed = BASE.replace("        int[] tmp = new int[4];\n        STATE[0] = tmp.length + v;\n",
                "        STATE[0] = v;\n");
        AnalysisResult result = analyze(compile("fixed", fixed), b -> b.baseline(file));
        assertEquals(Verdict.PASS, result.verdict());
        assertEquals(0, result.baseline().accepted().size());
        assertEquals(1, result.baseline().noLongerPresent().size());
        BaselineEntry gone = result.baseline().noLongerPresent().get(0);
        assertEquals("heap-allocation", gone.rule());
        assertEquals(1, gone.count());
    }

    @Test
    void aLineInsertedAboveKeepsTheFindingAccepted() throws IOException {
        Path file = dir.resolve("baseline.json");
        AnalysisResult before = analyze(compile("v1", BASE), b -> b.writeBaseline(file));
        AnalysisResult after = analyze(compile("moved", ticker("\n\n\n\n\n", "", 16)), b -> b.baseline(file));
        int lineBefore = before.findings().stream().filter(f -> f.rule() == Rule.HEAP_ALLOCATION).findFirst()
                .orElseThrow().location().line();
        int lineAfter = after.baseline().accepted().get(0).location().line();
        assertEquals(lineBefore + 5, lineAfter, "the finding moved five lines down");
        assertEquals(Verdict.PASS, after.verdict());
        assertEquals(List.of(), after.baseline().noLongerPresent());
    }

    @Test
    void aLargerStaticTotalFails() throws IOException {
        Path file = dir.resolve("baseline.json");
        analyze(compile("v1", BASE), b -> b.writeBaseline(file));
        AnalysisResult result = analyze(compile("bigger", ticker("", "", 64)), b -> b.baseline(file));
        assertEquals(Verdict.FAIL, result.verdict());
        Finding regression = only(result.findings(), Rule.RAM_BUDGET_EXCEEDED);
        assertTrue(regression.message().contains("exceeds the baseline's"), regression.message());
        assertEquals("demo.Ticker#<clinit>()V", regression.location().method().toString());
        assertEquals(1, result.baseline().regressions());
    }

    @Test
    void aLargerWorstCaseCostFails() throws IOException {
        Path file = dir.resolve("baseline.json");
        analyze(compile("v1", BASE), b -> b.writeBaseline(file));
        String slower = "        for (int i = 0; i < 10; i++) {\n            STATE[i] += v;\n        }\n";
        AnalysisResult result = analyze(compile("slower", ticker("", slower, 16)), b -> b.baseline(file));
        assertEquals(Verdict.FAIL, result.verdict());
        Finding regression = only(result.findings(), Rule.DEADLINE_EXCEEDED);
        assertTrue(regression.message().contains("exceeds the baseline's"), regression.message());
        assertEquals("demo.Ticker#onTick(I)V", regression.root().toString());
        assertEquals(0, count(result.findings(), Rule.HEAP_ALLOCATION), "the allocation is still accepted");
    }

    @Test
    void theSameFileGivenToBothIsRefreshedAndAccepted() throws IOException {
        Path file = dir.resolve("baseline.json");
        analyze(compile("v1", BASE), b -> b.writeBaseline(file));
        Path v2 = compile("v2", ticker("", "        STATE[1] = new int[4].length;\n", 16));
        AnalysisResult result = analyze(v2, b -> b.baseline(file).writeBaseline(file));
        assertEquals(Verdict.PASS, result.verdict());
        assertEquals(2, result.baseline().accepted().size());
        assertEquals(2, Baseline.read(file).findings().get(0).count());
    }

    @Test
    void aMissingBaselineIsAOneLineErrorNamingTheFile() {
        Path file = dir.resolve("no-such-baseline.json");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Baseline.read(file));
        assertEquals("baseline file not found: " + file, e.getMessage());
    }

    @Test
    void malformedBaselinesAreOneLineErrorsNamingTheFile() throws IOException {
        String[] malformed = {
            "{not json",
            "[]",
            "{\"baselineVersion\": 2, \"findings\": []}",
            "{\"findings\": []}",
            "{\"baselineVersion\": 1}",
            "{\"baselineVersion\": 1, \"findings\": [{\"rule\": \"no-such-rule\", \"location\": \"a#b()V\","
                    + " \"key\": \"k\", \"count\": 1}]}",
            "{\"baselineVersion\": 1, \"findings\": [{\"rule\": \"heap-allocation\", \"location\": \"a#b()V\","
                    + " \"key\": \"k\", \"count\": 0}]}",
            "{\"baselineVersion\": 1, \"findings\": [], \"memory\": {\"totalBytes\": \"lots\"}}",
            "{\"baselineVersion\": 1, \"findings\": [], \"extra\": true}",
        };
        for (int i = 0; i < malformed.length; i++) {
            Path file = Files.writeString(dir.resolve("bad-" + i + ".json"), malformed[i]);
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> Baseline.read(file),
                    malformed[i]);
            assertTrue(e.getMessage().startsWith("malformed baseline " + file + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aMalformedBaselineFailsBeforeTheAnalysis() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{");
        Path classes = dir.resolve("not-analysed");
        Files.createDirectories(classes);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> analyze(classes, b -> b.baseline(file)));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    /** The source {@code baseline/written-by-0.1.0.json} was recorded for, by version 0.1.0 with {@code --stack-budget 8}. */
    private static final String RECORDED_BY_0_1_0 = """
            package demo;
            import dev.headroom.annotations.Deadline;
            import dev.headroom.annotations.RealTime;
            public class Ticker {
                static final int[] STATE = new int[16];
                static final java.util.HashMap<Integer, Integer> COUNTS = new java.util.HashMap<>();
                @RealTime
                @Deadline(cycles = 10)
                public static void onTick(int v) {
                    for (int i = 0; i < v; i++) {
                        STATE[1] += i;
                    }
                    COUNTS.merge(v, 1, Integer::sum);
                }
            }
            """;

    @Test
    void aBaselineWrittenBeforeMessagesNamedJavaSignaturesStillAcceptsItsFindings() throws Exception {
        // Its keys name methods by descriptor and loops by header instruction: today's messages do neither.
        Path file = Path.of(BaselineTest.class.getResource("/baseline/written-by-0.1.0.json").toURI());
        assertTrue(Files.readString(file).contains("in java.util.HashMap#merge(Ljava/lang/Object;"));
        Path classes = compile("recorded", RECORDED_BY_0_1_0);
        AnalysisResult checked = analyze(classes, b -> b.baseline(file).stackBudget(8));
        assertEquals(List.of(), checked.baseline().noLongerPresent());
        assertEquals(List.of(), checked.findings().stream().filter(f -> !f.suppressed()).toList());
        assertEquals(7, checked.baseline().accepted().size());
        assertEquals(Verdict.PASS, checked.verdict());
    }

    @Test
    void keysAreReadInTodaysWording() {
        assertEquals("loop at HashMap.java in java.util.HashMap.merge(Object, Object, BiFunction) has no bound",
                BaselineKeys.current("loop at HashMap.java (header instruction #) in java.util.HashMap#merge(Ljava/lang/Object;"
                        + "Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object; has no bound"));
        assertEquals("worst path: a.Outer$#.run() -> a.Outer.Inner(int[]) -> a.B static initializer -> a.Base#.go(Base#.X)",
                BaselineKeys.current("worst path: a.Outer$##run()V -> a.Outer$Inner#<init>([I)V -> a.B#<clinit>()V"
                        + " -> a.Base##go(La/Base#$X;)J"));
        String today = "call to java.util.ArrayList.add(Object) may grow the collection";
        assertEquals(today, BaselineKeys.current(today));
    }

    @Test
    void keysHoldNoLineNumbers() {
        assertEquals("loop at HashMap.java (header instruction #) in java.util.HashMap#merge",
                BaselineKeys.normalise("loop at HashMap.java:1370 (header instruction 64) in java.util.HashMap#merge"));
    }

    private interface Options {
        AnalysisConfig.Builder apply(AnalysisConfig.Builder builder);
    }

    private static AnalysisResult analyze(Path classes, Options options) {
        AnalysisConfig.Builder builder = AnalysisConfig.builder().addInput(classes);
        return Headroom.analyze(options.apply(builder).build(), QUIET);
    }

    private static long count(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule && !f.suppressed()).count();
    }

    private static Finding only(List<Finding> findings, Rule rule) {
        List<Finding> matching = findings.stream().filter(f -> f.rule() == rule).toList();
        assertEquals(1, matching.size(), () -> "one " + rule.id() + " in " + findings);
        return matching.get(0);
    }

    private Path compile(String name, String source) throws IOException {
        Path src = dir.resolve(name + "-src/demo/Ticker.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path out = dir.resolve(name + "-classes");
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-g", "-d", out.toString(), "-cp", annotationsPath(),
                src.toString());
        assertEquals(0, status, "javac failed on " + src);
        return out;
    }

    private static String annotationsPath() {
        try {
            return Path.of(RealTime.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
