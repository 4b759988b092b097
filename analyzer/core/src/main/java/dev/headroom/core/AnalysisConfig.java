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
    private final List<Path> inputs;
    private final List<Path> classpath;
    private final Path jdkHome;
    private final List<String> rootPatterns;
    private final List<String> interruptRootPatterns;
    private final List<String> rootAnnotations;
    private final List<Path> rulePacks;
    private final List<Path> sourceRoots;
    private final DispatchPolicy dispatch;
    private final FailOn failOn;
    private final int maxFindings;
    private final ColdPathPolicy coldPaths;
    private final FindingGrouping grouping;

    private AnalysisConfig(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.classpath = List.copyOf(b.classpath);
        this.jdkHome = b.jdkHome;
        this.rootPatterns = List.copyOf(b.rootPatterns);
        this.interruptRootPatterns = List.copyOf(b.interruptRootPatterns);
        this.rootAnnotations = List.copyOf(b.rootAnnotations);
        this.rulePacks = List.copyOf(b.rulePacks);
        this.sourceRoots = List.copyOf(b.sourceRoots);
        this.dispatch = b.dispatch;
        this.failOn = b.failOn;
        this.maxFindings = b.maxFindings;
        this.coldPaths = b.coldPaths;
        this.grouping = b.grouping;
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

    /** Binary names of annotations that make a method a real-time root. */
    public List<String> rootAnnotations() {
        return rootAnnotations;
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

    public ColdPathPolicy coldPaths() {
        return coldPaths;
    }

    public FindingGrouping grouping() {
        return grouping;
    }

    public static final class Builder {
        private final List<Path> inputs = new ArrayList<>();
        private final List<Path> classpath = new ArrayList<>();
        private Path jdkHome;
        private final List<String> rootPatterns = new ArrayList<>();
        private final List<String> interruptRootPatterns = new ArrayList<>();
        private final List<String> rootAnnotations = new ArrayList<>();
        private final List<Path> rulePacks = new ArrayList<>();
        private final List<Path> sourceRoots = new ArrayList<>();
        private DispatchPolicy dispatch = DispatchPolicy.RTA;
        private FailOn failOn = FailOn.ERROR;
        private int maxFindings = 0;
        private ColdPathPolicy coldPaths = ColdPathPolicy.WARNING;
        private FindingGrouping grouping = FindingGrouping.ROOT;

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

        public Builder addRootAnnotation(String binaryName) {
            rootAnnotations.add(Objects.requireNonNull(binaryName));
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

        public Builder coldPaths(ColdPathPolicy policy) {
            this.coldPaths = Objects.requireNonNull(policy);
            return this;
        }

        public Builder grouping(FindingGrouping grouping) {
            this.grouping = Objects.requireNonNull(grouping);
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
