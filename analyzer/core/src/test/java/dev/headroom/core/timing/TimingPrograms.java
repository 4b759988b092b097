package dev.headroom.core.timing;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.TimingExceptions;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.CallGraphBuilder;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.memory.Layouts;
import dev.headroom.core.memory.MemoryAnalysis;
import dev.headroom.core.roots.RootFinder;
import dev.headroom.core.rules.RuleBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the timing analysis on the compiled classes of one test-target package, as a program of its own. */
final class TimingPrograms {
    static final Path TEST_CLASSES = Path.of("target/test-classes");
    private static RuleBook rules;

    /** The analysed program: keep it open while asking the analysis about methods. */
    record Program(ClassRepository classes, Hierarchy hierarchy, List<RootFinder.Found> roots, CallGraph graph,
                   TimingAnalysis analysis, TimingResult result) implements AutoCloseable {
        @Override
        public void close() {
            classes.close();
        }
    }

    private TimingPrograms() {
    }

    /** Copies the classes of a package folder ({@code dev/headroom/...}) into target and analyses them. */
    static Program analyze(String packageDir, Path target, CostModel model, FlowFacts facts) {
        copyPackage(packageDir, target);
        return analyzeInputs(target, model, facts);
    }

    /** Analyses a package's classes with the throw paths bounded too ({@code --timing-exceptions include}). */
    static Program analyze(String packageDir, Path target, CostModel model, FlowFacts facts,
                           TimingExceptions exceptions) {
        copyPackage(packageDir, target);
        return analyzeInputs(target, model, facts, exceptions);
    }

    static Program analyzeInputs(Path inputs, CostModel model, FlowFacts facts) {
        return analyzeInputs(inputs, model, facts, TimingExceptions.EXCLUDE);
    }

    static Program analyzeInputs(Path inputs, CostModel model, FlowFacts facts, TimingExceptions exceptions) {
        return analyzeInputs(inputs, List.of(), model, facts, exceptions);
    }

    /** Analyses the inputs with libraries on the classpath (their code is analysed where the roots call it). */
    static Program analyzeInputs(Path inputs, List<Path> classpath, CostModel model, FlowFacts facts,
                                 TimingExceptions exceptions) {
        ClassRepository classes = ClassRepository.open(List.of(inputs), classpath, null, AnalysisListener.SILENT);
        FlowFactsCheck.check(facts, "flow facts: ", classes); // as the analysis run checks them
        List<RootFinder.Found> roots = RootFinder.find(classes, List.of(), List.of(), List.of(), AnalysisListener.SILENT);
        Hierarchy hierarchy = new Hierarchy(classes);
        CallGraph graph = new CallGraphBuilder(hierarchy, rules(), DispatchPolicy.RTA)
                .build(roots.stream().map(RootFinder.Found::method).toList());
        // What the static initialisers build, as a run does: capacities fixed there bound loops.
        MemoryAnalysis statics = new MemoryAnalysis(classes, hierarchy, rules(), Layouts.byName("hotspot-coops"));
        statics.analyze(null);
        TimingAnalysis analysis = new TimingAnalysis(graph, hierarchy, model, facts, false, exceptions,
                statics.staticObjects());
        TimingResult result = analysis.analyze(roots, false);
        return new Program(classes, hierarchy, roots, graph, analysis, result);
    }

    private static synchronized RuleBook rules() {
        if (rules == null) {
            rules = RuleBook.loadBundled();
        }
        return rules;
    }

    static void copyPackage(String packageDir, Path target) {
        Path from = TEST_CLASSES.resolve(packageDir);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                Path copy = target.resolve(packageDir).resolve(f.getFileName().toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
