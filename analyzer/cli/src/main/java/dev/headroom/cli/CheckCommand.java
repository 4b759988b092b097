package dev.headroom.cli;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.CacheDirectory;
import dev.headroom.core.ConfigOptions;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Verdict;
import dev.headroom.reports.ReportFile;
import dev.headroom.reports.ReportFormat;
import dev.headroom.reports.ReportSettings;
import dev.headroom.reports.SarifReportWriter;
import dev.headroom.reports.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom check}: translates the options into one {@link AnalysisConfig}, calls the core,
 * writes the reports and turns the verdict into an exit code. Every option value is validated here,
 * before the analysis starts.
 */
@Command(name = "check",
        description = {
            "Checks compiled classes against the real-time rules and the budgets.",
            "No path from a real-time or interrupt root may allocate or grow a collection; static"
                    + " memory and deadlines must fit their budgets."},
        customSynopsis = {"headroom check [OPTIONS] <classes-dir-or-jar>..."},
        parameterListHeading = "%n",
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:pass",
            "1:fail: a finding at or above --fail-on",
            "2:usage or configuration error, or nothing to check (no class, no root)",
            "3:unreadable input",
            "4:internal error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  headroom check target/classes",
            "  headroom check -cp lib/driver.jar --root com.acme.Motor#onTick target/classes",
            "  headroom check --root 'com.acme.*#*' --format json app.jar > report.json",
            "  headroom check --format text,json --report-dir target/headroom target/classes"})
public final class CheckCommand implements Callable<Integer> {
    private static final Pattern PATH_SEPARATOR = Pattern.compile(Pattern.quote(File.pathSeparator));

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<classes-dir-or-jar>",
            description = "Class directories and jars of the program: roots are found and findings reported here.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-cp", "--classpath"}, paramLabel = "<path>",
            description = "Libraries, separated by '${sys:path.separator}': analyzed when called, never roots"
                    + " (repeatable).")
    List<String> classpath = new ArrayList<>();

    @Option(names = "--jdk", paramLabel = "<java-home>",
            description = "Class library to analyze (default: the running JDK).")
    Path jdkHome;

    @Option(names = "--root", paramLabel = "<pattern>",
            description = {"Extra real-time root (repeatable), e.g.", "  com.acme.Motor#onTick or 'com.acme.*#*'."})
    List<String> roots = new ArrayList<>();

    @Option(names = "--interrupt-root", paramLabel = "<pattern>",
            description = "Extra interrupt root: real-time rules plus no blocking (repeatable).")
    List<String> interruptRoots = new ArrayList<>();

    @Option(names = "--init-root", paramLabel = "<pattern>",
            description = "Start-up method whose allocations the RAM budget counts, like @Initializer (repeatable).")
    List<String> initRoots = new ArrayList<>();

    @Option(names = "--root-annotation", paramLabel = "<class>",
            description = "Treat methods carrying this annotation as real-time roots (repeatable).")
    List<String> rootAnnotations = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "<pattern>",
            description = "Keep classes out of the inputs (read as libraries: never roots, findings at their"
                    + " callers), e.g. 'com.acme.generated.**', or methods out of the roots, e.g."
                    + " com.acme.Motor#dump (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "<id>=<level>", split = ",", completionCandidates = RuleIds.class,
            description = "Set a rule's level: error, warning or off (repeatable, or comma-separated), e.g."
                    + " unbounded-loop=warning, recursion=off. Rules: ${COMPLETION-CANDIDATES}.")
    List<String> ruleLevels = new ArrayList<>();

    @Option(names = "--ram-budget", paramLabel = "<size>",
            description = "Budget for the static footprint, e.g. 65536, 64KiB, 2MiB.")
    String ramBudget;

    @Option(names = "--stack-budget", paramLabel = "<size>",
            description = "Worst-case stack per root, e.g. 4KiB.")
    String stackBudget;

    @Option(names = "--source-root", paramLabel = "<dir>",
            description = "Where sources live, for report paths (repeatable; default: src/main/java and the like"
                    + " beside Maven's target/classes or Gradle's build/classes/java/main).")
    List<Path> sourceRoots = new ArrayList<>();

    @Option(names = "--sarif-category", paramLabel = "<name>",
            description = "The SARIF run's category, which GitHub keeps apart from other runs (default:"
                    + " headroom/<the input's module directory>, e.g. headroom/app).")
    String sarifCategory;

    @Option(names = "--layout", paramLabel = "<model>",
            description = "Object layout: hotspot-coops (default), hotspot-nocoops, hotspot-compact, jvm32.")
    String layout;

    @Option(names = "--cost-model", paramLabel = "<name|file>",
            description = "Cost model: unit (default), interpreter, or a cost-model JSON file.")
    String costModel;

    @Option(names = "--rules", paramLabel = "<file>",
            description = "An extra rule pack (repeatable).")
    List<Path> rulePacks = new ArrayList<>();

    @Option(names = "--format", paramLabel = "<f>", split = ",", completionCandidates = FormatIds.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text; repeatable).")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Write the report to this file instead of standard output (one format).")
    Path output;

    @Option(names = "--report-dir", paramLabel = "<dir>",
            description = "Write headroom.<ext> for each format into this directory.")
    Path reportDir;

    @Option(names = "--fail-on", paramLabel = "<level>",
            description = "Least severe finding that fails: error (default), warning, never.")
    String failOn;

    @Option(names = "--max-findings", paramLabel = "<n>",
            description = "Fail only above n findings at or above --fail-on (default: 0).")
    Integer maxFindings;

    @Option(names = "--baseline", paramLabel = "<file>",
            description = "Accept the findings recorded there; only new ones fail; budgets may not grow beyond it.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "<file>",
            description = "Record today's findings and budgets as the baseline (the verdict is unchanged unless"
                    + " --baseline names the same file).")
    Path writeBaseline;

    @Option(names = "--flow-facts", paramLabel = "<file>",
            description = "Loop bounds and cost assumptions for code that cannot carry annotations.")
    Path flowFacts;

    @Option(names = "--dispatch", paramLabel = "<policy>",
            description = "Virtual-call targets: vta (default, types that flow to the receiver), rta (classes instantiated),"
                    + " cha (every override).")
    String dispatch;

    @Option(names = "--cold-paths", paramLabel = "<policy>",
            description = "Findings on cold paths (throw-only code, handlers that rethrow, assert code), for"
                    + " every rule: error, warning (default), ignore.")
    String coldPaths;

    @Option(names = "--assertions", paramLabel = "<state>",
            description = "Whether the program runs with -ea: disabled (default: assert code is cold), enabled.")
    String assertions;

    @Option(names = "--timing-exceptions", paramLabel = "<policy>",
            description = "Worst-case bounds cover the runs that complete normally (exclude, default; the"
                    + " exceptional exits are listed) or the throw paths too (include).")
    String timingExceptions;

    @Option(names = "--group-by", paramLabel = "<grouping>",
            description = "One finding per rule, location and root (root, default), or per rule and location "
                    + "with the number of roots reaching it (location: for scans with many roots).")
    String groupBy;

    @Option(names = "--cache-dir", paramLabel = "<dir>",
            description = "Where what every run computes the same (the worst-case bounds' solved integer programs, the"
                    + " scans of the JDK's methods) is kept for the next runs (default: headroom in $XDG_CACHE_HOME,"
                    + " else in ~/.cache).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Read and write no cache: compute everything in this run.")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "<n>",
            description = "Threads for the analyses; the reports are the same for any number. With 2 or more the path"
                    + " analysis runs beside the memory and timing analyses, and a report file is written beside the"
                    + " making of it (default: the processors, at most 2).")
    Integer threads;

    @Option(names = "--allow-no-roots",
            description = "Pass a run that checks nothing (no class read, or no root and no --ram-budget) instead of"
                    + " failing it with exit code 2.")
    boolean allowNoRoots;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AnalysisConfig config = configuration();
        List<ReportFormat> reportFormats = reportFormats();
        ReportSettings settings = new ReportContext(Path.of(""))
                .settings(sarifCategory, inputs.get(0), System.getenv(ReportSettings.SOURCE_DATE_EPOCH));
        checkOutputOptions(reportFormats);
        checkConfigurationFiles();
        checkInputs();
        prepareOutput();

        StderrListener listener = new StderrListener(err, StderrListener.onTerminal());
        String missingSources = ReportContext.missingSources(inputs);
        if (sourceRoots.isEmpty() && reportFormats.contains(ReportFormat.SARIF) && missingSources != null) {
            listener.warning(missingSources);
        }
        AnalysisResult result = Headroom.analyze(config, listener);
        SarifReportWriter.beyondGitHubLimits(reportFormats, result).ifPresent(listener::warning);

        List<Path> written = writeReports(result, reportFormats, settings, config.besideThread());
        VerdictOnStderr.print(err, result, config.failOn(), reportFormats.get(0), written);
        return result.verdict() == Verdict.FAIL ? ExitCodes.FAIL : ExitCodes.PASS;
    }

    /** The shared configuration; every option value is parsed here (exit 2 on a bad one). */
    private AnalysisConfig configuration() {
        AnalysisConfig.Builder builder = AnalysisConfig.builder();
        try {
            new ConfigOptions(builder, CheckCommand::optionName)
                    .dispatch(dispatch).failOn(failOn).coldPaths(coldPaths).assertions(assertions)
                    .timingExceptions(timingExceptions).groupBy(groupBy).maxFindings(maxFindings).threads(threads)
                    .ramBudget(ramBudget).stackBudget(stackBudget).layout(layout).costModel(costModel)
                    .roots(roots).interruptRoots(interruptRoots).initRoots(initRoots).rootAnnotations(rootAnnotations)
                    .rules(ruleLevels).excludes(excludes).allowNoRoots(allowNoRoots);
        } catch (ConfigurationException e) {
            throw ExitException.usage(e.getMessage());
        }
        if (flowFacts != null) {
            builder.flowFacts(flowFacts);
        }
        try {
            builder.cacheDir(CacheDirectory.choose(cacheDir, noCache, "--cache-dir", "--no-cache"));
        } catch (ConfigurationException e) {
            throw ExitException.usage(e.getMessage());
        }
        if (baseline != null) {
            builder.baseline(baseline);
        }
        if (writeBaseline != null) {
            builder.writeBaseline(writeBaseline);
        }
        builder.addInputs(inputs);
        builder.addClasspath(classpathEntries());
        builder.jdkHome(jdkHome);
        rulePacks.forEach(builder::addRulePack);
        new ReportContext(Path.of("")).sourceRoots(sourceRoots, inputs).forEach(builder::addSourceRoot);
        return builder.build();
    }

    private List<ReportFormat> reportFormats() {
        if (formats.isEmpty()) {
            return List.of(ReportFormat.TEXT);
        }
        String available = Arrays.stream(ReportFormat.values()).map(ReportFormat::id).collect(Collectors.joining(", "));
        Set<ReportFormat> chosen = new LinkedHashSet<>();
        for (String id : formats) {
            chosen.add(ReportFormat.byId(id).orElseThrow(() -> ExitException.usage(
                    "--format: unknown format '" + id + "'; available: " + available)));
        }
        return List.copyOf(chosen);
    }

    private void checkOutputOptions(List<ReportFormat> reportFormats) {
        if (output != null && reportDir != null) {
            throw ExitException.usage("use either -o/--output or --report-dir, not both");
        }
        if (reportFormats.size() > 1 && reportDir == null) {
            String given = reportFormats.size() + " formats were given ("
                    + reportFormats.stream().map(ReportFormat::id).collect(Collectors.joining(", "))
                    + "); use --report-dir <dir> to write several";
            throw ExitException.usage(output != null
                    ? "-o/--output writes one report, but " + given
                    : "standard output takes one report, but " + given);
        }
        if (output != null && Files.isDirectory(output)) {
            throw ExitException.usage("-o/--output is a directory: " + output);
        }
        if (reportDir != null && Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            throw ExitException.usage("--report-dir is not a directory: " + reportDir);
        }
    }

    /** Files that configure the analysis must exist: a missing one is a configuration error (exit 2). */
    private void checkConfigurationFiles() {
        for (Path rulePack : rulePacks) {
            requireFile("--rules", rulePack);
        }
        if (flowFacts != null) {
            requireFile("--flow-facts", flowFacts);
        }
        if (baseline != null && !baseline.equals(writeBaseline)) {
            requireFile("--baseline", baseline); // the same file as --write-baseline is replaced, so it may be missing
        }
        if (writeBaseline != null && Files.isDirectory(writeBaseline)) {
            throw ExitException.usage("--write-baseline is a directory: " + writeBaseline);
        }
    }

    /** What is analysed must be readable (exit 3); the core checks again, with the reason. */
    private void checkInputs() {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw ExitException.input("input not found: " + input);
            }
            if (!Files.isReadable(input)) {
                throw ExitException.input("input not readable: " + input);
            }
        }
        for (Path entry : classpathEntries()) {
            if (!Files.exists(entry)) {
                throw ExitException.input("classpath entry not found: " + entry);
            }
        }
        if (jdkHome != null && !Files.isDirectory(jdkHome)) {
            throw ExitException.input("--jdk is not a directory: " + jdkHome);
        }
        for (Path sourceRoot : sourceRoots) {
            if (!Files.isDirectory(sourceRoot)) {
                throw ExitException.input("--source-root is not a directory: " + sourceRoot);
            }
        }
    }

    private void prepareOutput() {
        try {
            if (reportDir != null) {
                Files.createDirectories(reportDir);
            }
            Path parent = output == null ? null : output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            Path target = reportDir != null ? reportDir : output;
            throw ExitException.usage("cannot create the directory for " + target + ": " + reason(e));
        }
    }

    /**
     * The reports, to files or standard output; returns the files written (none for standard output). A file is
     * encoded and written on a second thread ({@code beside}) while the report is made.
     */
    private List<Path> writeReports(AnalysisResult result, List<ReportFormat> reportFormats, ReportSettings settings,
                                    boolean beside) {
        List<Path> written = new ArrayList<>();
        if (reportDir != null) {
            for (ReportFormat format : reportFormats) {
                Path file = reportDir.resolve(format.fileName());
                written.add(writeFile(result, format.newWriter(settings), file, beside));
            }
        } else if (output != null) {
            written.add(writeFile(result, reportFormats.get(0).newWriter(settings), output, beside));
        } else {
            PrintWriter out = spec.commandLine().getOut();
            try {
                reportFormats.get(0).newWriter(settings).write(result, out);
            } catch (IOException e) {
                throw ExitException.usage("cannot write the report to standard output: " + reason(e));
            }
            out.flush();
        }
        return written;
    }

    private static Path writeFile(AnalysisResult result, ReportWriter reportWriter, Path file, boolean beside) {
        try {
            ReportFile.write(file, beside, reportWriter, result);
        } catch (IOException e) {
            throw ExitException.usage("cannot write report " + file + ": " + reason(e));
        }
        return file;
    }

    private List<Path> classpathEntries() {
        List<Path> entries = new ArrayList<>();
        for (String path : classpath) {
            for (String entry : PATH_SEPARATOR.split(path)) {
                if (!entry.isBlank()) {
                    entries.add(toPath("-cp/--classpath", entry));
                }
            }
        }
        return entries;
    }

    /** A shared option's name on the command line: {@code --ram-budget} for RAM_BUDGET. */
    static String optionName(ConfigOptions.Option option) {
        return "--" + option.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void requireFile(String option, Path file) {
        if (!Files.exists(file)) {
            throw ExitException.usage(option + " file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw ExitException.usage(option + " is not a file: " + file);
        }
    }

    private static Path toPath(String option, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw ExitException.usage(option + ": invalid path '" + text + "': " + e.getReason());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The rule ids, for the help text of --rule. */
    static final class RuleIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Rule.values()).map(Rule::id).iterator();
        }
    }

    /** The ids of the available report formats, for the help text. */
    static final class FormatIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values()).map(ReportFormat::id).iterator();
        }
    }
}
