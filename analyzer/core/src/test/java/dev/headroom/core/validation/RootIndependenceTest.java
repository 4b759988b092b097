package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.testing.SingleRootPrograms;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root's findings and bound do not depend on the other roots of the run: every validation target is
 * analysed with all its roots, then once per root with the root annotations of the others removed from
 * the class files, and each root's findings (rule, severity, place, message, cold, suppressed) and
 * worst-case bound must be the same.
 */
class RootIndependenceTest {
    private static final String TARGETS = "dev/headroom/validation/targets";

    @TempDir
    Path work;

    @Test
    void eachRootAloneHasTheFindingsItHasAmongAllRoots() throws IOException {
        Map<String, Path> targets = TargetPrograms.copyEach(TARGETS, work.resolve("all"));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Path> target : targets.entrySet()) {
            AnalysisResult all = analyze(target.getValue());
            for (Root root : all.roots()) {
                Path alone = work.resolve("alone").resolve(target.getKey() + "-" + checked++);
                SingleRootPrograms.keepOnly(target.getValue(), alone, root.method()::equals);
                AnalysisResult single = analyze(alone);
                assertEquals(List.of(root.method()), single.roots().stream().map(Root::method).toList(),
                        target.getKey() + ": only the kept root is a root");
                compare(target.getKey() + " " + root.method(), describe(all, root.method()),
                        describe(single, root.method()), mismatches);
            }
        }
        assertTrue(checked > 30, "the targets' roots were found: " + checked);
        assertEquals("", String.join("\n", mismatches));
    }

    /** Some targets have no root on purpose: allowed, not a usage error. */
    private static AnalysisResult analyze(Path program) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(program).allowNoRoots(true).build(),
                AnalysisListener.SILENT);
    }

    /** The root's findings and bound, one line each, sorted. */
    private static TreeSet<String> describe(AnalysisResult result, MethodId root) {
        TreeSet<String> lines = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (root.equals(f.root())) {
                lines.add(f.rule().id() + "/" + f.severity().id() + " at " + f.location().method() + ":"
                        + f.location().line() + (f.coldPath() ? " cold" : "") + (f.suppressed() ? " suppressed" : "")
                        + ": " + f.message());
            }
        }
        for (RootTiming t : result.timing().roots()) {
            if (root.equals(t.root())) {
                lines.add("timing " + (t.bounded() ? "bound " + t.wcet() : "unbounded"));
            }
        }
        return lines;
    }

    private static void compare(String what, TreeSet<String> among, TreeSet<String> alone, List<String> mismatches) {
        TreeSet<String> all = new TreeSet<>(among);
        all.addAll(alone);
        for (String line : all) {
            if (!Objects.equals(among.contains(line), alone.contains(line))) {
                mismatches.add(what + (among.contains(line) ? " only among all roots: " : " only alone: ") + line);
            }
        }
    }
}
