package dev.headroom.cli;

import dev.headroom.reports.DashboardWriter;
import dev.headroom.reports.ReportShape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom dashboard}: the dashboard page written into a folder, with reports to show in it. */
@Command(name = "dashboard",
        description = {"Writes the dashboard (index.html, dashboard.css, comparability.js, java-names.js,"
                + " dashboard.js) into a folder. The JSON reports named are written into the page, in the order"
                + " given, so that it shows their trend when opened from disk; without reports, the page asks for"
                + " them. A file that is not a Headroom report (schemaVersion 1) is an error (exit 3), and so is a"
                + " folder that cannot be written (exit 2)."},
        parameterListHeading = "%n",
        footer = {"", "Examples:",
            "  headroom dashboard -o trend history/0041.json history/0042.json",
            "  headroom dashboard -o dashboard"})
public final class DashboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<report.json>",
            description = "Headroom JSON reports (check --format json), oldest first.")
    List<Path> reports = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", required = true,
            description = "The folder to write the page into (created if needed).")
    Path output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        List<DashboardWriter.Report> embedded = new ArrayList<>();
        for (Path report : reports) {
            if (!Files.isRegularFile(report)) {
                throw ExitException.input(report + ": no such file");
            }
            String text;
            try {
                text = Files.readString(report, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                throw ExitException.input(report + ": not a Headroom report: not UTF-8 text");
            } catch (IOException e) {
                throw ExitException.input(report + ": cannot be read (" + e.getMessage() + ")");
            }
            // Refused here rather than named on the page: a trend job must not publish a page of other files.
            Optional<String> problem = ReportShape.problem(text);
            if (problem.isPresent()) {
                throw ExitException.input(report + ": " + problem.get());
            }
            embedded.add(new DashboardWriter.Report(report.getFileName().toString(), text));
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw ExitException.usage(output + ": not a folder");
        }
        try {
            DashboardWriter.write(output, embedded);
        } catch (IOException e) {
            throw ExitException.usage(output + ": cannot write the dashboard (" + e.getMessage() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + output.resolve("index.html") + (embedded.isEmpty() ? ""
                : " with " + embedded.size() + (embedded.size() == 1 ? " report" : " reports")));
        out.flush();
        return ExitCodes.PASS;
    }
}
