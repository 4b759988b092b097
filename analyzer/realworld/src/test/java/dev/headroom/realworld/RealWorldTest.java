package dev.headroom.realworld;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headroom on hot paths of real libraries: every root of every input is judged against its truth in
 * {@code <input>.expect}, alone and together with the other roots of its input. Fails on every unmarked
 * mismatch and on every {@code known:} deviation that no longer happens, all listed together.
 */
class RealWorldTest {
    @TempDir
    Path programs;
    @TempDir
    Path cache;

    @Test
    void everyRootMatchesItsTruthAloneAndTogether() throws Exception {
        List<RealWorldInput> inputs = List.of(
                RealWorldInput.library(Libraries.AGRONA),
                RealWorldInput.library(Libraries.JCTOOLS),
                RealWorldInput.library(Libraries.DISRUPTOR),
                RealWorldInput.library(Libraries.AERON_CLIENT),
                RealWorldInput.library(Libraries.HDR_HISTOGRAM),
                RealWorldInput.library(Libraries.FASTUTIL),
                RealWorldInput.userCode(programs));
        Judge judge = new Judge();
        // All runs of all inputs share the pool, so that no core idles while one input finishes.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Map<Expectation, Outcome[]>>> runs = new ArrayList<>();
            for (RealWorldInput input : inputs) {
                // -Drealworld.inputs=agrona,user runs only those inputs, while writing their truth
                if (System.getProperty("realworld.inputs", input.name()).contains(input.name())) {
                    runs.add(input.start(pool, cache));
                }
            }
            for (Callable<Map<Expectation, Outcome[]>> run : runs) {
                run.call().forEach((e, outcomes) -> {
                    show(e, outcomes[0], outcomes[1]);
                    judge.judge(e, outcomes[0], outcomes[1]);
                });
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(cache)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("jdk-scans-") && f.toString().endsWith(".bin"))) {
                judge.mismatches.add("the runs alone kept no scans of the JDK's methods in " + cache);
            }
        }
        judge.mismatches.addAll(RealWorldInput.THREAD_MISMATCHES);
        if (RealWorldInput.READ_FROM_CACHE.get() == 0) {
            judge.mismatches.add("no run alone read a JDK method's scan from the cache " + cache);
        }
        System.out.println("java.base methods read from the cache by the runs alone: " + RealWorldInput.READ_FROM_CACHE.get());
        System.out.println(judge.summary());
        System.out.println("Known deviations (" + judge.knownDeviations.size() + "):\n  " + String.join("\n  ", judge.knownDeviations));
        if (!judge.mismatches.isEmpty()) {
            fail(judge.mismatches.size() + " mismatches between the real-world truth and Headroom:\n  "
                    + String.join("\n  ", judge.mismatches) + "\n" + judge.summary());
        }
    }

    /** With {@code -Drealworld.show=<part of a root>}, prints those roots' whole results, to write their truth. */
    private static void show(Expectation e, Outcome alone, Outcome together) {
        String show = System.getProperty("realworld.show");
        if (show != null && e.root().contains(show)) {
            System.out.println("root " + alone.root() + "\n  alone:    " + String.join("\n            ", alone.fingerprint())
                    + "\n  together: " + String.join("\n            ", together.fingerprint()));
        }
    }
}
