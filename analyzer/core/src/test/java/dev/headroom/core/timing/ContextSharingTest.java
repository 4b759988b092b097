package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.core.callgraph.MethodRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method is analysed in a call's context once per distinct part of the contexts its timing reads, not once per
 * distinct context: on measured/ArgumentLoops (whose bounds MeasuredBoundsTest checks against real runs),
 * {@code sumTagged} is called in six contexts (the counts 3 and 30 with two tags or an unknown one, and the count
 * unknown, from {@code passOn}'s own timing) and analysed three times, once per count; {@code passOn},
 * {@code totalOf} and {@code Window.total} once per count or table.
 */
class ContextSharingTest {
    @TempDir
    Path inputs;

    @Test
    void aCalleeIsAnalysedOncePerValueOfWhatItsTimingReads() {
        try (TimingPrograms.Program program = TimingPrograms.analyze("dev/headroom/validation/timing/measured", inputs,
                CostModels.load("unit"), FlowFacts.load(Path.of("src/test/resources/timing/measured-flow-facts.json")))) {
            Map<String, Integer> analyses = new TreeMap<>();
            for (MethodRef m : program.analysis().contextualAnalyses()) {
                if (m.owner().startsWith("dev/headroom/validation/timing/measured/ArgumentLoops")) {
                    String owner = m.owner().substring(m.owner().lastIndexOf('/') + 1);
                    analyses.merge(owner + "#" + m.name(), 1, Integer::sum);
                }
            }
            assertEquals(Map.of("ArgumentLoops#passOn", 2, "ArgumentLoops#sum", 1, "ArgumentLoops#sumTagged", 3,
                    "ArgumentLoops#total", 1, "ArgumentLoops#totalOf", 2, "ArgumentLoops$Window#total", 2), analyses);
        }
    }
}
