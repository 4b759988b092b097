package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RTA leaves out implementations that are never instantiated; CHA takes every override on the classpath.
 * The target is {@code InterfaceDispatch}: its {@code NeverCreated.apply} allocates on line 47. VTA (the
 * default, checked by the validation targets) follows what a field holds where RTA takes every
 * instantiated subclass: {@code FinalFieldDispatch}.
 */
class DispatchPolicyTest {
    private static final String TARGETS = "dev/headroom/validation/targets";

    @TempDir
    Path program;

    private AnalysisResult analyze(String target, DispatchPolicy policy) throws IOException {
        TargetPrograms.copy(TARGETS, target, program);
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(program).dispatch(policy).build(),
                AnalysisListener.SILENT);
        assertEquals(policy.id(), result.dispatch());
        return result;
    }

    private List<Finding> allocationsIn(String method, DispatchPolicy policy) throws IOException {
        return analyze("InterfaceDispatch", policy).findings().stream()
                .filter(f -> f.rule() == Rule.HEAP_ALLOCATION && f.location().method().name().equals("apply")
                        && f.location().method().className().endsWith("$NeverCreated"))
                .toList();
    }

    @Test
    void rtaSkipsTheImplementationThatIsNeverCreated() throws IOException {
        assertTrue(allocationsIn("apply", DispatchPolicy.RTA).isEmpty());
    }

    @Test
    void chaReachesEveryOverride() throws IOException {
        List<Finding> found = allocationsIn("apply", DispatchPolicy.CHA);
        assertEquals(1, found.size(), found.toString());
        assertEquals(47, found.get(0).location().line());
    }

    @Test
    void rtaSendsTheFinalFieldsCallToEverySubclassVtaOnlyToWhatItHolds() throws IOException {
        for (DispatchPolicy policy : List.of(DispatchPolicy.RTA, DispatchPolicy.VTA)) {
            List<Rule> onPublish = analyze("FinalFieldDispatch", policy).findings().stream()
                    .filter(f -> f.root() != null && f.root().name().equals("onPublish")).map(Finding::rule).toList();
            if (policy == DispatchPolicy.RTA) {
                assertTrue(onPublish.contains(Rule.RECURSION), onPublish.toString());
            } else {
                assertEquals(List.of(), onPublish);
            }
        }
    }

    /**
     * The buffer classes of {@code InheritedThisDispatch} as a library on the classpath, the class with the
     * roots as the input (Agrona's buffers under user code): {@code putLong}, inherited by both buffers,
     * reached with the fixed one calls only the fixed one's {@code ensureCapacity} under VTA.
     */
    @Test
    void vtaTypesThisByTheReceiverThatReachedAnInheritedMethod(@TempDir Path library) throws IOException {
        TargetPrograms.copy(TARGETS, "InheritedThisDispatch", program);
        Path packageDir = program.resolve(TARGETS);
        Files.createDirectories(library.resolve(TARGETS));
        for (String nested : List.of("Buffer", "FixedBuffer", "ExpandableBuffer")) {
            String file = "InheritedThisDispatch$" + nested + ".class";
            Files.move(packageDir.resolve(file), library.resolve(TARGETS).resolve(file));
        }
        for (DispatchPolicy policy : List.of(DispatchPolicy.RTA, DispatchPolicy.VTA)) {
            AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(program).addClasspath(library)
                    .dispatch(policy).build(), AnalysisListener.SILENT);
            List<String> allocatingRoots = result.findings().stream().filter(f -> f.rule() == Rule.HEAP_ALLOCATION)
                    .map(f -> f.root().name()).distinct().sorted().toList();
            assertEquals(policy == DispatchPolicy.VTA ? List.of("onGrow") : List.of("onGrow", "onTick"), allocatingRoots,
                    policy.id() + ": " + result.findings());
        }
    }

    /**
     * The publication classes of {@code ReceiverContexts} as a library on the classpath (Aeron's client under
     * user code): the final publication handed to the public constructor is created nowhere Headroom looks, yet
     * a receiver of a final class is of that class, so under VTA {@code onSend} reaches its allocation.
     */
    @Test
    void aReceiverOfAFinalClassIsThatClassWhereverItCameFrom(@TempDir Path library) throws IOException {
        TargetPrograms.copy(TARGETS, "ReceiverContexts", program);
        Path packageDir = program.resolve(TARGETS);
        Files.createDirectories(library.resolve(TARGETS));
        for (String nested : List.of("Publication", "ExclusivePublication")) {
            String file = "ReceiverContexts$" + nested + ".class";
            Files.move(packageDir.resolve(file), library.resolve(TARGETS).resolve(file));
        }
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(program).addClasspath(library)
                .dispatch(DispatchPolicy.VTA).build(), AnalysisListener.SILENT);
        List<Rule> onSend = result.findings().stream().filter(f -> f.root() != null && f.root().name().equals("onSend"))
                .map(Finding::rule).toList();
        assertEquals(List.of(Rule.HEAP_ALLOCATION), onSend, result.findings().toString());
    }
}
