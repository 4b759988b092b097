package dev.headroom.maven;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.ConfigOptions;
import dev.headroom.core.CacheDirectory;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.Headroom;
import dev.headroom.core.InputException;
import dev.headroom.core.NothingToCheckException;
import dev.headroom.core.OutOfMemory;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.reports.CharacterEscapes;
import dev.headroom.reports.ReportFormat;
import dev.headroom.reports.ReportSettings;
import dev.headroom.reports.SarifReportWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the module's compiled classes ({@code target/classes}), with its compile classpath as the
 * libraries, against the real-time rules; writes {@code headroom.<ext>} per format into
 * {@code target/headroom/} and fails the build when the verdict is fail.
 *
 * <p>The parameters are the options of {@code headroom check}, with the same defaults, and are mapped to
 * the same {@link AnalysisConfig} the command line builds: the same input gives the same findings.
 * Findings fail the build ({@link MojoFailureException}); a bad parameter value or an unreadable input
 * is a build error ({@link MojoExecutionException}). A module without roots is skipped with a warning
 * ({@code allowNoRoots}): every module of a build runs the goal, and not every one has real-time code.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class CheckMojo extends AbstractMojo {
    private static final String MARK_ROOTS = "mark entry points with @RealTime or @InterruptHandler, or configure"
            + " roots or rootAnnotations";

    /** Skips the check. */
    @Parameter(property = "headroom.skip", defaultValue = "false")
    boolean skip;

    /** The Java home whose class library is analysed (default: the JDK running Maven). */
    @Parameter(property = "headroom.jdk")
    File jdk;

    /** Extra real-time roots, e.g. {@code com.acme.Motor#onTick} or {@code com.acme.*#*}. */
    @Parameter(property = "headroom.roots")
    List<String> roots;

    /** Extra interrupt roots: the real-time rules plus no blocking. */
    @Parameter(property = "headroom.interruptRoots")
    List<String> interruptRoots;

    /**
     * Initialisation roots: start-up methods whose allocations the memory budget counts, like
     * {@code @Initializer}, e.g. {@code com.acme.Main#start}.
     */
    @Parameter(property = "headroom.initRoots")
    List<String> initRoots;

    /** Binary names of annotations whose methods are real-time roots, e.g. {@code com.acme.HotPath}. */
    @Parameter(property = "headroom.rootAnnotations")
    List<String> rootAnnotations;

    /** Budget for the static footprint, e.g. 65536, 64KiB, 2MiB (KB, MB, GB are powers of ten). */
    @Parameter(property = "headroom.ramBudget")
    String ramBudget;

    /** Worst-case stack per root, e.g. 4KiB. */
    @Parameter(property = "headroom.stackBudget")
    String stackBudget;

    /** Where sources live, for the paths in reports (default: the project's compile source roots). */
    @Parameter(property = "headroom.sourceRoots")
    List<File> sourceRoots;

    /**
     * The SARIF run's category, which GitHub keeps apart from other runs (default: {@code headroom/} and the
     * module's directory under the one Maven runs in, e.g. {@code headroom/app}; {@code headroom} there).
     */
    @Parameter(property = "headroom.sarifCategory")
    String sarifCategory;

    /** Object layout of the memory analysis: hotspot-coops (the default when not set), hotspot-nocoops, hotspot-compact, jvm32. */
    @Parameter(property = "headroom.layout")
    String layout;

    /**
     * Cost model of the worst-case bounds: unit (the default when not set), interpreter, or a cost-model JSON file
     * (relative to the module's directory).
     */
    @Parameter(property = "headroom.costModel")
    String costModel;

    /**
     * Rule levels, {@code <rule-id>=<level>} with a level of error, warning or off, e.g.
     * {@code unbounded-loop=warning} or {@code recursion=off}: the severity of the rule's findings, or none
     * ({@code --rule}).
     */
    @Parameter(property = "headroom.rules")
    List<String> rules;

    /**
     * Classes kept out of the inputs, e.g. {@code com.acme.generated.**} (read as libraries: never roots, their
     * findings reported at the calling line), and methods kept out of the roots, e.g. {@code com.acme.Motor#dump}
     * ({@code --exclude}).
     */
    @Parameter(property = "headroom.excludes")
    List<String> excludes;

    /** Extra rule packs (JSON files); later packs override earlier entries ({@code --rules}). */
    @Parameter(property = "headroom.rulePacks")
    List<File> rulePacks;

    /**
     * Report formats: text, json, sarif, junit, html ({@code headroom check --format}); each is written to its
     * file in the report directory: {@code headroom.txt}, {@code headroom.json}, {@code headroom.sarif},
     * {@code headroom-junit.xml}, {@code headroom.html}.
     */
    @Parameter(property = "headroom.formats", defaultValue = "text,json")
    List<String> formats;

    /** The least severe finding that fails the build: error, warning, never. */
    @Parameter(property = "headroom.failOn", defaultValue = "error")
    String failOn;

    /** Fail only above this many findings at or above failOn. */
    @Parameter(property = "headroom.maxFindings", defaultValue = "0")
    int maxFindings;

    /** Accept the findings recorded in this file; only new ones fail; budgets may not grow beyond it. */
    @Parameter(property = "headroom.baseline")
    File baseline;

    /** Record today's findings and budgets in this file as the baseline; the verdict is unchanged unless baseline names the same file. */
    @Parameter(property = "headroom.writeBaseline")
    File writeBaseline;

    /** Flow facts: loop bounds and cost assumptions for code that cannot carry annotations (a JSON file). */
    @Parameter(property = "headroom.flowFacts")
    File flowFacts;

    /**
     * Threads for the analyses; the reports are the same for any number. With 2 or more the path analysis runs beside
     * the memory and timing analyses, and a report file is written beside the making of it. By default the machine's
     * processors, at most 2.
     */
    @Parameter(property = "headroom.threads")
    Integer threads;

    /**
     * Where what every run computes the same (the worst-case bounds' solved integer programs, the scans of the JDK's
     * methods) is kept for the next runs; default: $XDG_CACHE_HOME/headroom or ~/.cache/headroom.
     */
    @Parameter(property = "headroom.cacheDir")
    File cacheDir;

    /** Read and write no cache: compute everything in this run. */
    @Parameter(property = "headroom.noCache", defaultValue = "false")
    boolean noCache;

    /** Virtual-call targets: vta (types that flow to the receiver), rta (classes instantiated) or cha (every override). */
    @Parameter(property = "headroom.dispatch", defaultValue = "vta")
    String dispatch;

    /** Findings on cold paths (throw-only code, handlers that rethrow, assert code), for every rule: error, warning, ignore. */
    @Parameter(property = "headroom.coldPaths", defaultValue = "warning")
    String coldPaths;

    /** Whether the program runs with -ea: disabled (assert code is cold) or enabled. */
    @Parameter(property = "headroom.assertions", defaultValue = "disabled")
    String assertions;

    /** Worst-case bounds of the runs that complete normally (exclude) or of the throw paths too (include). */
    @Parameter(property = "headroom.timingExceptions", defaultValue = "exclude")
    String timingExceptions;

    /** One finding per rule, location and root (root), or per rule and location (location). */
    @Parameter(property = "headroom.groupBy", defaultValue = "root")
    String groupBy;

    /**
     * A module without roots (or without classes) is skipped with a warning (true), or fails the build
     * (false): a check that checks nothing is not a pass.
     */
    @Parameter(property = "headroom.allowNoRoots", defaultValue = "true")
    boolean allowNoRoots;

    /**
     * Where the reports are written. The report files of an earlier run there ({@code headroom.txt},
     * {@code headroom.json}, {@code headroom.sarif}, {@code headroom-junit.xml}, {@code headroom.html}) are
     * removed first, so that none is left from other formats; other files are left alone.
     */
    @Parameter(defaultValue = "${project.build.directory}/headroom", required = true)
    File reportDirectory;

    /** The classes checked: roots are found and findings reported here. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    /** The module's compile classpath (it starts with the classes directory, which is left out). */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    List<String> compileSourceRoots;

    @Parameter(defaultValue = "${project.packaging}", readonly = true, required = true)
    String packaging;

    /** Names the module in messages. */
    @Parameter(defaultValue = "${project.artifactId}", readonly = true, required = true)
    String artifactId;

    /** The JUnit XML report's timestamp, when the project fixes one for reproducible builds. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    String outputTimestamp;

    /** Relative file names in String parameters (costModel) are resolved against it, as Maven does for files. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Headroom check skipped (headroom.skip)");
            return;
        }
        if ("pom".equals(packaging)) {
            getLog().info("Headroom check skipped: packaging pom has no classes");
            return;
        }
        if (!classesDirectory.isDirectory()) {
            List<Path> withSources = existingSourceRoots().stream().filter(CheckMojo::holdsFiles).toList();
            if (!withSources.isEmpty()) {
                throw new MojoExecutionException("Headroom: the classes directory " + classesDirectory
                        + " does not exist, but there are sources in " + join(withSources)
                        + "; compile first (the check is bound to the verify phase)");
            }
            getLog().info("Headroom check skipped: no classes directory " + classesDirectory);
            return;
        }

        ReportDirectory reportFiles = new ReportDirectory(reportDirectory.toPath(), getLog());
        reportFiles.removeEarlierReports();
        AnalysisConfig config = configuration();
        List<ReportFormat> reportFormats = ReportDirectory.formats(formats);
        ReportSettings settings = PluginReportSettings.of(sarifCategory, basedir, outputTimestamp,
                System.getenv(ReportSettings.SOURCE_DATE_EPOCH));
        checkConfigurationFiles();
        checkInputs(config);

        Optional<AnalysisResult> result = analyze(config);
        if (result.isEmpty()) {
            return;
        }
        reportFiles.create(); // after the analysis: a module skipped for want of roots gets no report directory
        SarifReportWriter.beyondGitHubLimits(reportFormats, result.get())
                .ifPresent(warning -> getLog().warn("Headroom: " + warning));
        Map<ReportFormat, Path> reports = reportFiles.write(result.get(), reportFormats, settings,
                config.besideThread());
        VerdictLog.report(getLog(), result.get(), config.failOn(), reports);
    }

    /** The result; empty when the module has no roots and allowNoRoots skips it. */
    private Optional<AnalysisResult> analyze(AnalysisConfig config) throws MojoExecutionException {
        try {
            return Optional.of(Headroom.analyze(config, new MavenLogListener(getLog())));
        } catch (NothingToCheckException e) {
            if (allowNoRoots) {
                getLog().warn("Headroom: no roots in " + artifactId + ", skipped (" + e.found() + "); " + MARK_ROOTS
                        + ", or set allowNoRoots to false to fail the build instead");
                return Optional.empty();
            }
            throw new MojoExecutionException("Headroom: no roots in " + artifactId + " (" + e.found() + "): "
                    + MARK_ROOTS + ", or set allowNoRoots to true to skip a module without roots", e);
        } catch (ConfigurationException | InputException e) {
            // The message may name a class or file from the inputs: escaped for the terminal showing the log.
            throw new MojoExecutionException("Headroom: " + CharacterEscapes.terminal(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Headroom internal error (a bug: please report it with the output of"
                    + " mvn -e): " + CharacterEscapes.terminal(e.toString()), e);
        } catch (OutOfMemoryError e) { // the analysis's data is unreachable by now: the build can report and go on
            throw new MojoExecutionException("Headroom: " + OutOfMemory.message(e, Runtime.getRuntime().maxMemory(),
                    option -> "MAVEN_OPTS=" + option + " (Headroom runs inside Maven's JVM)", "threads 1, -Dheadroom.threads=1"), e);
        }
    }

    /**
     * The shared configuration, from the parameters exactly as {@code headroom check} builds it from its
     * options: every value is parsed and validated here, before the analysis starts.
     */
    AnalysisConfig configuration() throws MojoExecutionException {
        AnalysisConfig.Builder builder = AnalysisConfig.builder();
        try {
            new ConfigOptions(builder, CheckMojo::parameterName)
                    .dispatch(dispatch).failOn(failOn).coldPaths(coldPaths).assertions(assertions)
                    .timingExceptions(timingExceptions).groupBy(groupBy).maxFindings(maxFindings).threads(threads)
                    .ramBudget(ramBudget).stackBudget(stackBudget).layout(layout)
                    .costModel(costModel == null ? null : costModelFile().map(Path::toString).orElse(costModel))
                    .roots(nonNull(roots)).interruptRoots(nonNull(interruptRoots)).initRoots(nonNull(initRoots))
                    .rootAnnotations(nonNull(rootAnnotations)).rules(ruleLevels()).excludes(nonNull(excludes));
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (flowFacts != null) {
            builder.flowFacts(flowFacts.toPath());
        }
        try {
            builder.cacheDir(CacheDirectory.choose(cacheDir == null ? null : cacheDir.toPath(), noCache, "cacheDir",
                    "noCache"));
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (baseline != null) {
            builder.baseline(baseline.toPath());
        }
        if (writeBaseline != null) {
            builder.writeBaseline(writeBaseline.toPath());
        }
        builder.addInput(classesDirectory.toPath());
        builder.addClasspath(libraries());
        builder.jdkHome(jdk == null ? null : jdk.toPath());
        nonNull(rulePacks).forEach(file -> builder.addRulePack(file.toPath()));
        List<Path> configuredRoots = nonNull(sourceRoots).stream().map(File::toPath).toList();
        PluginReportSettings.sourceRoots(configuredRoots.isEmpty() ? existingSourceRoots() : configuredRoots)
                .forEach(builder::addSourceRoot);
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            throw new MojoExecutionException("Headroom: " + e.getMessage(), e);
        }
    }

    /**
     * The rule levels; a rule-pack file there (the parameter's meaning before rule levels) is told where it
     * goes now.
     */
    private List<String> ruleLevels() throws MojoExecutionException {
        for (String entry : nonNull(rules)) {
            if (entry.indexOf('=') < 0 && entry.endsWith(".json")) {
                throw new MojoExecutionException("headroom.rules: '" + entry + "' is a file, but rules takes"
                        + " <rule-id>=<level> (e.g. recursion=off); give rule packs with rulePacks (headroom.rulePacks)");
            }
        }
        return nonNull(rules);
    }

    /** Files that configure the analysis must exist. */
    private void checkConfigurationFiles() throws MojoExecutionException {
        for (File rulePack : nonNull(rulePacks)) {
            requireFile("headroom.rulePacks", rulePack);
        }
        if (flowFacts != null) {
            requireFile("headroom.flowFacts", flowFacts);
        }
        if (baseline != null && !baseline.equals(writeBaseline)) {
            requireFile("headroom.baseline", baseline); // the same file as writeBaseline is replaced: may be missing
        }
        if (writeBaseline != null && writeBaseline.isDirectory()) {
            throw new MojoExecutionException("headroom.writeBaseline is a directory: " + writeBaseline);
        }
        if (reportDirectory.exists() && !reportDirectory.isDirectory()) {
            throw new MojoExecutionException("the report directory is not a directory: " + reportDirectory);
        }
    }

    /** What is analysed must be readable; the core checks again, with the reason. */
    private void checkInputs(AnalysisConfig config) throws MojoExecutionException {
        if (!Files.isReadable(classesDirectory.toPath())) {
            throw new MojoExecutionException("Headroom: classes directory not readable: " + classesDirectory);
        }
        if (jdk != null && !jdk.isDirectory()) {
            throw new MojoExecutionException("headroom.jdk is not a directory: " + jdk);
        }
        for (Path sourceRoot : config.sourceRoots()) {
            if (!Files.isDirectory(sourceRoot)) {
                throw new MojoExecutionException("headroom.sourceRoots: not a directory: " + sourceRoot);
            }
        }
    }

    /** The compile classpath without the classes directory; entries that do not exist (yet) are left out. */
    private List<Path> libraries() {
        Path classes = classesDirectory.toPath().toAbsolutePath().normalize();
        List<Path> libraries = new ArrayList<>();
        for (String element : nonNull(classpathElements)) {
            Path path = Path.of(element).toAbsolutePath().normalize();
            if (path.equals(classes) || libraries.contains(path)) {
                continue;
            }
            if (!Files.exists(path)) {
                getLog().debug("Headroom: classpath element does not exist, left out: " + path);
                continue;
            }
            libraries.add(path);
        }
        return libraries;
    }

    private List<Path> existingSourceRoots() {
        return nonNull(compileSourceRoots).stream().map(Path::of).filter(Files::isDirectory).toList();
    }

    private static boolean holdsFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException | UncheckedIOException e) {
            return true; // cannot tell: better an error that names the directory than a silent skip
        }
    }

    /** The cost model as a file relative to the module's directory, when it names one. */
    private Optional<Path> costModelFile() {
        try {
            Path file = Path.of(costModel);
            Path resolved = file.isAbsolute() || basedir == null ? file : basedir.toPath().resolve(file);
            return Files.isRegularFile(resolved) ? Optional.of(resolved) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** A shared option's name as a user property of the plugin: {@code headroom.ramBudget} for RAM_BUDGET. */
    static String parameterName(ConfigOptions.Option option) {
        return "headroom." + switch (option) {
            case DISPATCH -> "dispatch";
            case FAIL_ON -> "failOn";
            case COLD_PATHS -> "coldPaths";
            case ASSERTIONS -> "assertions";
            case TIMING_EXCEPTIONS -> "timingExceptions";
            case GROUP_BY -> "groupBy";
            case MAX_FINDINGS -> "maxFindings";
            case THREADS -> "threads";
            case RAM_BUDGET -> "ramBudget";
            case STACK_BUDGET -> "stackBudget";
            case LAYOUT -> "layout";
            case COST_MODEL -> "costModel";
            case ROOT -> "roots";
            case INTERRUPT_ROOT -> "interruptRoots";
            case INIT_ROOT -> "initRoots";
            case ROOT_ANNOTATION -> "rootAnnotations";
            case RULE -> "rules";
            case EXCLUDE -> "excludes";
        };
    }

    private static void requireFile(String parameter, File file) throws MojoExecutionException {
        if (!file.exists()) {
            throw new MojoExecutionException(parameter + " file not found: " + file);
        }
        if (!file.isFile()) {
            throw new MojoExecutionException(parameter + " is not a file: " + file);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
