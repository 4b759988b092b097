package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees dropped for memory and parsed again ({@link LoadedClass}) change nothing: every validation
 * program is analysed with trees kept, then with every class's tree parsed again every few reads (so
 * that analyses holding a tree meet another one for the same class), and the whole results must be
 * equal: findings, roots, static memory and bounds.
 */
class ReparsedTreesTest {
    private static final List<String> PROGRAMS = List.of("dev/headroom/validation/targets",
            "dev/headroom/validation/memory", "dev/headroom/validation/timing");

    @TempDir
    Path work;

    @AfterEach
    void keepTrees() {
        LoadedClass.reparseEvery(0);
    }

    @Test
    void resultsDoNotDependOnWhenTreesAreParsedAgain() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int programs = 0;
        for (String dir : PROGRAMS) {
            for (Map.Entry<String, Path> program : TargetPrograms.copyEach(dir, work.resolve(dir)).entrySet()) {
                LoadedClass.reparseEvery(0);
                String kept = analyze(program.getValue());
                long before = LoadedClass.reparsed();
                LoadedClass.reparseEvery(3);
                String reparsed = analyze(program.getValue());
                assertTrue(LoadedClass.reparsed() > before, program.getKey() + ": trees were parsed again");
                if (!kept.equals(reparsed)) {
                    mismatches.add(program.getKey() + ":\n  kept:     " + kept + "\n  reparsed: " + reparsed);
                }
                programs++;
            }
        }
        assertTrue(programs > 40, "the validation programs were found: " + programs);
        assertEquals("", String.join("\n", mismatches));
    }

    private static String analyze(Path program) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(program).allowNoRoots(true).build(),
                AnalysisListener.SILENT).toString();
    }
}
