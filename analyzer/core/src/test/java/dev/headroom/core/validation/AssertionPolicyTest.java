package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.AssertionPolicy;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --assertions}: the code of an {@code assert} is cold by default (its findings are warnings, as the
 * expectations of the Assertions target say) and ordinary code when the program runs with {@code -ea}.
 */
class AssertionPolicyTest {
    private static final String TARGETS = "dev/headroom/validation/targets";

    @TempDir
    Path inputs;

    private List<Finding> growth(AssertionPolicy policy) throws IOException {
        TargetPrograms.copy(TARGETS, "Assertions", inputs);
        return Headroom.analyze(AnalysisConfig.builder().addInput(inputs).assertions(policy).build(),
                        AnalysisListener.SILENT).findings().stream()
                .filter(f -> f.rule() == Rule.GROWABLE_COLLECTION && f.location().method().name().equals("sameThread"))
                .toList();
    }

    @Test
    void assertCodeIsColdByDefault() throws IOException {
        List<Finding> found = growth(AssertionPolicy.DISABLED);
        assertFalse(found.isEmpty(), "the HashMap.put in the asserted method is found");
        found.forEach(f -> assertEquals(Severity.WARNING, f.severity(), f.toString()));
    }

    @Test
    void assertCodeIsHotWhenAssertionsAreEnabled() throws IOException {
        List<Finding> found = growth(AssertionPolicy.ENABLED);
        assertFalse(found.isEmpty(), "the HashMap.put in the asserted method is found");
        found.forEach(f -> assertEquals(Severity.ERROR, f.severity(), f.toString()));
    }
}
