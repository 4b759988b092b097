package dev.headroom.core.internal;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.AssertionPolicy;
import dev.headroom.core.ColdPathPolicy;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.FindingGrouping;
import dev.headroom.core.Headroom;
import dev.headroom.core.NothingToCheckException;
import dev.headroom.core.OutOfMemory;
import dev.headroom.core.baseline.Baseline;
import dev.headroom.core.baseline.BaselineCheck;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.CallGraphBuilder;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.callgraph.JdkScans;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.memory.Layout;
import dev.headroom.core.memory.Layouts;
import dev.headroom.core.memory.MemoryAnalysis;
import dev.headroom.core.memory.MemoryFinding;
import dev.headroom.core.memory.MemoryResult;
import dev.headroom.core.memory.StackAnalysis;
import dev.headroom.core.memory.StackResult;
import dev.headroom.core.memory.StaticScope;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.BaselineReport;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.threads.Beside;
import dev.headroom.core.timing.CostModel;
import dev.headroom.core.timing.CostModels;
import dev.headroom.core.timing.FlowFacts;
import dev.headroom.core.timing.FlowFactsCheck;
import dev.headroom.core.timing.SolvedPrograms;
import dev.headroom.core.timing.TimingAnalysis;
import dev.headroom.core.timing.TimingFinding;
import dev.headroom.core.timing.TimingResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootKind;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.Verdict;
import dev.headroom.core.paths.PathAnalysis;
import dev.headroom.core.paths.PathFinding;
import dev.headroom.core.paths.Suppressions;
import dev.headroom.core.roots.Exclusions;
import dev.headroom.core.roots.InitializerFinder;
import dev.headroom.core.roots.RootFinder;
import dev.headroom.core.rules.RuleBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One analysis from configuration to result: load, find roots, build the call graph, check the paths. */
public final class AnalysisRun {
    /** Above this many roots, grouping by root is slow and its report long: the user is told of the other. */
    static final int MANY_ROOTS = 500;
    /** Ends the message of a finding on a cold path. */
    private static final String COLD_SUFFIX = " (on a path that only throws)";

    private final AnalysisConfig config;
    private final AnalysisListener listener;

    public AnalysisRun(AnalysisConfig config, AnalysisListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public AnalysisResult run() {
        RuleBook rules = RuleBook.load(config.rulePacks());
        Layout layout = Layouts.byName(config.layout());
        CostModel costModel = CostModels.load(config.costModel());
        FlowFacts flowFacts = config.flowFacts() == null ? FlowFacts.none() : FlowFacts.load(config.flowFacts());
        if (config.flowFacts() != null && flowFacts.isEmpty()) {
            // Valid by the format (every key is optional), but a file that bounds nothing is a mistake as a rule.
            listener.warning(FlowFacts.prefix(config.flowFacts()) + "no loops, blocks, exclusions or costs; the file bounds nothing");
        }
        if (config.dispatch() == DispatchPolicy.CHA) {
            // Measured on the 10-class telemetry sample: 128,152 methods in 25,484 classes, 78 s in a 4 GiB heap.
            listener.warning("--dispatch cha makes every concrete class of the JDK a receiver, so most of the JDK is"
                    + " followed: expect minutes and 4 GiB of heap even for a few classes (HEADROOM_OPTS=-Xmx4g with"
                    + " bin/headroom, java -Xmx4g -jar headroom.jar); vta, the default, or rta follow what the program creates");
        }
        Baseline baseline = BaselineCheck.load(config);
        Exclusions excluded = Exclusions.parse("--exclude", config.excludes());
        try (ClassRepository classes = ClassRepository.open(config.inputs(), config.classpath(), config.jdkHome(),
                excluded::excludesClass, listener)) {
            if (config.flowFacts() != null) {
                FlowFactsCheck.check(flowFacts, config.flowFacts(), classes);
            }
            listener.progress("finding roots in " + classes.inputClassNames().size() + " input classes");
            Hierarchy hierarchy = new Hierarchy(classes);
            List<RootFinder.Found> roots = roots(classes, hierarchy, rules, excluded);
            List<Hierarchy.Declared> initializers = InitializerFinder.find(classes, hierarchy, config.initRootPatterns());
            listener.progress("building the call graph from " + roots.size() + " roots (" + config.dispatch().id() + ")");
            boolean assertions = config.assertions() == AssertionPolicy.ENABLED;
            CallGraph graph = callGraph(classes, hierarchy, rules, roots.stream().map(RootFinder.Found::method).toList(),
                    assertions);
            SourcePaths sources = new SourcePaths(config.sourceRoots());
            Suppressions suppressions = new Suppressions(classes);

            // The path analysis reads only the call graph, which nothing changes now: with a second thread it runs
            // there while the memory and timing analyses run here. Its findings come first, as with one thread.
            List<Finding> findings = new ArrayList<>();
            List<Finding> memoryFindings = new ArrayList<>();
            MemoryReport memory;
            TimingResult timing;
            try (Beside<List<PathResult>> paths = Beside.start(config.besideThread(), "headroom-paths",
                    () -> pathResults(graph, roots))) {
                MemoryAnalysis statics = new MemoryAnalysis(classes, hierarchy, rules, layout);
                memory = memory(statics, classes, hierarchy, graph, roots, initializers, sources, suppressions,
                        memoryFindings);
                listener.progress("bounding the worst-case cost of " + roots.size() + " roots (" + costModel.name() + ")");
                SolvedPrograms programs = config.cacheDir() == null ? SolvedPrograms.inMemory()
                        : SolvedPrograms.in(config.cacheDir());
                timing = new TimingAnalysis(graph, hierarchy, costModel, flowFacts, assertions,
                        config.timingExceptions(), statics.staticObjects()).solvedPrograms(programs)
                        .twoThreads(config.besideThread()).analyze(roots, config.grouping() == FindingGrouping.LOCATION);
                programs.save();
                for (PathResult r : paths.get()) {
                    findings.add(toFinding(r.finding(), r.severity(), r.roots(), classes, sources, suppressions));
                }
            } catch (OutOfMemoryError e) {
                // With two analyses at once, their state held together: the message then names one thread too.
                throw config.besideThread() ? new OutOfMemory.WithTwoAnalyses(e) : e;
            }
            findings.addAll(memoryFindings);
            List<Finding> timingFindings = new ArrayList<>();
            for (TimingFinding f : timing.findings()) {
                Optional<Severity> severity = severity(f.rule(), f.rule().defaultSeverity(), f.cold());
                if (severity.isPresent()) {
                    timingFindings.add(timingFinding(f, severity.get(), classes, sources, suppressions));
                }
            }
            findings.addAll(timingFindings);
            for (Suppressions.Unused u : suppressions.unused()) {
                // A suppression of a rule that is off has nothing to suppress, and is not stale for that.
                boolean ofRuleOff = Rule.byId(u.ruleId()).map(config.ruleLevels()::isOff).orElse(false);
                Optional<Severity> severity = severity(Rule.UNUSED_SUPPRESSION,
                        Rule.UNUSED_SUPPRESSION.defaultSeverity(), false);
                if (!ofRuleOff && severity.isPresent()) {
                    findings.add(unusedSuppression(u, severity.get(), sources));
                }
            }
            findings.sort(null);
            findings = oncePerLine(findings);
            BaselineCheck.Outcome baselined = BaselineCheck.apply(config, baseline, Headroom.VERSION, findings, memory,
                    timing.report(), m -> classes.find(m.internalClassName())
                            .map(c -> sources.path(m.internalClassName(), c.sourceFile())).orElse(null));
            List<Root> rootList = roots.stream().map(RootFinder.Found::root)
                    .map(r -> r.withRules(config.ruleLevels().rootRules(r.kind()))).sorted().toList();
            return result(baselined.findings(), rootList, classes.parsedCount(), graph.size(), classes, memory,
                    UncheckedLimits.timing(timing.report(), config.ruleLevels()), baselined.report());
        }
    }

    /**
     * The program's call graph, with the scans of the JDK's methods from the cache directory when there is one; built
     * again without them when a library's class turned out to change what the JDK's code refers to.
     */
    private CallGraph callGraph(ClassRepository classes, Hierarchy hierarchy, RuleBook rules, List<Hierarchy.Declared> roots,
                                boolean assertions) {
        JdkScans jdkScans = config.cacheDir() == null ? JdkScans.none() : JdkScans.in(config.cacheDir(), classes);
        CallGraph graph;
        boolean withScans = true;
        try {
            graph = new CallGraphBuilder(hierarchy, rules, config.dispatch()).assertions(assertions).jdkScans(jdkScans)
                    .build(roots);
            if (jdkScans.usedWhileShadowed()) {
                graph = new CallGraphBuilder(hierarchy, rules, config.dispatch()).assertions(assertions).build(roots);
                withScans = false; // the graph that counts was built without them: their counts are not its
            }
            jdkScans.save();
        } finally {
            jdkScans.close();
        }
        listener.progress("checking " + graph.size() + " methods"
                + (!withScans || jdkScans.readCount() + jdkScans.scannedCount() == 0 ? ""
                        : " (java.base methods: " + jdkScans.readCount() + " from the cache, " + jdkScans.scannedCount()
                          + " scanned)"));
        return graph;
    }

    /** The roots; what the search found besides (a name per root, the patterns' counts) is dropped on return. */
    private List<RootFinder.Found> roots(ClassRepository classes, Hierarchy hierarchy, RuleBook rules,
                                        Exclusions excluded) {
        RootFinder.Search search = RootFinder.search(classes, hierarchy, config.rootPatterns(),
                config.interruptRootPatterns(), config.rootAnnotations(), rules.rootAnnotations(),
                excluded, listener);
        if (!config.allowNoRoots()) {
            Optional<NothingToCheckException> nothing = NothingChecked.of(classes, search, config);
            if (nothing.isPresent()) {
                throw nothing.get();
            }
        }
        if (!search.unmatched().isEmpty()) {
            throw new ConfigurationException(String.join("; ", search.unmatched()));
        }
        if (config.grouping() == FindingGrouping.ROOT && search.roots().size() > MANY_ROOTS) {
            listener.warning(search.roots().size() + " roots, each walked and reported separately: the report repeats a"
                    + " line for every root that reaches it; --group-by location reports each line once, with the"
                    + " number of roots, and walks them together");
        }
        return search.roots();
    }

    /**
     * The findings on the roots' paths, before they are made into the report's (which reads the classes, so is done
     * on the analysis thread). With one thread the path analysis's state (a step per call, the local events of every
     * method) is dropped before the timing analysis builds its own; with two they are held at once, which the
     * benchmarks measure in a 1 GiB heap.
     */
    private List<PathResult> pathResults(CallGraph graph, List<RootFinder.Found> roots) {
        PathAnalysis paths = new PathAnalysis(graph);
        List<PathResult> results = config.grouping() == FindingGrouping.ROOT ? pathResultsByRoot(paths, roots)
                : pathResultsByLocation(paths, roots);
        for (PathResult r : results) {
            r.finding().callChain(); // made now: the chains are made from the analysis's state, which can then go
        }
        return results;
    }

    /** A finding of the path analysis with its severity and the number of roots that have it. */
    private record PathResult(PathFinding finding, Severity severity, int roots) {
    }

    /** One finding per rule and line of a user method, when grouping by location. */
    private record LocationKey(Rule rule, MethodRef location, int line) {
    }

    /** The finding that represents a location, and how many roots reach it. */
    private record Merged(PathFinding finding, Severity severity, int roots) {
        /** Of one kind's findings at one line (copies of an inherited method), which count the same roots. */
        static Merged betterCopy(Merged a, Merged b) {
            return choose(a, b, Math.max(a.roots, b.roots));
        }

        /** Of two kinds' findings at one line, which count different roots. */
        static Merged better(Merged a, Merged b) {
            return choose(a, b, a.roots + b.roots);
        }

        /** The more severe, then the hot one, then the shorter chain; the first root on a tie. */
        private static Merged choose(Merged a, Merged b, int total) {
            boolean takeB = b.severity.ordinal() < a.severity.ordinal()
                    || (b.severity == a.severity && a.finding.cold() && !b.finding.cold())
                    || (b.severity == a.severity && a.finding.cold() == b.finding.cold()
                        && b.finding.chainLength() < a.finding.chainLength());
            Merged best = takeB ? b : a;
            return new Merged(best.finding, best.severity, total);
        }
    }

    /** One finding per rule, location and root. */
    private List<PathResult> pathResultsByRoot(PathAnalysis paths, List<RootFinder.Found> roots) {
        List<PathResult> results = new ArrayList<>();
        for (RootFinder.Found found : roots) {
            for (PathFinding f : paths.findingsFor(found.method().ref())) {
                severity(f, found.root().kind()).ifPresent(severity -> results.add(new PathResult(f, severity, 1)));
            }
        }
        return results;
    }

    /**
     * One finding per rule and location, with the number of roots that have it: the roots of one kind share
     * their severities, so each kind's roots are walked at once; then the kinds are merged, the more severe
     * finding first.
     */
    private List<PathResult> pathResultsByLocation(PathAnalysis paths, List<RootFinder.Found> roots) {
        Map<LocationKey, Merged> byLocation = new LinkedHashMap<>();
        for (RootKind kind : RootKind.values()) {
            List<MethodRef> ofKind = roots.stream().filter(r -> r.root().kind() == kind)
                    .map(r -> r.method().ref()).toList();
            Map<LocationKey, Merged> ofThisKind = new LinkedHashMap<>();
            for (PathAnalysis.Reached reached : paths.findingsForAll(ofKind)) {
                PathFinding f = reached.finding();
                Optional<Severity> severity = severity(f, kind);
                int count = rootCount(reached.hotRoots(), reached.roots());
                if (severity.isPresent() && count > 0) {
                    ofThisKind.merge(new LocationKey(f.rule(), f.location().declared(), f.line()),
                            new Merged(f, severity.get(), count), Merged::betterCopy);
                }
            }
            ofThisKind.forEach((line, merged) -> byLocation.merge(line, merged, Merged::better));
        }
        List<PathResult> results = new ArrayList<>();
        for (Merged m : byLocation.values()) {
            results.add(new PathResult(m.finding(), m.severity(), m.roots()));
        }
        return results;
    }

    /**
     * An inherited method reached with receivers of several classes is in the call graph once per class
     * (see {@code MethodRef#receiver}): a root that reaches two copies has the line once, the first in
     * report order (hot before cold).
     */
    private static List<Finding> oncePerLine(List<Finding> sorted) {
        Map<List<Object>, Finding> once = new LinkedHashMap<>();
        for (Finding f : sorted) {
            once.putIfAbsent(java.util.Arrays.asList(f.rule(), f.location(), f.root()), f);
        }
        return once.size() == sorted.size() ? sorted : new ArrayList<>(once.values());
    }

    /** The severity of a finding on a root of this kind; empty when it is not reported. */
    private Optional<Severity> severity(PathFinding f, RootKind kind) {
        return severity(f.rule(), kind.severity(f.rule()), f.cold());
    }

    /**
     * Where every finding gets its severity: the rule's own ({@code natural}), unless {@code --rule} sets
     * its level, then lowered on a cold path by the cold-path policy. Empty when the rule is off or cold
     * findings are ignored.
     */
    private Optional<Severity> severity(Rule rule, Severity natural, boolean cold) {
        Optional<Severity> configured = config.ruleLevels().severity(rule, natural);
        if (configured.isEmpty()) {
            return configured;
        }
        Severity severity = configured.get();
        if (cold) {
            if (config.coldPaths() == ColdPathPolicy.IGNORE) {
                return Optional.empty();
            }
            if (config.coldPaths() == ColdPathPolicy.WARNING) {
                severity = Severity.WARNING;
            }
        }
        return Optional.of(severity);
    }

    private Finding toFinding(PathFinding f, Severity severity, int rootCount, ClassRepository classes,
                              SourcePaths sources, Suppressions suppressions) {
        MethodRef where = f.location();
        String file = classes.find(where.owner()).map(c -> sources.path(where.owner(), c.sourceFile())).orElse(null);
        Optional<Suppressions.Declared> suppressed = suppressions.match(f.rule(), where);
        String message = f.cold() ? f.message() + COLD_SUFFIX : f.message();
        return new Finding(f.rule(), severity, message,
                f.remedy() != null ? f.remedy() : f.rule().remedy(),
                suppressed.isPresent(), suppressed.map(Suppressions.Declared::reason).orElse(null),
                new Location(where.toId(), file, f.line()), f.root().toId(), f.callChain(), f.cold(), rootCount);
    }

    private static Finding unusedSuppression(Suppressions.Unused u, Severity severity, SourcePaths sources) {
        Location at = u.suppression().location();
        String owner = at.method().internalClassName();
        Location located = new Location(at.method(), sources.path(owner, at.file()), at.line());
        String where = at.method().name().isEmpty() ? "type " + at.method().className()
                : at.method().className() + "." + at.method().name();
        String message = u.unknownRule()
                ? "@Suppress on " + where + " names unknown rule '" + u.ruleId() + "'"
                : "@Suppress(\"" + u.ruleId() + "\") on " + where + " suppresses nothing";
        return new Finding(Rule.UNUSED_SUPPRESSION, severity, message,
                Rule.UNUSED_SUPPRESSION.remedy(), false, null, located, null, List.of(), false, 0);
    }

    /**
     * The static footprint against the RAM budget and the stack per root; their budget findings join the
     * others (suppressible like them, at the class's static initialiser or at the root).
     */
    private MemoryReport memory(MemoryAnalysis analysis, ClassRepository classes, Hierarchy hierarchy,
                                CallGraph graph, List<RootFinder.Found> roots, List<Hierarchy.Declared> initializers,
                                SourcePaths sources,
                                Suppressions suppressions, List<Finding> findings) {
        listener.progress("computing the static footprint (" + analysis.layout().name() + ")");
        // A RAM budget is about the whole program; without one, only the static state the roots use is judged.
        StaticScope scope = config.ramBudget() != null ? StaticScope.all() : StaticScope.usedBy(graph, hierarchy);
        MemoryResult statics = analysis.analyze(config.ramBudget(), scope, initializers);
        StackResult stack = new StackAnalysis(graph, analysis.layout())
                .analyze(roots.stream().map(r -> r.method().ref()).toList(), config.stackBudget());
        List<MemoryFinding> budgetFindings = new ArrayList<>(statics.findings());
        budgetFindings.addAll(stack.findings());
        for (MemoryFinding f : budgetFindings) {
            severity(f.rule(), f.rule().defaultSeverity(), false)
                    .ifPresent(severity -> findings.add(budgetFinding(f, severity, classes, sources, suppressions)));
        }
        return UncheckedLimits.memory(new MemoryReport(analysis.layout().name(), config.ramBudget(), statics.totalBytes(),
                statics.bounded(), statics.verdict(), statics.items(), stack.stack()), config.ruleLevels());
    }

    private static Finding budgetFinding(MemoryFinding f, Severity severity, ClassRepository classes,
                                         SourcePaths sources, Suppressions suppressions) {
        MethodRef where = f.location();
        String file = classes.find(where.owner()).map(c -> sources.path(where.owner(), c.sourceFile())).orElse(null);
        Optional<Suppressions.Declared> suppressed = suppressions.match(f.rule(), where);
        List<Frame> chain = f.root() == null ? List.of() : List.of(new Frame(f.root().toId(), f.line()));
        return new Finding(f.rule(), severity, f.message(), f.rule().remedy(),
                suppressed.isPresent(), suppressed.map(Suppressions.Declared::reason).orElse(null),
                new Location(where.toId(), file, f.line()), f.root() == null ? null : f.root().toId(), chain, false,
                f.root() == null ? 0 : 1);
    }

    private Finding timingFinding(TimingFinding f, Severity severity, ClassRepository classes,
                                  SourcePaths sources, Suppressions suppressions) {
        MethodRef where = f.location();
        String file = classes.find(where.owner()).map(c -> sources.path(where.owner(), c.sourceFile())).orElse(null);
        Optional<Suppressions.Declared> suppressed = suppressions.match(f.rule(), where);
        String message = f.cold() ? f.message() + COLD_SUFFIX : f.message();
        return new Finding(f.rule(), severity, message, f.rule().remedy(),
                suppressed.isPresent(), suppressed.map(Suppressions.Declared::reason).orElse(null),
                new Location(where.toId(), file, f.line()), f.root().toId(), f.callChain(), f.cold(),
                rootCount(f.hotRoots(), f.roots()));
    }

    /** The roots that have a finding: under --cold-paths ignore, a root that reaches it only on a cold path has none. */
    private int rootCount(int hotRoots, int roots) {
        return config.coldPaths() == ColdPathPolicy.IGNORE ? hotRoots : roots;
    }

    private AnalysisResult result(List<Finding> findings, List<Root> roots, int classCount, int methodCount,
                                  ClassRepository classes, MemoryReport memory, TimingReport timing,
                                  BaselineReport baseline) {
        int errors = 0;
        int warnings = 0;
        int suppressed = 0;
        int failing = 0;
        for (Finding f : findings) {
            if (f.suppressed()) {
                suppressed++;
                continue;
            }
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
            if (config.failOn().fails(f.severity())) {
                failing++;
            }
        }
        Verdict verdict = failing > config.maxFindings() ? Verdict.FAIL : Verdict.PASS;
        String reason = null;
        if (verdict == Verdict.FAIL) {
            String what = failing + (failing == 1 ? " finding" : " findings")
                    + (baseline != null && baseline.file() != null ? " not in the baseline" : "") + " at or above --fail-on " + config.failOn().id();
            reason = config.maxFindings() > 0 ? what + ", more than --max-findings " + config.maxFindings() : what;
        }
        Summary summary = new Summary(errors, warnings, suppressed, classCount, methodCount, roots.size());
        return new AnalysisResult(Headroom.VERSION, verdict, reason, config.dispatch().id(), summary, roots, findings,
                classes.problems().stream().sorted().toList(), memory, timing, baseline);
    }
}
