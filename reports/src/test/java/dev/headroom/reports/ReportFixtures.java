package dev.headroom.reports;

import dev.headroom.core.RuleLevel;
import dev.headroom.core.RuleLevels;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.BaselineReport;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootKind;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.Verdict;
import dev.headroom.core.model.WorstCase;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built result models that every report writer's tests are fed. */
final class ReportFixtures {

    static final MethodId MOTOR_ON_TICK = new MethodId("com.example.motor.Motor", "onTick", "()V");
    static final MethodId MOTOR_CALIBRATE = new MethodId("com.example.motor.Motor", "calibrate", "()V");
    static final MethodId FILTER_APPLY = new MethodId("com.example.motor.Motor$Filter", "apply", "(D)D");
    static final MethodId ON_SAMPLE =
            new MethodId("com.example.telemetry.TelemetryHandler", "onSample", "(J)V");
    static final MethodId FAIL =
            new MethodId("com.example.telemetry.TelemetryHandler", "fail", "(Ljava/lang/String;)V");

    /** Quotes, a backslash, HTML and non-ASCII (e acute, em dash, a CJK char). */
    static final String HOSTILE_MESSAGE =
            "boxing of \"double\" in apply \\ <script>alert('x')</script> & temp\u00e9rature \u2014 \u6e29";

    static final String FAIL_REASON = "2 errors at or above --fail-on error";

    private ReportFixtures() {
    }

    /**
     * Two roots (the interrupt one clean), five findings in model order: an unused suppression tied to
     * no root, an allocation in a class without a source file at line 0 with hostile characters in its
     * message, a growth with a ten-frame chain, a suppressed allocation, a cold-path warning; one
     * skipped input.
     */
    static AnalysisResult fixture() {
        List<Root> roots = List.of(
                new Root(MOTOR_ON_TICK, RootKind.INTERRUPT, "@InterruptHandler"),
                new Root(ON_SAMPLE, RootKind.REAL_TIME, "@RealTime"));

        Finding unusedSuppression = new Finding(Rule.UNUSED_SUPPRESSION, Severity.WARNING,
                "@Suppress(\"heap-allocation\") on calibrate suppresses nothing", null, false, null,
                new Location(MOTOR_CALIBRATE, "Motor.java", 12), null, List.of(), false, 0);

        Finding boxing = new Finding(Rule.HEAP_ALLOCATION, Severity.ERROR, HOSTILE_MESSAGE,
                "keep the value a primitive double", false, null,
                new Location(FILTER_APPLY, null, 0), ON_SAMPLE,
                List.of(new Frame(ON_SAMPLE, 31), new Frame(FILTER_APPLY, 0)), false, 1);

        Finding growth = new Finding(Rule.GROWABLE_COLLECTION, Severity.ERROR,
                "call to java.util.ArrayList#add(Ljava/lang/Object;)Z may grow the collection: appends;"
                        + " reallocates when full",
                "preallocate a fixed-size array or ring buffer at initialisation", false, null,
                new Location(ON_SAMPLE, "TelemetryHandler.java", 31), ON_SAMPLE, longChain(), false, 3);

        Finding suppressed = new Finding(Rule.HEAP_ALLOCATION, Severity.ERROR,
                "new com.example.telemetry.Sample", null, true, "one sample object per second, measured",
                new Location(ON_SAMPLE, "TelemetryHandler.java", 33), ON_SAMPLE,
                List.of(new Frame(ON_SAMPLE, 33)), false, 1);

        Finding coldPath = new Finding(Rule.HEAP_ALLOCATION, Severity.WARNING,
                "new java.lang.IllegalStateException on a path that only throws", null, false, null,
                new Location(FAIL, "TelemetryHandler.java", 40), ON_SAMPLE,
                List.of(new Frame(ON_SAMPLE, 35), new Frame(FAIL, 40)), true, 1);

        return new AnalysisResult("0.1.0", Verdict.FAIL, FAIL_REASON, "rta",
                new Summary(2, 2, 1, 14, 57, 2), roots,
                List.of(unusedSuppression, boxing, growth, suppressed, coldPath),
                List.of(new InputProblem("lib/broken.jar!/com/x/Y.class", "truncated class file")), null, null);
    }

    /** Ten frames from the root into the JDK; the last one has no line number. */
    static List<Frame> longChain() {
        return List.of(
                new Frame(ON_SAMPLE, 31),
                new Frame(new MethodId("com.example.telemetry.Buffer", "push", "(Ljava/lang/Object;)V"), 14),
                new Frame(new MethodId("com.example.telemetry.Buffer", "store", "(Ljava/lang/Object;)V"), 22),
                new Frame(new MethodId("java.util.ArrayList", "add", "(Ljava/lang/Object;)Z"), 467),
                new Frame(new MethodId("java.util.ArrayList", "add",
                        "(Ljava/lang/Object;[Ljava/lang/Object;I)V"), 454),
                new Frame(new MethodId("java.util.ArrayList", "grow", "()[Ljava/lang/Object;"), 244),
                new Frame(new MethodId("java.util.ArrayList", "grow", "(I)[Ljava/lang/Object;"), 237),
                new Frame(new MethodId("java.util.Arrays", "copyOf",
                        "([Ljava/lang/Object;I)[Ljava/lang/Object;"), 3513),
                new Frame(new MethodId("java.util.Arrays", "copyOf",
                        "([Ljava/lang/Object;ILjava/lang/Class;)[Ljava/lang/Object;"), 3482),
                new Frame(new MethodId("java.lang.reflect.Array", "newInstance",
                        "(Ljava/lang/Class;I)Ljava/lang/Object;"), 0));
    }

    /** Nothing analysed: no roots, no findings, no problems. */
    static AnalysisResult empty() {
        return new AnalysisResult("0.1.0", Verdict.PASS, null, "rta", new Summary(0, 0, 0, 0, 0, 0),
                List.of(), List.of(), List.of(), null, null);
    }

    static final MethodId ADC_READ = new MethodId("com.example.motor.Adc", "read", "()I");
    static final MethodId MOTOR_CLINIT = new MethodId("com.example.motor.Motor", "<clinit>", "()V");

    static final String BUDGETS_FAIL_REASON = "3 errors at or above --fail-on error";

    /**
     * The memory and timing analyses have run, with budgets: three roots (calibrate clean and without a
     * deadline, onTick with a warning and within every budget, onSample over its stack budget and
     * unbounded against its deadline); four static items under a 64 KiB budget; five findings, one of
     * them suppressed.
     */
    static AnalysisResult budgets() {
        return budgetResult(memory(65536L, Verdict.PASS), timing(), List.of(), BUDGETS_FAIL_REASON,
                new Summary(3, 1, 1, 14, 57, 3));
    }

    /**
     * {@link #budgets()} with a 12000-byte RAM budget that the footprint exceeds, the
     * {@code ram-budget-exceeded} finding (tied to no root) that goes with it, and no timing analysis.
     */
    static AnalysisResult overBudget() {
        Finding ramBudget = new Finding(Rule.RAM_BUDGET_EXCEEDED, Severity.ERROR,
                "static footprint of 12504 bytes is above the RAM budget of 12000 bytes", null, false, null,
                new Location(MOTOR_CLINIT, "Motor.java", 12), null, List.of(), false, 0);
        return budgetResult(memory(12000L, Verdict.FAIL), null, List.of(ramBudget),
                "4 errors at or above --fail-on error", new Summary(4, 1, 1, 14, 57, 3));
    }

    /** An initialisation root ({@code @Initializer}) of the telemetry sample. */
    static final MethodId APP_START = new MethodId("com.example.telemetry.TelemetryApp", "start", "()V");

    /**
     * {@link #budgets()} with two more memory items that the initialisation root {@link #APP_START} allocated:
     * 1040 bytes that no field holds (named by the root and line) and 96 bytes without a detail that it stored
     * in a static field; 13640 bytes in all, largest first.
     */
    static AnalysisResult initRoots() {
        List<MemoryItem> items = new ArrayList<>(items());
        items.add(2, new MemoryItem("com.example.telemetry.TelemetryApp.start line 12", "byte[]", 1040, "byte[1024]",
                APP_START));
        items.add(4, new MemoryItem("com.example.telemetry.TelemetryApp.handler",
                "com.example.telemetry.TelemetryHandler", 96, null, APP_START));
        return budgetResult(memory(65536L, Verdict.PASS, 13640, items), timing(), List.of(), BUDGETS_FAIL_REASON,
                new Summary(3, 1, 1, 14, 57, 3));
    }

    /**
     * Memory and timing without any budget or deadline: no verdicts, some static state that cannot be
     * bounded, an unbounded root.
     */
    static AnalysisResult unbudgeted() {
        MemoryReport memory = new MemoryReport("hotspot-nocoops", null, 12504, false, null, items(), List.of(
                new StackUsage(MOTOR_ON_TICK, 640, true, null),
                new StackUsage(ON_SAMPLE, 4096, false, null)));
        TimingReport timing = new TimingReport("unit", List.of(
                new RootTiming(MOTOR_ON_TICK, true, 1234, null, null, List.of("com.example.motor.Motor.onTick()")),
                new RootTiming(ON_SAMPLE, false, 0, null, null, List.of("com.example.telemetry.TelemetryHandler.onSample(long)",
                        "unbounded: native method java.lang.System.nanoTime() has no declared cost"))));
        return new AnalysisResult("0.1.0", Verdict.PASS, null, "rta", new Summary(0, 0, 0, 3, 9, 2),
                List.of(new Root(MOTOR_ON_TICK, RootKind.INTERRUPT, "@InterruptHandler"),
                        new Root(ON_SAMPLE, RootKind.REAL_TIME, "@RealTime")),
                List.of(), List.of(), memory, timing);
    }

    private static AnalysisResult budgetResult(MemoryReport memory, TimingReport timing, List<Finding> extra,
                                               String failReason, Summary summary) {
        List<Root> roots = List.of(
                new Root(MOTOR_CALIBRATE, RootKind.REAL_TIME, "--root com.example.motor.Motor#calibrate"),
                new Root(MOTOR_ON_TICK, RootKind.INTERRUPT, "@InterruptHandler"),
                new Root(ON_SAMPLE, RootKind.REAL_TIME, "@RealTime"));

        Finding unresolved = new Finding(Rule.UNRESOLVED_CALL, Severity.WARNING,
                "call to native com.example.motor.Adc#read()I without @AssumeCost", null, false, null,
                new Location(MOTOR_ON_TICK, "Motor.java", 20), MOTOR_ON_TICK,
                List.of(new Frame(MOTOR_ON_TICK, 20), new Frame(ADC_READ, 0)), false, 1);
        Finding deadline = new Finding(Rule.DEADLINE_EXCEEDED, Severity.ERROR,
                "no WCET bound: the loop at TelemetryHandler.java:36 is unbounded; deadline 2000 cycles", null,
                false, null, new Location(ON_SAMPLE, "TelemetryHandler.java", 28), ON_SAMPLE,
                List.of(new Frame(ON_SAMPLE, 28)), false, 1);
        Finding stack = new Finding(Rule.STACK_BUDGET_EXCEEDED, Severity.ERROR,
                "worst-case stack of 4096 bytes is above the stack budget of 2048 bytes", null, false, null,
                new Location(ON_SAMPLE, "TelemetryHandler.java", 28), ON_SAMPLE,
                List.of(new Frame(ON_SAMPLE, 28)), false, 1);
        Finding growth = new Finding(Rule.GROWABLE_COLLECTION, Severity.ERROR,
                "call to java.util.ArrayList#add(Ljava/lang/Object;)Z may grow the collection: appends;"
                        + " reallocates when full",
                "preallocate a fixed-size array or ring buffer at initialisation", false, null,
                new Location(ON_SAMPLE, "TelemetryHandler.java", 31), ON_SAMPLE, longChain(), false, 1);
        Finding suppressed = new Finding(Rule.HEAP_ALLOCATION, Severity.ERROR,
                "new com.example.telemetry.Sample", null, true, "one sample object per second, measured",
                new Location(ON_SAMPLE, "TelemetryHandler.java", 33), ON_SAMPLE,
                List.of(new Frame(ON_SAMPLE, 33)), false, 1);

        List<Finding> findings = new ArrayList<>(List.of(unresolved, deadline, stack, growth, suppressed));
        findings.addAll(extra);
        findings.sort(null);
        return new AnalysisResult("0.1.0", Verdict.FAIL, failReason, "rta", summary, roots, findings,
                List.of(), memory, timing);
    }

    /** 8208 + 4112 + 160 + 24 = 12504 bytes, largest first; the last item has no detail. */
    static List<MemoryItem> items() {
        return List.of(
                new MemoryItem("com.example.motor.Motor.history", "long[]", 8208, "long[1024]"),
                new MemoryItem("com.example.motor.Motor.samples", "int[]", 4112, "int[1024]"),
                new MemoryItem("com.example.telemetry.TelemetryHandler.ring", "com.example.telemetry.Ring", 160,
                        "Ring + Object[32]"),
                new MemoryItem("com.example.motor.Motor.INSTANCE", "com.example.motor.Motor", 24, null));
    }

    private static MemoryReport memory(Long budget, Verdict verdict) {
        return memory(budget, verdict, 12504, items());
    }

    private static MemoryReport memory(Long budget, Verdict verdict, long total, List<MemoryItem> items) {
        return new MemoryReport("hotspot-coops", budget, total, true, verdict, items, List.of(
                new StackUsage(MOTOR_CALIBRATE, 96, true, Verdict.PASS),
                new StackUsage(MOTOR_ON_TICK, 640, true, Verdict.PASS),
                new StackUsage(ON_SAMPLE, 4096, true, Verdict.FAIL)));
    }

    private static TimingReport timing() {
        return new TimingReport("unit", List.of(
                new RootTiming(MOTOR_CALIBRATE, true, 80, null, null, List.of("com.example.motor.Motor.calibrate()")),
                new RootTiming(MOTOR_ON_TICK, true, 1234, 5000L, Verdict.PASS, List.of(
                        "com.example.motor.Motor.onTick()", "loop at Motor.java:24 x 16",
                        "com.example.motor.Motor.Filter.apply(double)"),
                        List.of("Motor.java:30 in com.example.motor.Motor.check()"),
                        new WorstCase(List.of(new WorstCase.LoopCount(MOTOR_ON_TICK, "Motor.java", 24, 16, 1, 16)),
                                List.of(new WorstCase.LineCount(23, 1), new WorstCase.LineCount(24, 17),
                                        new WorstCase.LineCount(25, 16)))),
                new RootTiming(ON_SAMPLE, false, 0, 2000L, Verdict.FAIL, List.of(
                        "com.example.telemetry.TelemetryHandler.onSample(long)",
                        "unbounded loop at TelemetryHandler.java:36"))));
    }

    /** A class name, method name, file, message and memory item full of markup and odd characters. */
    static final MethodId HOSTILE_ROOT =
            new MethodId("com.example.<script>alert(1)</script>", "on\"Tick\"&'x'", "()V");
    /** Markup, both quotes, an ampersand, a CDATA end, a control character and a lone surrogate. */
    static final String HOSTILE_TEXT = HOSTILE_MESSAGE + " ]]> \u0001 \ud800 end";

    static AnalysisResult hostile() {
        Finding finding = new Finding(Rule.HEAP_ALLOCATION, Severity.ERROR, HOSTILE_TEXT, "don't <b>", false, null,
                new Location(HOSTILE_ROOT, "Evil<&>\".java", 5), HOSTILE_ROOT,
                List.of(new Frame(HOSTILE_ROOT, 5)), false, 1);
        MemoryReport memory = new MemoryReport("hotspot-coops", 100L, 200, true, Verdict.FAIL,
                List.of(new MemoryItem("com.example.<script>.x", "int[]<&>", 200, "\"quoted\" & <b>")),
                List.of(new StackUsage(HOSTILE_ROOT, 64, true, Verdict.PASS)));
        TimingReport timing = new TimingReport("<unit>", List.of(
                new RootTiming(HOSTILE_ROOT, true, 10, 5L, Verdict.FAIL, List.of("<&>\""))));
        return new AnalysisResult("0.1.0", Verdict.FAIL, "1 error <&>", "rta", new Summary(1, 0, 0, 1, 1, 1),
                List.of(new Root(HOSTILE_ROOT, RootKind.REAL_TIME, "@RealTime")), List.of(finding), List.of(),
                memory, timing);
    }

    /** Every fixture, by name: what the schema tests validate. */
    static Map<String, AnalysisResult> all() {
        Map<String, AnalysisResult> all = new LinkedHashMap<>();
        all.put("fixture", fixture());
        all.put("empty", empty());
        all.put("budgets", budgets());
        all.put("overBudget", overBudget());
        all.put("unbudgeted", unbudgeted());
        all.put("hostile", hostile());
        all.put("baselined", baselined());
        all.put("ruleLevels", ruleLevels());
        all.put("initRoots", initRoots());
        return all;
    }

    /** The fixture checked with {@code --rule recursion=off --rule deadline-exceeded=warning}: each root's rule list. */
    static AnalysisResult ruleLevels() {
        AnalysisResult base = fixture();
        RuleLevels levels = RuleLevels.none().with(Rule.RECURSION, RuleLevel.OFF)
                .with(Rule.DEADLINE_EXCEEDED, RuleLevel.WARNING);
        List<Root> roots = base.roots().stream().map(r -> r.withRules(levels.rootRules(r.kind()))).toList();
        return new AnalysisResult(base.toolVersion(), base.verdict(), base.failReason(), base.dispatch(), base.summary(),
                roots, base.findings(), base.inputProblems(), base.memory(), base.timing());
    }

    /**
     * The fixture under a baseline: its boxing finding accepted, one entry no longer present, one stack
     * regression among the findings.
     */
    static AnalysisResult baselined() {
        AnalysisResult base = fixture();
        Finding accepted = base.findings().stream().filter(f -> f.rule() == Rule.HEAP_ALLOCATION && !f.suppressed()
                && !f.coldPath()).findFirst().orElseThrow();
        List<Finding> findings = new ArrayList<>(base.findings());
        findings.remove(accepted);
        findings.add(new Finding(Rule.STACK_BUDGET_EXCEEDED, Severity.ERROR,
                "worst-case stack 640 bytes exceeds the baseline's 512 bytes (headroom-baseline.json) by 128 bytes",
                null, false, null, new Location(ON_SAMPLE, "TelemetryHandler.java", 0), ON_SAMPLE,
                List.of(new Frame(ON_SAMPLE, 0)), false, 1));
        findings.sort(null);
        BaselineReport baseline = new BaselineReport("headroom-baseline.json", "headroom-baseline.json",
                List.of(accepted),
                List.of(new BaselineEntry("growable-collection", ON_SAMPLE.toString(), MOTOR_CALIBRATE.toString(),
                        "java.util.HashMap#put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object; | call to"
                                + " java.util.HashMap.put may grow the map", 2)),
                1);
        return new AnalysisResult(base.toolVersion(), base.verdict(), base.failReason(), base.dispatch(),
                base.summary(), base.roots(), findings, base.inputProblems(), base.memory(), base.timing(), baseline);
    }

    /** The same result with every line of every location and frame moved by {@code delta}. */
    static AnalysisResult linesMoved(AnalysisResult result, int delta) {
        return withFindings(result, result.findings().stream().map(f -> lineMoved(f, delta)).toList());
    }

    /** The same finding with the line of its location and of every frame moved by {@code delta} (0 stays 0). */
    static Finding lineMoved(Finding f, int delta) {
        Location l = f.location();
        List<Frame> chain = f.callChain().stream()
                .map(frame -> new Frame(frame.method(), frame.line() == 0 ? 0 : frame.line() + delta))
                .toList();
        return new Finding(f.rule(), f.severity(), f.message(), f.remedy(), f.suppressed(), f.suppressionReason(),
                new Location(l.method(), l.file(), l.line() == 0 ? 0 : l.line() + delta), f.root(), chain,
                f.coldPath(), f.rootCount());
    }

    /** The same result with other findings. */
    static AnalysisResult withFindings(AnalysisResult result, List<Finding> findings) {
        return new AnalysisResult(result.toolVersion(), result.verdict(), result.failReason(), result.dispatch(),
                result.summary(), result.roots(), findings, result.inputProblems(), result.memory(), result.timing());
    }

    static String render(ReportWriter writer, AnalysisResult result) {
        StringWriter out = new StringWriter();
        try {
            writer.write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
