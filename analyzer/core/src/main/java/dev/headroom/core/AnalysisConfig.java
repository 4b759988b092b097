package dev.headroom.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one analysis needs, built by a front end from its options. Front ends share this one
 * object and call {@link Headroom#analyze}; they hold no analysis logic.
 */
public final class AnalysisConfig {
    /**
     * The most threads worth using: the analysis thread and one beside it (the path analysis beside the memory and
     * timing analyses, the throw sites' listing beside the loop search, a report file's writing beside its making).
     * For a moment a run may have three: the path analysis may still run when the throw sites are listed.
     */
    public static final int MOST_USEFUL_THREADS = 2;

    private final List<Path> inputs;
    private final List<Path> classpath;
    private final Path jdkHome;
    private final List<String> rootPatterns;
    private final List<String> interruptRootPatterns;
    private final List<String> initRootPatterns;
    private final List<String> rootAnnotations;
    private final List<String> excludes;
    private final RuleLevels ruleLevels;
    private final List<Path> rulePacks;
    private final List<Path> sourceRoots;
    private final DispatchPolicy dispatch;
    private final FailOn failOn;
    private final int maxFindings;
    private final int threads;
    private final ColdPathPolicy coldPaths;
    private final AssertionPolicy assertions;
    private final TimingExceptions timingExceptions;
    private final FindingGrouping grouping;
    private final Long ramBudget;
    private final Long stackBudget;
    private final String layout;
    private final String costModel;
    private final Path flowFacts;
    private final Path baseline;
    private final Path writeBaseline;
    private final boolean allowNoRoots;
    private final Path cacheDir;

    private AnalysisConfig(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.classpath = List.copyOf(b.classpath);
        this.jdkHome = b.jdkHome;
        this.rootPatterns = List.copyOf(b.rootPatterns);
        this.interruptRootPatterns = List.copyOf(b.interruptRootPatterns);
        this.initRootPatterns = List.copyOf(b.initRootPatterns);
        this.rootAnnotations = List.copyOf(b.rootAnnotations);
        this.excludes = List.copyOf(b.excludes);
        this.ruleLevels = b.ruleLevels;
        this.rulePacks = List.copyOf(b.rulePacks);
        this.sourceRoots = List.copyOf(b.sourceRoots);
        this.dispatch = b.dispatch;
        this.failOn = b.failOn;
        this.maxFindings = b.maxFindings;
        this.threads = b.threads;
        this.coldPaths = b.coldPaths;
        this.assertions = b.assertions;
        this.timingExceptions = b.timingExceptions;
        this.grouping = b.grouping;
        this.ramBudget = b.ramBudget;
        this.stackBudget = b.stackBudget;
        this.layout = b.layout;
        this.costModel = b.costModel;
        this.flowFacts = b.flowFacts;
        this.baseline = b.baseline;
        this.writeBaseline = b.writeBaseline;
        this.allowNoRoots = b.allowNoRoots;
        this.cacheDir = b.cacheDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Class directories and jars whose classes are the program: roots are found here, findings reported here. */
    public List<Path> inputs() {
        return inputs;
    }

    /** Library directories and jars: analysed when called, never roots. */
    public List<Path> classpath() {
        return classpath;
    }

    /** The Java home whose class library is analysed, or null for the running JDK. */
    public Path jdkHome() {
        return jdkHome;
    }

    public List<String> rootPatterns() {
        return rootPatterns;
    }

    public List<String> interruptRootPatterns() {
        return interruptRootPatterns;
    }

    /** {@code --init-root} patterns: start-up methods whose allocations the memory budget counts. */
    public List<String> initRootPatterns() {
        return initRootPatterns;
    }

    /** Binary names of annotations that make a method a real-time root. */
    public List<String> rootAnnotations() {
        return rootAnnotations;
    }

    /**
     * {@code --exclude} patterns: classes ({@code com.acme.generated.**}) read as libraries, not inputs;
     * methods ({@code com.acme.Motor#dump}) that are never roots.
     */
    public List<String> excludes() {
        return excludes;
    }

    /** The levels {@code --rule} sets: the severity of each rule's findings, or off. */
    public RuleLevels ruleLevels() {
        return ruleLevels;
    }

    /** Extra rule packs, applied after (and taking precedence over) the bundled ones. */
    public List<Path> rulePacks() {
        return rulePacks;
    }

    public List<Path> sourceRoots() {
        return sourceRoots;
    }

    public DispatchPolicy dispatch() {
        return dispatch;
    }

    public FailOn failOn() {
        return failOn;
    }

    /** Fail only when more than this many findings are at or above {@link #failOn()}; 0 by default. */
    public int maxFindings() {
        return maxFindings;
    }

    /**
     * How many threads the analyses may use; the reports are the same for any number. With two or more, work that
     * needs neither the other's results nor its order runs beside (see {@link #MOST_USEFUL_THREADS}: for a moment
     * three may run, any number above one being the same). By default the machine's processors, at most
     * {@link #MOST_USEFUL_THREADS}.
     */
    public int threads() {
        return threads;
    }

    /** Whether work runs on a second thread beside the analysis thread: two threads or more ({@link #threads()}). */
    public boolean besideThread() {
        return threads > 1;
    }

    public ColdPathPolicy coldPaths() {
        return coldPaths;
    }

    /** Whether the program runs with assertions on; disabled by default, which makes assert code cold. */
    public AssertionPolicy assertions() {
        return assertions;
    }

    /** Whether a root's bound covers its exceptional exits too; excluded by default. */
    public TimingExceptions timingExceptions() {
        return timingExceptions;
    }

    public FindingGrouping grouping() {
        return grouping;
    }

    /** The RAM budget for the static footprint in bytes, or null for none. */
    public Long ramBudget() {
        return ramBudget;
    }

    /** The worst-case stack budget per root in bytes, or null for none. */
    public Long stackBudget() {
        return stackBudget;
    }

    /** The object-layout model: {@code hotspot-coops} (default), {@code hotspot-nocoops}, {@code hotspot-compact}, {@code jvm32}. */
    public String layout() {
        return layout;
    }

    /** The cost model: a bundled name ({@code unit}, the default) or the path of a cost-model JSON file. */
    public String costModel() {
        return costModel;
    }

    /** The flow-facts file (loop bounds, cost assumptions), or null. */
    public Path flowFacts() {
        return flowFacts;
    }

    /**
     * Where what is computed the same in every run is kept for the next ones ({@code --cache-dir}), or null for
     * no cache (the default of the API; the command line and the plugin default to the user's cache directory).
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The baseline whose findings are accepted and whose budgets ratchet ({@code --baseline}), or null. */
    public Path baseline() {
        return baseline;
    }

    /** Where today's findings and budgets are recorded as a baseline ({@code --write-baseline}), or null. */
    public Path writeBaseline() {
        return writeBaseline;
    }

    /**
     * Whether a run that checks nothing (no readable class in the inputs, or no root and no RAM budget)
     * passes; false by default: then it is a {@link NothingToCheckException}.
     */
    public boolean allowNoRoots() {
        return allowNoRoots;
    }

    public static final class Builder {
        private final List<Path> inputs = new ArrayList<>();
        private final List<Path> classpath = new ArrayList<>();
        private Path jdkHome;
        private final List<String> rootPatterns = new ArrayList<>();
        private final List<String> interruptRootPatterns = new ArrayList<>();
        private final List<String> initRootPatterns = new ArrayList<>();
        private final List<String> rootAnnotations = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private RuleLevels ruleLevels = RuleLevels.none();
        private final List<Path> rulePacks = new ArrayList<>();
        private final List<Path> sourceRoots = new ArrayList<>();
        private DispatchPolicy dispatch = DispatchPolicy.VTA;
        private FailOn failOn = FailOn.ERROR;
        private int maxFindings = 0;
        private int threads = Math.min(MOST_USEFUL_THREADS, Runtime.getRuntime().availableProcessors());
        private ColdPathPolicy coldPaths = ColdPathPolicy.WARNING;
        private AssertionPolicy assertions = AssertionPolicy.DISABLED;
        private TimingExceptions timingExceptions = TimingExceptions.EXCLUDE;
        private FindingGrouping grouping = FindingGrouping.ROOT;
        private Long ramBudget;
        private Long stackBudget;
        private String layout = "hotspot-coops";
        private String costModel = "unit";
        private Path flowFacts;
        private Path baseline;
        private Path writeBaseline;
        private boolean allowNoRoots;
        private Path cacheDir;

        private Builder() {
        }

        public Builder addInput(Path path) {
            inputs.add(Objects.requireNonNull(path));
            return this;
        }

        public Builder addInputs(List<Path> paths) {
            paths.forEach(this::addInput);
            return this;
        }

        public Builder addClasspath(Path path) {
            classpath.add(Objects.requireNonNull(path));
            return this;
        }

        public Builder addClasspath(List<Path> paths) {
            paths.forEach(this::addClasspath);
            return this;
        }

        public Builder jdkHome(Path home) {
            this.jdkHome = home;
            return this;
        }

        public Builder addRootPattern(String pattern) {
            rootPatterns.add(Objects.requireNonNull(pattern));
            return this;
        }

        public Builder addInterruptRootPattern(String pattern) {
            interruptRootPatterns.add(Objects.requireNonNull(pattern));
            return this;
        }

        public Builder addInitRootPattern(String pattern) {
            initRootPatterns.add(Objects.requireNonNull(pattern));
            return this;
        }

        public Builder addRootAnnotation(String binaryName) {
            rootAnnotations.add(Objects.requireNonNull(binaryName));
            return this;
        }

        public Builder addExclude(String pattern) {
            excludes.add(Objects.requireNonNull(pattern));
            return this;
        }

        public Builder ruleLevels(RuleLevels levels) {
            this.ruleLevels = Objects.requireNonNull(levels);
            return this;
        }

        public Builder addRulePack(Path path) {
            rulePacks.add(Objects.requireNonNull(path));
            return this;
        }

        public Builder addSourceRoot(Path path) {
            sourceRoots.add(Objects.requireNonNull(path));
            return this;
        }

        public Builder dispatch(DispatchPolicy policy) {
            this.dispatch = Objects.requireNonNull(policy);
            return this;
        }

        public Builder failOn(FailOn level) {
            this.failOn = Objects.requireNonNull(level);
            return this;
        }

        public Builder maxFindings(int max) {
            if (max < 0) {
                throw new ConfigurationException("--max-findings must be 0 or more, not " + max);
            }
            this.maxFindings = max;
            return this;
        }

        public Builder threads(int count) {
            if (count < 1) {
                throw new ConfigurationException("--threads must be 1 or more, not " + count);
            }
            this.threads = count;
            return this;
        }

        public Builder coldPaths(ColdPathPolicy policy) {
            this.coldPaths = Objects.requireNonNull(policy);
            return this;
        }

        public Builder assertions(AssertionPolicy policy) {
            this.assertions = Objects.requireNonNull(policy);
            return this;
        }

        public Builder timingExceptions(TimingExceptions policy) {
            this.timingExceptions = Objects.requireNonNull(policy);
            return this;
        }

        public Builder grouping(FindingGrouping grouping) {
            this.grouping = Objects.requireNonNull(grouping);
            return this;
        }

        public Builder ramBudget(long bytes) {
            this.ramBudget = bytes;
            return this;
        }

        public Builder stackBudget(long bytes) {
            this.stackBudget = bytes;
            return this;
        }

        public Builder layout(String layout) {
            this.layout = Objects.requireNonNull(layout);
            return this;
        }

        public Builder costModel(String costModel) {
            this.costModel = Objects.requireNonNull(costModel);
            return this;
        }

        public Builder flowFacts(Path file) {
            this.flowFacts = Objects.requireNonNull(file);
            return this;
        }

        /** The cache directory, or null for none. */
        public Builder cacheDir(Path directory) {
            this.cacheDir = directory;
            return this;
        }

        public Builder baseline(Path file) {
            this.baseline = Objects.requireNonNull(file);
            return this;
        }

        public Builder writeBaseline(Path file) {
            this.writeBaseline = Objects.requireNonNull(file);
            return this;
        }

        public Builder allowNoRoots(boolean allow) {
            this.allowNoRoots = allow;
            return this;
        }

        public AnalysisConfig build() {
            if (inputs.isEmpty()) {
                throw new ConfigurationException("no input: name at least one class directory or jar to check");
            }
            return new AnalysisConfig(this);
        }
    }
}
