package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.DispatchPolicy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.rules.RuleBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * The JDK's methods scanned once per JDK: a program's call graph is the same, call for call, with no cache, on the
 * first run (which only marks the cache directory), with the cache cold (written) and warm (read; java.base's code parsed only when asked for), after the file was damaged,
 * and when a run under RTA wrote the facts without the flow. What is read is counted, so a cache that is never read
 * fails too.
 */
class JdkScansTest {
    private static final Path TARGET = Path.of("target/test-classes/dev/headroom/core/callgraph/jdkscans");
    private static RuleBook rules;

    @TempDir
    Path work;

    @BeforeAll
    static void loadRules() {
        rules = RuleBook.loadBundled();
    }

    /** What one build gave: the graph, call by call, and what the cache did. */
    private record Build(String graph, int read, int scanned, int logged, Path file, boolean usedWhileShadowed) {
    }

    private Build build(Path input, Path cache, DispatchPolicy policy) {
        return build(input, List.of(), cache, policy);
    }

    private Build build(Path input, List<Path> classpath, Path cache, DispatchPolicy policy) {
        try (ClassRepository classes = ClassRepository.open(List.of(input), classpath, null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            List<Hierarchy.Declared> roots = new ArrayList<>();
            for (String name : classes.inputClassNames()) {
                LoadedClass c = classes.find(name).orElseThrow();
                for (MethodNode m : c.node().methods) {
                    roots.add(hierarchy.declaredOf(c, m));
                }
            }
            JdkScans scans = cache == null ? JdkScans.none() : JdkScans.in(cache, classes);
            CallGraph graph = new CallGraphBuilder(hierarchy, rules, policy).jdkScans(scans).build(roots);
            scans.save();
            return new Build(describe(graph), scans.readCount(), scans.scannedCount(), scans.loggedCount(), scans.file(),
                    scans.usedWhileShadowed());
        }
    }

    private static String describe(CallGraph graph) {
        StringBuilder s = new StringBuilder();
        for (CallGraph.Node node : graph.nodes()) {
            s.append(node.ref()).append(" line ").append(node.facts().firstLine()).append('\n');
            node.facts().sites().forEach(site -> s.append("  ").append(site).append('\n'));
            for (int i = 0; i < node.calls().size(); i++) {
                Call call = node.calls().get(i);
                s.append("  @").append(call.site().index()).append(' ').append(call.target())
                        .append(" -> ").append(node.callee(i)).append('\n');
            }
        }
        return s.toString();
    }

    @Test
    void theGraphIsTheSameWithTheCacheOffColdWarmOrDamaged() throws IOException {
        Path cache = work.resolve("cache");
        Build none = build(TARGET, null, DispatchPolicy.VTA);
        Build first = build(TARGET, cache, DispatchPolicy.VTA);
        List<String> afterFirst = names(cache);
        Build cold = build(TARGET, cache, DispatchPolicy.VTA);
        byte[] written = Files.readAllBytes(cold.file());
        Build warm = build(TARGET, cache, DispatchPolicy.VTA);
        byte[] file = Files.readAllBytes(cold.file());
        boolean warmLeftItAsItWas = Arrays.equals(written, file);
        file[file.length / 2] ^= 0x5a; // inside one entry: the index comes first and is small
        Files.write(cold.file(), file);
        Build oneEntryDamaged = build(TARGET, cache, DispatchPolicy.VTA);
        file = Files.readAllBytes(cold.file());
        file[6] ^= 0x5a; // the header
        Files.write(cold.file(), file);
        Build headerDamaged = build(TARGET, cache, DispatchPolicy.VTA);
        file = Files.readAllBytes(cold.file());
        Files.write(cold.file(), Arrays.copyOf(file, file.length / 2));
        Build truncated = build(TARGET, cache, DispatchPolicy.VTA);
        Build afterDamage = build(TARGET, cache, DispatchPolicy.VTA);
        assertAll(
                () -> assertTrue(none.graph().lines().count() > 2000, "the target reaches deep into java.base: "
                        + none.graph().lines().count() + " lines"),
                () -> assertEquals(none.graph(), first.graph(), "the first run"),
                () -> assertNull(first.file(), "the first run on a machine keeps no scans"),
                () -> assertTrue(afterFirst.size() == 1 && afterFirst.get(0).endsWith(".seen"), "only a mark: " + afterFirst),
                () -> assertEquals(none.graph(), cold.graph(), "with the cache cold"),
                () -> assertEquals(0, cold.read(), "an empty cache has nothing to read"),
                () -> assertTrue(cold.scanned() > 500, "java.base methods scanned and kept: " + cold.scanned()),
                () -> assertEquals(none.graph(), warm.graph(), "with the cache warm"),
                () -> assertEquals(cold.scanned(), warm.read(), "every method kept is read back"),
                () -> assertEquals(0, warm.scanned(), "nothing is scanned again"),
                () -> assertEquals(cold.scanned(), cold.logged(), "every method's flow is recorded once"),
                () -> assertEquals(0, warm.logged(), "and replayed when warm, not recorded again"),
                () -> assertTrue(warmLeftItAsItWas, "a warm run leaves the file as it was"),
                () -> assertEquals(none.graph(), oneEntryDamaged.graph(), "with one entry damaged"),
                () -> assertEquals(1, oneEntryDamaged.scanned(), "the damaged entry fails its check and is scanned"),
                () -> assertEquals(cold.scanned() - 1, oneEntryDamaged.read(), "the others are read"),
                () -> assertEquals(none.graph(), headerDamaged.graph(), "with the header damaged"),
                () -> assertEquals(0, headerDamaged.read(), "a file whose header differs is not read"),
                () -> assertEquals(none.graph(), truncated.graph(), "with the file cut short"),
                () -> assertEquals(0, truncated.read(), "a file shorter than its index says is not read"),
                () -> assertEquals(cold.scanned(), afterDamage.read(), "and it is written whole again"));
    }

    /** RTA does not follow the flow: its entries have facts only, which a VTA run completes with the flow. */
    @Test
    void aRunWithoutTheFlowLeavesItToTheNextRunThatNeedsIt() {
        Path cache = work.resolve("cache");
        Build none = build(TARGET, null, DispatchPolicy.VTA);
        build(TARGET, cache, DispatchPolicy.RTA); // the first run marks the cache directory
        Build rta = build(TARGET, cache, DispatchPolicy.RTA);
        Build firstVta = build(TARGET, cache, DispatchPolicy.VTA);
        Build secondVta = build(TARGET, cache, DispatchPolicy.VTA);
        Build rtaNone = build(TARGET, null, DispatchPolicy.RTA);
        Build rtaWarm = build(TARGET, cache, DispatchPolicy.RTA);
        assertAll(
                () -> assertTrue(rta.scanned() > 500, "facts kept: " + rta.scanned()),
                () -> assertEquals(none.graph(), firstVta.graph(), "VTA after RTA"),
                () -> assertTrue(firstVta.read() > 0, "the facts RTA kept are read"),
                () -> assertEquals(none.graph(), secondVta.graph(), "VTA after VTA"),
                () -> assertEquals(0, rta.logged(), "RTA follows no flow"),
                () -> assertTrue(firstVta.logged() > 0, "the first VTA run records the flow"),
                () -> assertEquals(0, secondVta.scanned() + secondVta.logged(), "the flow is kept after the first VTA run"),
                () -> assertEquals(rtaNone.graph(), rtaWarm.graph(), "RTA with the cache warm"));
    }

    /**
     * An input class in a package of java.base is read before the JDK's own and may change what the JDK's code refers
     * to: no entry is used or kept.
     */
    @Test
    void inputsInAPackageOfJavaBaseTurnTheCacheOff() throws IOException {
        Path input = work.resolve("input");
        copy(TARGET, input.resolve("dev/headroom/core/callgraph/jdkscans"));
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "java/util/HeadroomShadow", null, "java/lang/Object", null);
        cw.visitEnd();
        Files.createDirectories(input.resolve("java/util"));
        Files.write(input.resolve("java/util/HeadroomShadow.class"), cw.toByteArray());
        Path cache = work.resolve("cache");
        Build shadowed = build(input, cache, DispatchPolicy.VTA);
        assertAll(
                () -> assertNull(shadowed.file(), "no cache file"),
                () -> assertEquals(0, shadowed.scanned() + shadowed.read(), "nothing kept or read"),
                () -> assertFalse(Files.exists(cache) && Files.list(cache).findAny().isPresent(), "nothing written"));
    }

    /**
     * A library's class of a java.base package is read before the JDK's own only when the graph reaches it: the run
     * learns it then, builds again without the cache (see AnalysisRun) when it read entries, and keeps nothing, even
     * when it read none (its scans were of another world).
     */
    @Test
    void aLibraryClassInAPackageOfJavaBaseIsFoundAfterTheFact() throws IOException {
        Path library = libraryWithJavaUtilOptional();
        Path coldCache = work.resolve("cold");
        build(TARGET, List.of(library), coldCache, DispatchPolicy.VTA); // the first run marks the cache directory
        Build coldShadowed = build(TARGET, List.of(library), coldCache, DispatchPolicy.VTA);
        Path cache = work.resolve("cache");
        build(TARGET, cache, DispatchPolicy.VTA);
        Build cold = build(TARGET, cache, DispatchPolicy.VTA);
        byte[] written = Files.readAllBytes(cold.file());
        Build shadowed = build(TARGET, List.of(library), cache, DispatchPolicy.VTA);
        assertAll(
                () -> assertTrue(coldShadowed.scanned() > 0 && !coldShadowed.usedWhileShadowed(), "nothing read, all scanned"),
                () -> assertFalse(Files.exists(coldShadowed.file()), "and nothing kept"),
                () -> assertTrue(shadowed.read() > 0, "entries were read before the library's Optional was"),
                () -> assertTrue(shadowed.usedWhileShadowed(), "so the run must build its graph again"),
                () -> assertTrue(Arrays.equals(written, Files.readAllBytes(cold.file())), "and keep nothing"));
    }

    /**
     * The progress line after the call graph gives the cache's counts of the graph the run checks: none when a
     * library's class of java.base made the run build it again without the cache.
     */
    @Test
    void theProgressLineGivesNoCacheCountsForAGraphBuiltAgainWithoutTheCache() throws IOException {
        Path library = libraryWithJavaUtilOptional();
        Path cache = work.resolve("cache");
        checkingLine(List.of(), cache); // marks the cache directory
        String written = checkingLine(List.of(), cache);
        String read = checkingLine(List.of(), cache);
        String shadowed = checkingLine(List.of(library), cache);
        assertAll(
                () -> assertTrue(written.matches("checking \\d+ methods \\(java.base methods: 0 from the cache, [1-9]\\d* scanned\\)"),
                        written),
                () -> assertTrue(read.matches("checking \\d+ methods \\(java.base methods: [1-9]\\d* from the cache, 0 scanned\\)"),
                        read),
                () -> assertTrue(shadowed.matches("checking \\d+ methods"), shadowed));
    }

    /** A library holding a copy of the JDK's java.util.Optional: a class of a java.base package. */
    private Path libraryWithJavaUtilOptional() throws IOException {
        Path library = work.resolve("library");
        Files.createDirectories(library.resolve("java/util"));
        try (var optional = Object.class.getResourceAsStream("/java/util/Optional.class")) {
            Files.write(library.resolve("java/util/Optional.class"), optional.readAllBytes());
        }
        return library;
    }

    /** The "checking N methods" progress line of a whole run over the target with every method a root. */
    private String checkingLine(List<Path> classpath, Path cache) {
        List<String> progress = new ArrayList<>();
        AnalysisListener listener = new AnalysisListener() {
            @Override
            public void warning(String message) {
            }

            @Override
            public void progress(String message) {
                progress.add(message);
            }
        };
        Headroom.analyze(AnalysisConfig.builder().addInput(TARGET).addClasspath(classpath)
                .addRootPattern("dev.headroom.core.callgraph.jdkscans.**#*").cacheDir(cache).build(), listener);
        return progress.stream().filter(p -> p.startsWith("checking ")).findFirst().orElseThrow();
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, to.resolve(f.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
