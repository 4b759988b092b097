package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.Headroom;
import dev.headroom.core.model.Rule;
import dev.headroom.core.rules.EventKind;
import dev.headroom.core.rules.EventRemedies;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --version}, {@code --help} and {@code headroom rules}. */
class HelpAndRulesTest {
    /**
     * Every option of {@code check} in DESIGN.md's command-line contract, plus --cold-paths, --assertions,
     * --timing-exceptions and --allow-no-roots.
     */
    private static final List<String> CHECK_OPTIONS = List.of("-cp", "--classpath", "--jdk", "--root",
            "--interrupt-root", "--root-annotation", "--ram-budget", "--stack-budget", "--source-root", "--layout",
            "--cost-model", "--rules", "--format", "-o", "--output", "--report-dir", "--fail-on", "--max-findings",
            "--baseline", "--write-baseline", "--flow-facts", "--dispatch", "--cold-paths", "--assertions",
            "--timing-exceptions", "--allow-no-roots", "--help");

    @Test
    void versionIsTheCoreVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCodes.PASS, run.exitCode());
        assertEquals("headroom " + Headroom.VERSION, run.out().strip());
        assertEquals("headroom 0.1.0", run.out().strip());
        assertEquals("", run.err());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertEquals(ExitCodes.PASS, run.exitCode());
        assertTrue(run.out().startsWith("Usage: headroom "), run.out());
        assertTrue(run.out().matches("(?s).*\\n\\s+check\\s+\\S.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\n\\s+rules\\s+\\S.*"), run.out());
        assertTrue(run.out().contains("--version"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void checkHelpDescribesEveryOptionWithExamples() {
        CliRun run = CliRun.of("check", "--help");
        assertEquals(ExitCodes.PASS, run.exitCode());
        assertTrue(run.out().startsWith("Usage: headroom check [OPTIONS] <classes-dir-or-jar>..."), run.out());
        for (String option : CHECK_OPTIONS) {
            assertTrue(run.out().matches("(?s).*\\n\\s+(-\\S+, )?" + option + "\\b.*"), option + " missing:\n" + run.out());
        }
        String flat = run.out().replaceAll("\\s+", " ");
        for (String phrase : List.of("hotspot-coops (default)", "unit (default)", "error (default)", "vta (default",
                "warning (default)", "default: text", "text, json", "com.acme.Motor#onTick", "'com.acme.*#*'")) {
            assertTrue(flat.contains(phrase), phrase + " missing:\n" + run.out());
        }
        assertTrue(run.out().contains("Examples:"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void rulesHelpWorks() {
        CliRun run = CliRun.of("rules", "--help");
        assertEquals(ExitCodes.PASS, run.exitCode());
        assertTrue(run.out().startsWith("Usage: headroom rules"), run.out());
    }

    @Test
    void rulesListsEveryRuleWithSeverityAndSummary() {
        CliRun run = CliRun.of("rules");
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        List<String> lines = Arrays.asList(run.out().split("\\R"));
        assertTrue(lines.get(0).matches("RULE\\s+SEVERITY\\s+SUMMARY"), lines.get(0));
        for (Rule rule : Rule.values()) {
            assertTrue(lines.stream().anyMatch(line -> line.matches(
                            "\\Q" + rule.id() + "\\E\\s+" + rule.defaultSeverity().id() + "\\s+\\Q" + rule.summary() + "\\E")),
                    rule.id() + " missing:\n" + run.out());
        }
        assertEquals("", run.err());
    }

    @Test
    void rulesExplainsOneRule() {
        CliRun run = CliRun.of("rules", "growable-collection");
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        Rule rule = Rule.GROWABLE_COLLECTION;
        String flat = run.out().replaceAll("\\s+", " ");
        assertTrue(run.out().startsWith("growable-collection" + System.lineSeparator()), run.out());
        assertTrue(flat.contains("default severity: error"), run.out());
        assertTrue(flat.contains(rule.summary()), run.out());
        assertTrue(flat.contains(rule.explanation()), run.out());
        assertTrue(flat.contains(rule.remedy()), run.out());
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 80), run.out());
        assertEquals("", run.err());
    }

    @Test
    void rulesShowsTheRemediesByEventKind() {
        CliRun run = CliRun.of("rules", "heap-allocation");
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        String flat = run.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("Remedies by event:"), run.out());
        for (Map.Entry<EventKind, String> e : EventRemedies.bundled().forRule(Rule.HEAP_ALLOCATION).entrySet()) {
            assertTrue(flat.contains(e.getKey().description() + " (" + e.getKey().id() + "): " + e.getValue()),
                    e.getKey().id() + " in " + run.out());
        }
        assertTrue(flat.contains(EventRemedies.bundledPackRemedies(Rule.HEAP_ALLOCATION)
                + " bundled rule-pack entries carry their own remedy"), run.out());
        assertTrue(flat.indexOf(Rule.HEAP_ALLOCATION.remedy()) < flat.indexOf("Remedies by event:"), run.out());
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 80), run.out());
    }

    @Test
    void everyRuleCanBeExplained() {
        for (Rule rule : Rule.values()) {
            CliRun run = CliRun.of("rules", rule.id());
            assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
            assertTrue(run.out().replaceAll("\\s+", " ").contains(rule.remedy()), run.toString());
        }
    }

    @Test
    void unknownRuleIsUsageErrorListingTheValidIds() {
        CliRun.of("rules", "nosuch").assertOneLineError(ExitCodes.USAGE, "'nosuch'", "growable-collection",
                "heap-allocation", "ignored-capacity-result");
    }
}
