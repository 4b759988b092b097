package dev.headroom.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks an analysis result against the expectation comments of its sources, JaCoCo style: fails on
 * every missing and every unexpected finding, listing them all together.
 */
public final class ExpectationHarness {
    /** A finding as the expectations see it: location, rule, severity, suppressed. Roots are not told apart. */
    public record Actual(String file, int line, String rule, String severity, boolean suppressed, String message) {
        @Override
        public String toString() {
            return file + ":" + line + " " + (suppressed ? "suppressed " : "") + rule + "/" + severity + "  (" + message + ")";
        }
    }

    private ExpectationHarness() {
    }

    /**
     * @param sourceRoot the sources of the analysed classes
     * @param packageDir the package folder whose sources hold the expectations ({@code com/acme}, or "")
     * @param checked    the rules whose findings are compared; findings of other rules are ignored
     */
    public static void assertMatches(AnalysisResult result, Path sourceRoot, String packageDir, List<Rule> checked) {
        assertMatches(result.findings(), sourceRoot, packageDir, checked);
    }

    /** The same for findings gathered from several analyses. */
    public static void assertMatches(List<Finding> findings, Path sourceRoot, String packageDir, List<Rule> checked) {
        List<Expectations.Expected> expected = new ArrayList<>(Expectations.read(sourceRoot, packageDir));
        List<String> ruleIds = checked.stream().map(Rule::id).toList();
        expected.removeIf(e -> !ruleIds.contains(e.rule()));
        List<Actual> actual = new ArrayList<>();
        for (Finding f : findings) {
            if (ruleIds.contains(f.rule().id())) {
                actual.add(toActual(f));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Expectations.Expected e : expected) {
            if (actual.stream().noneMatch(e::matches)) {
                problems.add("missing:    " + e);
            }
        }
        TreeSet<String> unexpected = new TreeSet<>();
        for (Actual a : actual) {
            if (expected.stream().noneMatch(e -> e.matches(a))) {
                unexpected.add("unexpected: " + a);
            }
        }
        problems.addAll(unexpected);
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatches between expectations in " + sourceRoot.resolve(packageDir) + " and the findings:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static Actual toActual(Finding f) {
        String owner = f.location().method().internalClassName();
        int slash = owner.lastIndexOf('/');
        String pkg = slash < 0 ? "" : owner.substring(0, slash + 1);
        String file = f.location().file() == null ? owner + ".class" : pkg + f.location().file();
        return new Actual(file, f.location().line(), f.rule().id(), f.severity().id(), f.suppressed(), f.message());
    }
}
