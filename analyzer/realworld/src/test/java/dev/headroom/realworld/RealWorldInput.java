package dev.headroom.realworld;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.testing.SingleRootPrograms;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One input of the suite and how it is analysed: every root of it in one run ("together"), and each
 * root in a run of its own ("alone").
 */
abstract class RealWorldInput {
    private final String name;

    RealWorldInput(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The expectations of this input, from {@code <name>.expect}. */
    List<Expectation> expectations() {
        return ExpectationFile.read(name + ".expect");
    }

    /** The configuration of a run with these roots. */
    abstract AnalysisConfig.Builder config(List<Expectation> roots);

    /**
     * Starts every run of this input on {@code pool}: all roots together with no cache (with 2 threads, and again with 1:
     * the results must be equal, see {@link #THREAD_MISMATCHES}), and each root alone with
     * {@code cache} as the cache directory, which the runs of all inputs share (the JDK's methods scanned once, read
     * by the runs after; runs at once replacing its files): a result that differed with the cache would differ
     * between alone and together. The returned task gives each expectation's outcomes, alone first, once they are done.
     */
    Callable<Map<Expectation, Outcome[]>> start(ExecutorService pool, Path cache) {
        List<Expectation> expectations = expectations();
        Future<AnalysisResult> together = pool.submit(() -> analyze(config(expectations).threads(2).build()));
        Future<AnalysisResult> togetherOnOneThread = pool.submit(() -> analyze(config(expectations).threads(1).build()));
        Map<Expectation, Future<AnalysisResult>> alone = new LinkedHashMap<>();
        for (Expectation e : expectations) {
            alone.put(e, pool.submit(() -> analyze(config(List.of(e)).cacheDir(cache).build())));
        }
        return () -> {
            AnalysisResult all = together.get();
            if (!all.equals(togetherOnOneThread.get())) {
                THREAD_MISMATCHES.add(name + ": all roots together give another result with 1 thread than with 2");
            }
            if (all.roots().size() != expectations.size()) {
                throw new IllegalStateException(name + ": " + all.roots().size() + " roots together, "
                        + expectations.size() + " expectations: every root needs its truth");
            }
            Map<Expectation, Outcome[]> outcomes = new LinkedHashMap<>();
            for (var entry : alone.entrySet()) {
                AnalysisResult result = entry.getValue().get();
                MethodId root = onlyRoot(entry.getKey(), result);
                outcomes.put(entry.getKey(), new Outcome[] {Outcome.of(root, result), Outcome.of(root, all)});
            }
            return outcomes;
        };
    }

    /** The inputs whose results differ between 1 and 2 threads (see {@link #start}). */
    static final Queue<String> THREAD_MISMATCHES = new ConcurrentLinkedQueue<>();

    /** java.base methods whose scans the runs read from the cache, as their progress says (see {@link #start}). */
    static final AtomicLong READ_FROM_CACHE = new AtomicLong();
    private static final Pattern FROM_CACHE = Pattern.compile("java\\.base methods: (\\d+) from the cache");

    private static AnalysisResult analyze(AnalysisConfig config) {
        return Headroom.analyze(config, new AnalysisListener() {
            @Override
            public void warning(String message) {
                // as SILENT: the truth judges the findings
            }

            @Override
            public void progress(String message) {
                Matcher m = FROM_CACHE.matcher(message);
                if (m.find()) {
                    READ_FROM_CACHE.addAndGet(Long.parseLong(m.group(1)));
                }
            }
        });
    }

    private static MethodId onlyRoot(Expectation e, AnalysisResult alone) {
        if (alone.roots().size() != 1) {
            throw new IllegalStateException(e.line() + ": root " + e.root() + " names " + alone.roots().size()
                    + " methods, not one: " + alone.roots());
        }
        MethodId root = alone.roots().get(0).method();
        if (!root.toString().equals(e.root()) && !root.toString().startsWith(e.root() + "(")) {
            throw new IllegalStateException(e.line() + ": root " + e.root() + " found " + root);
        }
        return root;
    }

    /** A library jar as the input, roots named by {@code --root} patterns, the other libraries on the classpath. */
    static RealWorldInput library(Libraries library) {
        return new RealWorldInput(library.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            @Override
            AnalysisConfig.Builder config(List<Expectation> roots) {
                AnalysisConfig.Builder b = AnalysisConfig.builder().addInput(library.jar());
                for (Libraries other : Libraries.values()) {
                    if (other != library) {
                        b.addClasspath(other.jar());
                    }
                }
                roots.forEach(e -> b.addRootPattern(e.root()));
                return b;
            }
        };
    }

    /**
     * The user classes of {@code dev.headroom.realworld.user} as the input, every library on the classpath.
     * Each class holds one {@code @RealTime} root; alone, the other classes stay in the program without their roots.
     */
    static RealWorldInput userCode(Path workDir) {
        String packageDir = "dev/headroom/realworld/user";
        return new RealWorldInput("user") {
            private final Map<String, Path> programs = new LinkedHashMap<>();

            /** Every user class is in the together run, so a class without its truth fails the root count. */
            @Override
            List<Expectation> expectations() {
                List<Expectation> all = super.expectations();
                Path compiled = Path.of("target/test-classes", packageDir);
                try (Stream<Path> files = Files.list(compiled)) {
                    long classes = files.map(f -> f.getFileName().toString())
                            .filter(f -> f.endsWith(".class") && !f.contains("$")).count();
                    if (classes != all.size()) {
                        throw new IllegalStateException("user: " + classes + " classes in " + compiled + ", "
                                + all.size() + " expectations: every class needs the truth of its root");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return all;
            }

            /**
             * Together: every user class as it is. Alone: the same classes with every other root's annotation
             * removed, so a root is judged on the same program (the same type world) with no other root.
             */
            @Override
            synchronized AnalysisConfig.Builder config(List<Expectation> roots) {
                Path all = programs.computeIfAbsent("together", key -> copyAll(packageDir, workDir.resolve(key)));
                Path dir = roots.size() != 1 ? all : programs.computeIfAbsent(roots.get(0).root(),
                        root -> onlyRoot(all, root, workDir.resolve("alone-" + programs.size())));
                return AnalysisConfig.builder().addInput(dir).addClasspath(Libraries.allJars());
            }
        };
    }

    private static Path copyAll(String packageDir, Path destination) {
        try {
            return TargetPrograms.copyAll(packageDir, destination);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path onlyRoot(Path program, String root, Path destination) {
        try {
            return SingleRootPrograms.keepOnly(program, destination,
                    m -> m.toString().equals(root) || m.toString().startsWith(root + "("));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
