import com.sun.management.OperatingSystemMXBean;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.TimingExceptions;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.CallGraphBuilder;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.memory.Layouts;
import dev.headroom.core.memory.MemoryAnalysis;
import dev.headroom.core.memory.StaticScope;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.roots.Exclusions;
import dev.headroom.core.roots.InitializerFinder;
import dev.headroom.core.roots.RootFinder;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.threads.Beside;
import dev.headroom.core.timing.CostModel;
import dev.headroom.core.timing.CostModels;
import dev.headroom.core.timing.FlowFacts;
import dev.headroom.core.timing.SolvedPrograms;
import dev.headroom.core.timing.TimingAnalysis;
import dev.headroom.core.timing.TimingResult;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the IPET costs (issue 12): the timing analysis alone, with the IPET and with the longest path only
 * ({@code -Dheadroom.internal.ipet=off}, read by each {@code TimingAnalysis} when it is made), on one scenario of
 * run.sh. Everything before the timing analysis is built once, as {@code AnalysisRun} builds it for
 * {@code headroom check --group-by location} with the defaults (vta, unit cost model, hotspot-coops, no flow
 * facts, assertions disabled, throw paths excluded), on a thread with Headroom's 1 GiB stack; then a warm-up of
 * each mode and ROUNDS rounds (env, default 5) of both, the order turned round every other round, each after a
 * full collection. A run is a new TimingAnalysis and its analyze(roots, true).
 *
 * <p>Prints per mode the medians of wall time, of the analysing thread's CPU time, of the process's CPU time (GC
 * and JIT threads too) and of the collections' time, with the ratios IPET over longest path; the roots bounded,
 * the bounds the IPET tightened, the timing findings; and loudly any root whose IPET bound is above its longest
 * path or that is bounded in one mode only. Last, an untimed run with the IPET counts the integer programs solved
 * ({@code SolvedPrograms.solvedCount}: each distinct program once, as in a run without a cache).
 *
 * <p>Usage: java -Xmx3g -cp analyzer/cli/target/headroom.jar benchmarks/TimingPhase.java name --root 'p.**#*'
 * [--group-by location] input...
 */
public final class TimingPhase {
    private static final String SWITCH = "headroom.internal.ipet";

    public static void main(String[] args) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                measure(args);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "timing-phase", Beside.STACK_BYTES);
        worker.start();
        worker.join();
        if (failure[0] != null) {
            failure[0].printStackTrace();
            System.exit(1);
        }
    }

    private static void measure(String[] args) {
        String name = args[0];
        List<String> patterns = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--root")) {
                patterns.add(args[++i]);
            } else if (args[i].equals("--group-by") && args[i + 1].equals("location")) {
                i++; // what it always does: analyze(roots, true)
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("not an option of the timing phase: " + args[i]);
            } else {
                inputs.add(Path.of(args[i]));
            }
        }
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "5"));
        long start = System.nanoTime();
        RuleBook rules = RuleBook.loadBundled();
        CostModel costModel = CostModels.load(CostModels.DEFAULT);
        try (ClassRepository classes = ClassRepository.open(inputs, List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            List<RootFinder.Found> roots = RootFinder.search(classes, hierarchy, patterns, List.of(), List.of(),
                    rules.rootAnnotations(), Exclusions.none(), AnalysisListener.SILENT).roots();
            List<Hierarchy.Declared> initializers = InitializerFinder.find(classes, hierarchy, List.of());
            CallGraph graph = new CallGraphBuilder(hierarchy, rules, DispatchPolicy.VTA).assertions(false)
                    .build(roots.stream().map(RootFinder.Found::method).toList());
            MemoryAnalysis statics = new MemoryAnalysis(classes, hierarchy, rules, Layouts.defaultLayout());
            statics.analyze(null, StaticScope.usedBy(graph, hierarchy), initializers);
            System.out.printf("%s: %d roots, %d methods in the call graph, built in %.1f s; %d rounds%n", name,
                    roots.size(), graph.size(), (System.nanoTime() - start) / 1e9, rounds);

            // Per mode, per round: wall, the analysing thread's CPU, the process's CPU (all threads: GC and JIT
            // too), the collections' time.
            Map<Boolean, List<double[]>> samples = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
            Map<Boolean, TimingResult> results = new HashMap<>();
            Map<Boolean, List<Long>> firstBounds = new HashMap<>(); // each mode's bounds must be the same every run
            for (int round = -1; round < rounds; round++) { // round -1: the warm-up of each mode
                boolean ipetFirst = round % 2 == 0;
                for (boolean ipet : new boolean[] {ipetFirst, !ipetFirst}) {
                    results.remove(ipet); // the last result is not live while the next one is made
                    System.gc();
                    double[] before = clocks();
                    results.put(ipet, timing(ipet, graph, hierarchy, costModel, statics).analyze(roots, true));
                    double[] spent = clocks();
                    for (int i = 0; i < spent.length; i++) {
                        spent[i] -= before[i];
                    }
                    if (round >= 0) {
                        samples.get(ipet).add(spent);
                    }
                    List<Long> bounds = results.get(ipet).report().roots().stream()
                            .map(r -> r.bounded() ? r.wcet() : -1).toList();
                    if (!firstBounds.computeIfAbsent(ipet, k -> bounds).equals(bounds)) {
                        System.out.println("!!! THE BOUNDS " + (ipet ? "WITH THE IPET" : "OF THE LONGEST PATH")
                                + " DIFFER FROM THE FIRST RUN'S");
                    }
                    System.out.printf("  round %-7s %-13s %7.2f s, thread cpu %6.2f s, process cpu %6.2f s, gc %5.2f s%n",
                            round < 0 ? "warm-up" : String.valueOf(round + 1), ipet ? "IPET" : "longest path",
                            spent[0], spent[1], spent[2], spent[3]);
                }
            }
            compare(name, results.get(true), results.get(false), samples.get(true), samples.get(false));
            results.clear();

            System.gc();
            SolvedPrograms programs = SolvedPrograms.inMemory();
            timing(true, graph, hierarchy, costModel, statics).solvedPrograms(programs).analyze(roots, true);
            System.out.printf("  integer programs solved (an untimed run with the IPET): %,d%n", programs.solvedCount());
        }
    }

    /** A new timing analysis in one mode (the switch is read when it is made). */
    private static TimingAnalysis timing(boolean ipet, CallGraph graph, Hierarchy hierarchy, CostModel costModel,
                                         MemoryAnalysis statics) {
        System.setProperty(SWITCH, ipet ? "on" : "off");
        // As AnalysisRun: the static objects are made with the analysis (their answers are cached in them).
        return new TimingAnalysis(graph, hierarchy, costModel, FlowFacts.none(), false, TimingExceptions.EXCLUDE,
                statics.staticObjects());
    }

    /** Wall time, this thread's CPU time, the process's CPU time, the collections' time, in seconds. */
    private static double[] clocks() {
        long gc = 0;
        for (GarbageCollectorMXBean c : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, c.getCollectionTime());
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new double[] {System.nanoTime() / 1e9, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9,
                os.getProcessCpuTime() / 1e9, gc / 1e3};
    }

    private static void compare(String name, TimingResult on, TimingResult off, List<double[]> onSamples,
                                List<double[]> offSamples) {
        Map<MethodId, RootTiming> longest = new HashMap<>();
        off.report().roots().forEach(r -> longest.put(r.root(), r));
        int bounded = 0;
        int tightened = 0;
        List<String> violations = new ArrayList<>();
        for (RootTiming r : on.report().roots()) {
            RootTiming l = longest.get(r.root());
            if (l == null || l.bounded() != r.bounded()) {
                violations.add(r.root() + ": bounded with the IPET " + r.bounded() + ", with the longest path "
                        + (l == null ? "absent" : l.bounded()));
                continue;
            }
            if (!r.bounded()) {
                continue;
            }
            bounded++;
            if (r.wcet() > l.wcet()) {
                violations.add(r.root() + ": IPET " + r.wcet() + " above the longest path's " + l.wcet());
            } else if (r.wcet() < l.wcet()) {
                tightened++;
            }
        }
        if (on.report().roots().size() != off.report().roots().size()) {
            violations.add(on.report().roots().size() + " roots with the IPET, " + off.report().roots().size()
                    + " with the longest path");
        }
        System.out.printf("%-22s %-13s %7s %7s %6s%n", "scenario", "median of", "path", "IPET", "ratio");
        String[] what = {"wall s", "thread cpu s", "process cpu s", "gc s"};
        for (int i = 0; i < what.length; i++) {
            double offMedian = median(offSamples, i);
            double onMedian = median(onSamples, i);
            System.out.printf("%-22s %-13s %7.2f %7.2f %6.2f%n", i == 0 ? name : "", what[i], offMedian, onMedian,
                    onMedian / offMedian);
        }
        System.out.printf("%-22s roots %d, bounded %d, tightened by the IPET %d; timing findings %d (longest path %d)%n",
                "", on.report().roots().size(), bounded, tightened, on.findings().size(), off.findings().size());
        if (!violations.isEmpty()) {
            System.out.println("!!! " + violations.size() + " ROOTS WHERE THE IPET IS NOT AT OR BELOW THE LONGEST PATH:");
            violations.stream().limit(50).forEach(v -> System.out.println("!!!   " + v));
        }
    }

    private static double median(List<double[]> samples, int index) {
        double[] sorted = samples.stream().mapToDouble(x -> x[index]).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
