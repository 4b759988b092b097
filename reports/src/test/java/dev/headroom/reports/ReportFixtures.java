package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootKind;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

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
