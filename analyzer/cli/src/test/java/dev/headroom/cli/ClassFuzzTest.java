package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of real classes (the running JDK's {@code java.util.function} and
 * {@code java.util.concurrent.atomic} classes, and those of the two sample projects' jars the tests already
 * depend on) through {@code headroom check --root '**#*'}: no crash, no hang, and every class either
 * analysed or named as skipped. The seed is fixed, so every build runs the same mutants;
 * {@code benchmarks/fuzz.sh} runs the same fuzzer on bigger classes for longer. The classes are chosen
 * for how little of the JDK their methods reach, which keeps a run fast.
 */
class ClassFuzzTest {
    private static final int MUTANTS = Integer.getInteger("headroom.fuzz.mutants", 2000);
    private static final long SEED = 17;
    private static final long TIMEOUT_MILLIS = 30_000;
    /** Mutants analysed together in one run (see {@link ClassFuzz}). */
    private static final int BATCH = 50;

    @TempDir
    Path work;

    @Test
    void damagedClassesNeitherCrashNorHangAndAreAnalysedOrNamed() throws IOException, URISyntaxException {
        List<ClassFuzz.Original> originals = new ArrayList<>(
                ClassFuzz.jdkClasses(List.of("java/util/function/", "java/util/concurrent/atomic/")));
        for (String sample : List.of("com.example.motor.MotorController", "com.example.telemetry.TelemetryApp")) {
            originals.addAll(ClassFuzz.jarClasses(jarOf(sample)));
        }
        ClassFuzz fuzz = new ClassFuzz(originals, SEED, TIMEOUT_MILLIS, BATCH, work, work.resolve("reproducers"));

        fuzz.run(0, MUTANTS, null);

        Map<String, Integer> outcomes = fuzz.outcomes();
        List<ClassFuzz.Failure> failures = fuzz.failures();
        assertTrue(failures.isEmpty(), failures.size() + " failures " + outcomes + ":\n"
                + failures.stream().map(Object::toString).collect(Collectors.joining("\n")));
        // Not vacuous: the damage reaches both the analysis and the reader's refusals.
        assertTrue(outcomes.getOrDefault("analysed", 0) > MUTANTS / 10, "analysed: " + outcomes);
        assertTrue(outcomes.getOrDefault("skipped and named", 0) > MUTANTS / 10, "skipped: " + outcomes);
    }

    private static Path jarOf(String className) throws URISyntaxException, IOException {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException e) {
            throw new IOException("a sample project is missing from the test classpath: " + className, e);
        }
    }
}
