package dev.headroom.core.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Root;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roots from other annotation vocabularies (the bundled roots.json: Safety-Critical Java's
 * {@code @SCJRestricted(mayAllocate = false)}, GraalVM's {@code @RestrictHeapAccess(access = NO_ALLOCATION)})
 * and from the user's own annotation ({@code --root-annotation com.acme.HotPath}), on the validation
 * target {@code ForeignRootAnnotations}, whose annotations are compiled in the test sources with their real
 * package names.
 */
class RootAnnotationsTest {
    private static final String TARGETS = "dev/headroom/validation/targets";
    private static final String TARGET = "dev.headroom.validation.targets.ForeignRootAnnotations";

    @TempDir
    static Path program;

    @BeforeAll
    static void copyTarget() throws IOException {
        TargetPrograms.copy(TARGETS, "ForeignRootAnnotations", program);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(RootAnnotationsTest.class.getResource("/rules/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AnalysisResult analyze(UnaryOperator<AnalysisConfig.Builder> options) {
        return Headroom.analyze(options.apply(AnalysisConfig.builder().addInput(program)).build(), AnalysisListener.SILENT);
    }

    /** Method name to "kind origin". */
    private static Map<String, String> roots(AnalysisResult result) {
        Map<String, String> roots = new TreeMap<>();
        for (Root r : result.roots()) {
            assertEquals(TARGET, r.method().className());
            roots.put(r.method().name(), r.kind().id() + " " + r.origin());
        }
        return roots;
    }

    /** Root method name to the rules of its unsuppressed findings, with their line's method. */
    private static Map<String, List<String>> findings(AnalysisResult result) {
        Map<String, List<String>> byRoot = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (!f.suppressed()) {
                byRoot.computeIfAbsent(f.root().name(), k -> new java.util.ArrayList<>())
                        .add(f.rule().id() + " in " + f.location().method().name());
            }
        }
        return byRoot;
    }

    @Test
    void bundledPackMapsScjAndGraalAnnotationsToRealTimeRoots() {
        AnalysisResult result = analyze(b -> b);
        assertEquals(Map.of(
                "scjNoAllocation", "real-time @SCJRestricted(mayAllocate = false)",
                "graalNoAllocation", "real-time @RestrictHeapAccess(access = NO_ALLOCATION)"), roots(result));
        assertEquals(Map.of(
                "scjNoAllocation", List.of("heap-allocation in scjNoAllocation"),
                "graalNoAllocation", List.of("heap-allocation in graalNoAllocation")), findings(result));
    }

    @Test
    void defaultsComeFromTheAnnotationClassWhenItIsOnTheClassPath() {
        // SCJRestricted's mayAllocate defaults to true: a method that does not give it is not a root.
        AnalysisResult result = analyze(b -> b.addClasspath(Path.of("target/test-classes")));
        assertEquals(List.of("graalNoAllocation", "scjNoAllocation"), List.copyOf(roots(result).keySet()));
    }

    @Test
    void rootAnnotationOptionMakesTheUsersOwnAnnotationARoot() {
        AnalysisResult result = analyze(b -> b.addRootAnnotation("com.acme.HotPath"));
        Map<String, String> roots = roots(result);
        assertEquals("real-time @com.acme.HotPath", roots.get("hotPath"));
        assertEquals(3, roots.size(), roots.toString());
        assertEquals(List.of("heap-allocation in hotPath"), findings(result).get("hotPath"));
    }

    @Test
    void aUsersPackCanMapItsOwnAnnotationToInterruptRoots() {
        AnalysisResult result = analyze(b -> b.addRulePack(fixture("roots-hotpath.json")));
        Map<String, String> roots = roots(result);
        assertEquals("interrupt @HotPath", roots.get("hotPath"));
        assertEquals("real-time @SCJRestricted(mayAllocate = false)", roots.get("scjNoAllocation"));
        assertEquals(List.of("heap-allocation in hotPath"), findings(result).get("hotPath"));
    }
}
