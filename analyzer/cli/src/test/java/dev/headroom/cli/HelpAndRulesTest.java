package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AssertionPolicy;
import dev.headroom.core.ColdPathPolicy;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.FailOn;
import dev.headroom.core.FindingGrouping;
import dev.headroom.core.Headroom;
import dev.headroom.core.RuleLevel;
import dev.headroom.core.TimingExceptions;
import dev.headroom.core.memory.Layout;
import dev.headroom.core.memory.Layouts;
import dev.headroom.core.model.Rule;
import dev.headroom.core.timing.CostModels;
import dev.headroom.reports.ReportFormat;
import java.util.ArrayList;
import dev.headroom.core.rules.EventKind;
import dev.headroom.core.rules.EventRemedies;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version}, {@code --help} and {@code headroom rules}. */
class HelpAndRulesTest {
    /**
     * Every option of {@code check} in DESIGN.md's command-line contract, plus --cold-paths, --assertions,
     * --timing-exceptions, --group-by, --rule, --exclude and --allow-no-roots.
     */
    private static final List<String> CHECK_OPTIONS = List.of("-cp", "--classpath", "--jdk", "--root",
            "--interrupt-root", "--root-annotation", "--ram-budget", "--stack-budget", "--source-root", "--layout",
            "--cost-model", "--rules", "--format", "-o", "--output", "--report-dir", "--fail-on", "--max-findings",
            "--baseline", "--write-baseline", "--flow-facts", "--dispatch", "--cold-paths", "--assertions",
            "--timing-exceptions", "--group-by", "--rule", "--exclude", "--allow-no-roots", "--help");

    /** Every option of {@code check} that takes one of a fixed set of values, with the values the code accepts. */
    private static Map<String, List<String>> enumeratedOptions() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("--layout", Layouts.all().stream().map(Layout::name).toList());
        options.put("--cost-model", CostModels.BUNDLED);
        options.put("--format", Arrays.stream(ReportFormat.values()).map(ReportFormat::id).toList());
        options.put("--fail-on", Arrays.stream(FailOn.values()).map(FailOn::id).toList());
        options.put("--dispatch", Arrays.stream(DispatchPolicy.values()).map(DispatchPolicy::id).toList());
        options.put("--cold-paths", Arrays.stream(ColdPathPolicy.values()).map(ColdPathPolicy::id).toList());
        options.put("--assertions", Arrays.stream(AssertionPolicy.values()).map(AssertionPolicy::id).toList());
        options.put("--timing-exceptions", Arrays.stream(TimingExceptions.values()).map(TimingExceptions::id).toList());
        options.put("--group-by", Arrays.stream(FindingGrouping.values()).map(FindingGrouping::id).toList());
        List<String> rule = new ArrayList<>(Arrays.stream(Rule.values()).map(Rule::id).toList());
        rule.addAll(Arrays.stream(RuleLevel.values()).map(RuleLevel::id).toList());
        options.put("--rule", rule);
        return options;
    }

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
    void checkHelpListsEveryValueOfEveryEnumeratedOption() {
        String help = CliRun.of("check", "--help").out();
        List<String> missing = new ArrayList<>();
        enumeratedOptions().forEach((option, values) -> {
            String text = optionHelp(help, option);
            for (String value : values) {
                if (!text.matches("(?s).*(^|[^\\w-])" + Pattern.quote(value) + "([^\\w-]|$).*")) {
                    missing.add(option + " " + value);
                }
            }
        });
        assertEquals(List.of(), missing, help);
    }

    /** The help of one option: its line and the indented lines after it, whitespace made single spaces. */
    private static String optionHelp(String help, String option) {
        List<String> lines = help.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s+(-\\w+, )?" + Pattern.quote(option) + "[= ].*")) {
                StringBuilder text = new StringBuilder(lines.get(i));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("         "); j++) {
                    text.append(' ').append(lines.get(j).strip());
                }
                return text.toString().replaceFirst("^\\s+\\S+", "").replaceAll("\\s+", " ");
            }
        }
        throw new AssertionError(option + " is not in the help:\n" + help);
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
