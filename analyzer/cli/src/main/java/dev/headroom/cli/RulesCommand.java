package dev.headroom.cli;

import dev.headroom.core.model.Rule;
import dev.headroom.core.rules.EventKind;
import dev.headroom.core.rules.EventRemedies;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom rules [<id>]}: the rule table, or one rule explained. */
@Command(name = "rules",
        description = {"Lists the rules with their default severity, or explains one rule."},
        parameterListHeading = "%n",
        footer = {"", "Examples:", "  headroom rules", "  headroom rules growable-collection"})
public final class RulesCommand implements Callable<Integer> {
    private static final int TEXT_WIDTH = 80;
    private static final String INDENT = "  ";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<id>",
            description = "A rule id: show its explanation and remedy.")
    String ruleId;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (ruleId == null) {
            printTable(out);
        } else {
            Rule rule = Rule.byId(ruleId).orElseThrow(() -> ExitException.usage(
                    "unknown rule '" + ruleId + "'; valid ids: " + Arrays.stream(Rule.values())
                            .map(Rule::id)
                            .collect(Collectors.joining(", "))));
            printRule(rule, out);
        }
        out.flush();
        return ExitCodes.PASS;
    }

    private static void printTable(PrintWriter out) {
        int idWidth = "RULE".length();
        for (Rule rule : Rule.values()) {
            idWidth = Math.max(idWidth, rule.id().length());
        }
        String row = "%-" + idWidth + "s  %-8s  %s%n";
        out.printf(row, "RULE", "SEVERITY", "SUMMARY");
        for (Rule rule : Rule.values()) {
            out.printf(row, rule.id(), rule.defaultSeverity().id(), rule.summary());
        }
        out.println();
        out.println("Run 'headroom rules <id>' for the explanation and remedy of one rule.");
    }

    private static void printRule(Rule rule, PrintWriter out) {
        out.println(rule.id());
        out.println(INDENT + "default severity: " + rule.defaultSeverity().id());
        out.println();
        out.print(wrap(rule.summary()));
        out.println();
        out.println("Why it matters:");
        out.print(wrap(rule.explanation()));
        out.println();
        out.println("Remedy:");
        out.print(wrap(rule.remedy()));
        Map<EventKind, String> byEvent = EventRemedies.bundled().forRule(rule);
        if (!byEvent.isEmpty()) {
            out.println();
            out.println("Remedies by event:");
            for (Map.Entry<EventKind, String> e : byEvent.entrySet()) {
                out.print(wrap(e.getKey().description() + " (" + e.getKey().id() + "): " + e.getValue()));
            }
        }
        long ownRemedies = EventRemedies.bundledPackRemedies(rule);
        if (ownRemedies > 0) {
            out.println();
            out.print(wrap(ownRemedies + " bundled rule-pack " + (ownRemedies == 1 ? "entry carries its" : "entries carry their")
                    + " own remedy for this rule, shown with each finding they make."));
        }
    }

    /** Word-wraps text to {@link #TEXT_WIDTH} columns, each line indented. */
    static String wrap(String text) {
        StringBuilder wrapped = new StringBuilder();
        StringBuilder line = new StringBuilder(INDENT);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > TEXT_WIDTH) {
                wrapped.append(line).append(System.lineSeparator());
                line.setLength(0);
                line.append(INDENT);
            }
            if (line.length() > INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return wrapped.append(line).append(System.lineSeparator()).toString();
    }
}
