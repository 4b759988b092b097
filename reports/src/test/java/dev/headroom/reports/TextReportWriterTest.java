package dev.headroom.reports;

import static dev.headroom.reports.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootKind;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    private static final String TELEMETRY_HEADING = "com.example.telemetry.TelemetryHandler.onSample(long)  real-time (@RealTime)";
    private static final String MOTOR_HEADING = "com.example.motor.Motor.onTick()  interrupt (@InterruptHandler)";
    private static final String INTERRUPT_RULES = "growable-collection:error, heap-allocation:error, blocking-call:error,"
            + " recursion:error, unresolved-call:warning, ignored-capacity-result:warning, unbounded-loop:error";
    private static final String REAL_TIME_RULES = "growable-collection:error, heap-allocation:error, blocking-call:warning,"
            + " recursion:error, unresolved-call:warning, ignored-capacity-result:warning, unbounded-loop:error";

    private final String output = render(new TextReportWriter(), ReportFixtures.fixture());
    /** The output's lines; split drops the empty string after the final newline. */
    private final List<String> lines = List.of(output.split("\n"));

    @Test
    void headerHasVerdictCountsAndScope() {
        String header = lines.get(0);
        assertTrue(header.startsWith("Headroom 0.1.0  FAIL  "), header);
        assertTrue(header.contains("2 errors, 2 warnings, 1 suppressed"), header);
        assertTrue(header.contains("(2 roots, 57 methods in 14 classes, dispatch rta)"), header);
    }

    @Test
    void everyRootHasAHeadingInModelOrder() {
        int motor = lines.indexOf(MOTOR_HEADING);
        int telemetry = lines.indexOf(TELEMETRY_HEADING);
        assertTrue(motor > 0, output);
        assertTrue(telemetry > motor, output);
        assertEquals("  no findings", lines.get(motor + 1));
    }

    @Test
    void findingLineHasSeverityRuleFileLineAndMethod() {
        int telemetry = lines.indexOf(TELEMETRY_HEADING);
        int growth = lines.indexOf("  error    growable-collection  TelemetryHandler.java:31  in onSample(long)  (reached from 3 roots)");
        assertTrue(growth > telemetry, output);
        assertTrue(lines.get(growth + 1).trim().startsWith("call to java.util.ArrayList#add"));
        assertEquals("remedy: preallocate a fixed-size array or ring buffer at initialisation",
                lines.get(growth + 2).trim());
    }

    @Test
    void locationWithoutFileUsesSimpleClassNameAndNoLineZero() {
        assertTrue(lines.contains("  error    heap-allocation  Motor.Filter  in apply(double)"), output);
        assertFalse(output.contains(":0"), output);
    }

    @Test
    void firstChainFrameIsShortLaterFramesAreQualified() {
        // the boxing finding comes first under the root: its chain is two frames
        int boxingChain = indexOfTrimmed("chain: TelemetryHandler.onSample(long):31", 0);
        assertEquals("-> com.example.motor.Motor.Filter.apply(double)", lines.get(boxingChain + 1).trim());
        String arrow = lines.get(boxingChain + 1);
        assertEquals(lines.get(boxingChain).indexOf("TelemetryHandler.onSample"), arrow.indexOf("->"),
                "arrows line up under the first frame");
    }

    @Test
    void longChainShowsFirstFourAndLastThree() {
        int growth = lines.indexOf("  error    growable-collection  TelemetryHandler.java:31  in onSample(long)  (reached from 3 roots)");
        int chain = indexOfTrimmed("chain: TelemetryHandler.onSample(long):31", growth);
        List<String> shown = lines.subList(chain, chain + 8).stream().map(String::trim).toList();
        assertEquals(List.of(
                "chain: TelemetryHandler.onSample(long):31",
                "-> com.example.telemetry.Buffer.push(Object):14",
                "-> com.example.telemetry.Buffer.store(Object):22",
                "-> java.util.ArrayList.add(Object):467",
                "... 3 more ...",
                "-> java.util.Arrays.copyOf(Object[], int):3513",
                "-> java.util.Arrays.copyOf(Object[], int, Class):3482",
                "-> java.lang.reflect.Array.newInstance(Class, int)"), shown);
        assertFalse(output.contains("java.util.ArrayList.grow"), "the elided frames are not shown");
    }

    @Test
    void suppressedFindingsComeAfterTheOthersOfTheirRoot() {
        int telemetry = lines.indexOf(TELEMETRY_HEADING);
        int coldPath = lines.indexOf("  warning  heap-allocation  TelemetryHandler.java:40  in fail(String)  (cold path)");
        int suppressed = indexOfStart("  suppressed heap-allocation  TelemetryHandler.java:33  in onSample(long)");
        assertTrue(telemetry < coldPath && coldPath < suppressed, output);
        assertTrue(lines.get(suppressed).endsWith("(error; reason: one sample object per second, measured)"),
                lines.get(suppressed));
    }

    @Test
    void findingsWithoutRootHaveTheirOwnSection() {
        int section = lines.indexOf("Not tied to a root:");
        int unused = lines.indexOf("  warning  unused-suppression  Motor.java:12  in calibrate()");
        assertTrue(section > lines.indexOf(TELEMETRY_HEADING), output);
        assertEquals(section + 1, unused, output);
        assertEquals(1, lines.stream().filter(l -> l.contains("unused-suppression")).count());
    }

    @Test
    void listsSkippedInputs() {
        int section = lines.indexOf("Skipped inputs (not analysed):");
        assertTrue(section > 0, output);
        assertEquals("  lib/broken.jar!/com/x/Y.class: truncated class file", lines.get(section + 1));
    }

    @Test
    void lastLineIsTheVerdict() {
        assertEquals("FAIL: " + ReportFixtures.FAIL_REASON, lines.get(lines.size() - 1));
        assertTrue(output.endsWith("\n"));
        assertFalse(output.contains("\r"));
    }

    @Test
    void writesOnlyAscii() {
        assertTrue(output.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), output);
        assertTrue(output.contains("<script>alert('x')</script> & temp\\u00e9rature \\u2014 \\u6e29"), output);
    }

    @Test
    void twoWritesAreIdentical() {
        AnalysisResult result = ReportFixtures.fixture();
        assertEquals(render(new TextReportWriter(), result), render(new TextReportWriter(), result));
    }

    @Test
    void emptyResultSaysThereWereNoRoots() {
        String empty = render(new TextReportWriter(), ReportFixtures.empty());
        List<String> emptyLines = List.of(empty.split("\n"));
        assertTrue(emptyLines.get(0).startsWith("Headroom 0.1.0  PASS  0 errors, 0 warnings, 0 suppressed"),
                emptyLines.get(0));
        assertTrue(emptyLines.stream().anyMatch(l -> l.startsWith("No roots")), empty);
        assertFalse(empty.contains("Not tied to a root"));
        assertFalse(empty.contains("Skipped inputs"));
        assertEquals("PASS", emptyLines.get(emptyLines.size() - 1));
    }

    @Test
    void noMemoryOrTimingSectionWithoutTheAnalyses() {
        assertFalse(output.contains("Memory ("), output);
        assertFalse(output.contains("Timing ("), output);
    }

    @Test
    void memoryItemsAreSortedBySizeWithABar() {
        List<String> budget = List.of(render(new TextReportWriter(), ReportFixtures.budgets()).split("\n"));
        int memory = budget.indexOf("Memory (layout hotspot-coops)");
        assertTrue(memory > budget.indexOf(TELEMETRY_HEADING), String.join("\n", budget));
        List<String> fields = new ArrayList<>();
        for (int i = memory + 1; i <= memory + 4; i++) {
            fields.add(budget.get(i).trim().split(" +")[0]);
        }
        assertEquals(List.of("com.example.motor.Motor.history", "com.example.motor.Motor.samples",
                "com.example.telemetry.TelemetryHandler.ring", "com.example.motor.Motor.INSTANCE"), fields);
        String history = budget.get(memory + 1);
        assertTrue(history.matches("  com\\.example\\.motor\\.Motor\\.history +long\\[\\] +8208  \\[#+\\.+\\]  long\\[1024\\]"),
                history);
        // 8208 of the 65536 budget: 4 of 30 marks; the 24-byte item still shows one
        assertTrue(history.contains("[" + "#".repeat(4) + ".".repeat(26) + "]"), history);
        assertTrue(budget.get(memory + 4).endsWith("[#" + ".".repeat(29) + "]"), budget.get(memory + 4));
        assertTrue(budget.get(memory + 3).endsWith("]  Ring + Object[32]"), budget.get(memory + 3));
    }

    @Test
    void initialisationRootItemsEndWithTheirRootAndStaticItemsAreUnmarked() {
        List<String> lines = List.of(render(new TextReportWriter(), ReportFixtures.initRoots()).split("\n"));
        int memory = lines.indexOf("Memory (layout hotspot-coops)");
        List<String> items = lines.subList(memory + 1, memory + 7);
        assertTrue(items.get(2).matches("  com\\.example\\.telemetry\\.TelemetryApp\\.start line 12 +byte\\[\\] +1040"
                + "  \\[#+\\.+\\]  byte\\[1024\\]  \\(start-up: TelemetryApp\\.start\\(\\)\\)"), items.get(2));
        assertTrue(items.get(4).matches("  com\\.example\\.telemetry\\.TelemetryApp\\.handler +com\\.example\\.telemetry"
                + "\\.TelemetryHandler +96  \\[#\\.+\\]  \\(start-up: TelemetryApp\\.start\\(\\)\\)"), items.get(4));
        assertTrue(lines.stream().anyMatch(l -> l.matches("  total +13640 bytes")), String.join("\n", lines));

        // the static items' lines are those of the same items without initialisation roots (same budget, same
        // bars), but for the padding
        List<String> statics = List.of(items.get(0), items.get(1), items.get(3), items.get(5));
        List<String> budgets = List.of(render(new TextReportWriter(), ReportFixtures.budgets()).split("\n"));
        int staticMemory = budgets.indexOf("Memory (layout hotspot-coops)");
        assertEquals(budgets.subList(staticMemory + 1, staticMemory + 5).stream().map(TextReportWriterTest::unpadded).toList(),
                statics.stream().map(TextReportWriterTest::unpadded).toList());
        assertFalse(String.join("\n", budgets).contains("start-up"), "static state is not marked");
    }

    /** The line with every run of spaces one space. */
    private static String unpadded(String line) {
        return line.replaceAll(" +", " ");
    }

    @Test
    void memoryTotalBudgetHeadroomAndVerdict() {
        List<String> budget = List.of(render(new TextReportWriter(), ReportFixtures.budgets()).split("\n"));
        assertTrue(budget.stream().anyMatch(l -> l.matches("  total +12504 bytes")), String.join("\n", budget));
        assertTrue(budget.stream().anyMatch(l -> l.matches("  budget +65536 bytes")));
        assertTrue(budget.stream().anyMatch(l -> l.matches("  headroom +53032 bytes  \\(80\\.9% of the budget\\)")));
        assertTrue(budget.contains("  RAM budget: PASS"));
        assertTrue(budget.contains("    com.example.motor.Motor.onTick()" + " ".repeat(24) + "640 bytes  PASS"),
                String.join("\n", budget));
        assertTrue(budget.contains("    com.example.telemetry.TelemetryHandler.onSample(long)  4096 bytes  FAIL"));

        List<String> over = List.of(render(new TextReportWriter(), ReportFixtures.overBudget()).split("\n"));
        assertTrue(over.stream().anyMatch(l -> l.matches("  over by +504 bytes  \\(4\\.2% of the budget\\)")),
                String.join("\n", over));
        assertTrue(over.contains("  RAM budget: FAIL"));
        assertFalse(over.stream().anyMatch(l -> l.startsWith("Timing")), "no timing analysis, no section");
    }

    @Test
    void memoryWithoutBudgetSaysSoAndMarksLowerBounds() {
        List<String> lines = List.of(render(new TextReportWriter(), ReportFixtures.unbudgeted()).split("\n"));
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "  total +12504 bytes  \\(a lower bound: some static state cannot be bounded\\)")),
                String.join("\n", lines));
        assertTrue(lines.contains("  budget: none (no --ram-budget), not checked"));
        assertFalse(lines.stream().anyMatch(l -> l.contains("RAM budget:")));
        assertTrue(lines.contains("    com.example.telemetry.TelemetryHandler.onSample(long)  4096 bytes or more (unbounded)"));
    }

    @Test
    void anUnboundedRootWithoutDeadlineSaysWhy() {
        List<String> lines = List.of(render(new TextReportWriter(), ReportFixtures.unbudgeted()).split("\n"));
        assertTrue(lines.contains("  why com.example.telemetry.TelemetryHandler.onSample(long) is unbounded: native method"
                + " java.lang.System.nanoTime() has no declared cost"), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.contains("why com.example.motor")), "bounded roots need no reason");
        List<String> failing = List.of(render(new TextReportWriter(), ReportFixtures.budgets()).split("\n"));
        assertFalse(failing.stream().anyMatch(l -> l.startsWith("  why ")), "a failing root shows its worst path instead");
    }

    @Test
    void timingIsATableWithBoundDeadlineAndSlack() {
        List<String> lines = List.of(render(new TextReportWriter(), ReportFixtures.budgets()).split("\n"));
        int timing = lines.indexOf("Timing (cost model unit, in its cycles)");
        assertTrue(timing > lines.indexOf("Memory (layout hotspot-coops)"), String.join("\n", lines));
        assertEquals(List.of("root", "bound", "deadline", "slack", "verdict"), columns(lines.get(timing + 1)));
        assertEquals(List.of("com.example.motor.Motor.calibrate()", "80", "-", "-", "-"), columns(lines.get(timing + 2)));
        assertEquals(List.of("com.example.motor.Motor.onTick()", "1234", "5000", "3766", "PASS"),
                columns(lines.get(timing + 3)));
        assertEquals(List.of("com.example.telemetry.TelemetryHandler.onSample(long)", "unbounded", "2000", "-", "FAIL"),
                columns(lines.get(timing + 4)));
        int bound = lines.get(timing + 1).indexOf("bound") + "bound".length();
        assertEquals(bound, lines.get(timing + 3).indexOf("1234") + 4, "numbers are right-aligned under their heading");
        assertEquals("  worst path of com.example.telemetry.TelemetryHandler.onSample(long):", lines.get(timing + 5));
        assertEquals("    com.example.telemetry.TelemetryHandler.onSample(long)", lines.get(timing + 6));
        assertEquals("    unbounded loop at TelemetryHandler.java:36", lines.get(timing + 7));
        assertFalse(lines.contains("  worst path of com.example.motor.Motor.onTick():"), "passing roots: table only");
        assertTrue(lines.contains("  the bound of com.example.motor.Motor.onTick() covers the runs that complete"
                + " normally; left out: Motor.java:30 in com.example.motor.Motor.check()"), String.join("\n", lines));
        assertEquals("FAIL: " + ReportFixtures.BUDGETS_FAIL_REASON, lines.get(lines.size() - 1));
    }

    @Test
    void hostileMemoryAndTimingStayAscii() {
        String hostile = render(new TextReportWriter(), ReportFixtures.hostile());
        assertTrue(hostile.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), hostile);
        assertTrue(hostile.contains("Timing (cost model <unit>, in its cycles)"), hostile);
    }

    @Test
    void barScalesToTheBudgetOrTotal() {
        assertEquals("[" + ".".repeat(30) + "]", TextReportWriter.bar(0, 100));
        assertEquals("[" + "#".repeat(30) + "]", TextReportWriter.bar(100, 100));
        assertEquals("[" + "#".repeat(15) + ".".repeat(15) + "]", TextReportWriter.bar(50, 100));
        assertEquals("[#" + ".".repeat(29) + "]", TextReportWriter.bar(1, 1_000_000));
        assertEquals("[" + ".".repeat(30) + "]", TextReportWriter.bar(5, 0));
        assertEquals("50.0%", TextReportWriter.percent(1, 2));
        assertEquals("n/a", TextReportWriter.percent(1, 0));
    }

    private static List<String> columns(String line) {
        return List.of(line.trim().split(" +"));
    }

    private int indexOfTrimmed(String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + text + "' after line " + from + " in\n" + output);
    }

    private int indexOfStart(String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting '" + prefix + "' in\n" + output);
    }

    @Test
    void listsWhatTheBaselineAcceptedAndWhatIsNoLongerPresent() {
        assertFalse(output.contains("Baseline"));
        List<String> lines = List.of(render(new TextReportWriter(), ReportFixtures.baselined()).split("\n"));
        int at = lines.indexOf("Baseline (headroom-baseline.json)");
        assertTrue(at > 0, String.join("\n", lines));
        assertEquals("  in the baseline: 1 finding accepted, not counted in the verdict", lines.get(at + 1));
        assertEquals("           heap-allocation  Motor.Filter  in apply(double)  root com.example.telemetry.TelemetryHandler.onSample(long)",
                lines.get(at + 2));
        assertEquals("  no longer present: 2 findings (remove them from the baseline to tighten it)", lines.get(at + 3));
        assertEquals("           growable-collection  com.example.motor.Motor.calibrate()"
                + "  root com.example.telemetry.TelemetryHandler.onSample(long)  x2", lines.get(at + 4));
        assertEquals("             key in the file: java.util.HashMap#put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"
                + " | call to java.util.HashMap.put may grow the map", lines.get(at + 5));
        assertEquals("  regressions against the baseline: 1 (reported with the findings above)", lines.get(at + 6));
        assertEquals("  written: headroom-baseline.json", lines.get(at + 7));
        assertTrue(lines.stream().anyMatch(l -> l.contains("stack-budget-exceeded")));
    }

    @Test
    void ruleSetsArePrintedOnceUnderTheHeaderForTheRootsThatShareThem() {
        assertEquals(List.of("Rules for interrupt roots: " + INTERRUPT_RULES, "Rules for real-time roots: " + REAL_TIME_RULES, ""),
                lines.subList(1, 4));
        assertEquals(0, lines.stream().filter(l -> l.contains("rules: ")).count(), output);
    }

    @Test
    void everyRootSharingOneRuleSetPrintsItOnce() {
        List<String> shared = List.of(render(new TextReportWriter(), withRoots(
                new Root(ReportFixtures.MOTOR_ON_TICK, RootKind.REAL_TIME, "@RealTime"),
                new Root(ReportFixtures.ON_SAMPLE, RootKind.REAL_TIME, "@RealTime"))).split("\n"));
        assertEquals(List.of("Rules for every root: " + REAL_TIME_RULES, "",
                "com.example.motor.Motor.onTick()  real-time (@RealTime)"), shared.subList(1, 4));
    }

    @Test
    void rootsOfOneKindWithDifferentRuleSetsListTheirOwn() {
        List<String> own = List.of(render(new TextReportWriter(), withRoots(
                new Root(ReportFixtures.MOTOR_ON_TICK, RootKind.REAL_TIME, "@RealTime", List.of("heap-allocation:error")),
                new Root(ReportFixtures.ON_SAMPLE, RootKind.REAL_TIME, "@RealTime"))).split("\n"));
        assertEquals(List.of("", "com.example.motor.Motor.onTick()  real-time (@RealTime)  rules: heap-allocation:error",
                "  no findings", "", "com.example.telemetry.TelemetryHandler.onSample(long)  real-time (@RealTime)  rules: "
                        + REAL_TIME_RULES), own.subList(1, 6));
    }

    @Test
    void constructorsStaticInitialisersAndNestedClassesAreNamedAsInJava() {
        MethodId ring = new MethodId("com.acme.Outer$Ring", "<init>", "(I[Ljava/lang/String;)V");
        MethodId clinit = new MethodId("com.acme.Outer", "<clinit>", "()V");
        List<String> named = List.of(render(new TextReportWriter(), withRoots(
                new Root(ring, RootKind.REAL_TIME, "--root"), new Root(clinit, RootKind.REAL_TIME, "--root"))).split("\n"));
        assertEquals("com.acme.Outer.Ring(int, String[])  real-time (--root)", named.get(3));
        assertEquals("com.acme.Outer static initializer  real-time (--root)", named.get(6));
    }

    private static AnalysisResult withRoots(Root... roots) {
        return new AnalysisResult("0.1.0", Verdict.PASS, null, "vta", new Summary(0, 0, 0, 1, 1, roots.length),
                List.of(roots), List.of(), List.of(), null, null);
    }
}
