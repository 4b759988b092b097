package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.FindingGrouping;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Severity;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headroom checks its own fixed-capacity library (issue 13), both ways a user meets it:
 * <ul>
 *   <li>the library alone, every public method a root: nothing grows, nothing recurses, and the only hot
 *       allocation is in the one method documented to allocate ({@code TextBuffer.toString}); what is left
 *       are the loops bounded by capacities it does not know alone, and cold paths;</li>
 *   <li>a program that keeps each structure in a static final field and calls every operation
 *       ({@code dev.headroom.validation.collections.CapacityUse}): no error at all, and every root bounded,
 *       from the capacities fixed at start-up.</li>
 * </ul>
 */
class CollectionsDogfoodTest {
    /** The library's methods documented to allocate: the only hot heap-allocation findings allowed. */
    private static final Set<String> ALLOCATING = Set.of("toString");

    @TempDir
    Path program;

    @Test
    void theLibraryAloneNeitherGrowsNorRecursesAndAllocatesOnlyWhereDocumented() {
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(TargetPrograms.collectionsLibrary())
                .addRootPattern("dev.headroom.collections.*#*").grouping(FindingGrouping.LOCATION).build(),
                AnalysisListener.SILENT);
        assertTrue(result.roots().size() > 150, "every public method is a root: " + result.roots().size());
        List<String> problems = new ArrayList<>();
        for (Finding f : result.findings()) {
            boolean allowed = switch (f.rule()) {
                case GROWABLE_COLLECTION, RECURSION, UNBOUNDED_STATIC -> false;
                case HEAP_ALLOCATION -> f.coldPath() || ALLOCATING.contains(f.location().method().name());
                default -> true;
            };
            if (!allowed) {
                problems.add(f.rule().id() + " at " + f.location() + ": " + f.message());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aProgramUsingItIsCleanAndEveryRootIsBounded() throws IOException {
        TargetPrograms.copyAll("dev/headroom/validation/collections", program);
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(program)
                .addClasspath(TargetPrograms.collectionsLibrary()).build(), AnalysisListener.SILENT);
        List<String> problems = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.severity() == Severity.ERROR || !f.coldPath()) {
                problems.add(f.severity() + " " + f.rule().id() + " at " + f.location() + ": " + f.message());
            }
        }
        for (RootTiming t : result.timing().roots()) {
            if (!t.bounded()) {
                problems.add(t.root() + " has no bound: " + t.worstPath());
            }
        }
        assertTrue(result.timing().roots().size() >= 8, "the program's roots: " + result.timing().roots().size());
        assertEquals(List.of(), problems);
    }
}
