package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout models against JOL on real JVMs, to the byte: instance sizes of {@link JolFixtures}, arrays of
 * every element type and several lengths, and the footprint of every static field of {@link JolGraphs} and
 * of two enums as the analysis computes it (static initializers interpreted, constructors of user and JDK
 * classes followed) against {@code GraphLayout} of the live objects.
 *
 * <p>The default layout is measured in this JVM; the others in one forked JVM each with the matching flags.
 * jvm32 cannot be measured (no 32-bit JVM): {@link LayoutsTest} checks its arithmetic by hand.
 */
class JolComparisonTest {
    private static final String PACKAGE = "dev/headroom/core/memory";
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path program;

    @Test
    void hotspotCoopsMatchesJolInThisJvm() throws Exception {
        assumeTrue(Runtime.version().feature() < 24 || !compactHeadersOn(), "this JVM runs compressed oops without compact headers");
        assertTrue(jolSays("Compressed references (oops): 3-bit shift") || jolSays("Compressed references (oops): 0-bit shift")
                || jolSays("Compressed references (oops): enabled"), "the test JVM uses compressed oops");
        compare(Layouts.HOTSPOT_COOPS, JolProbe.measure(), null);
    }

    @Test
    void hotspotNocoopsMatchesJolInAForkedJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        compare(Layouts.HOTSPOT_NOCOOPS, fork(java, "-XX:-UseCompressedOops"), null);
    }

    @Test
    void hotspotCompactMatchesJolOnJdk25() throws Exception {
        Path java = JDK25.resolve("bin/java");
        assumeTrue(Files.isExecutable(java), "JDK 25 is not installed at " + JDK25 + ": compact headers not checked");
        compare(Layouts.HOTSPOT_COMPACT, fork(java, "-XX:+UnlockExperimentalVMOptions", "-XX:+UseCompactObjectHeaders"), JDK25);
    }

    private static boolean jolSays(String text) {
        return org.openjdk.jol.vm.VM.current().details().contains(text);
    }

    private static boolean compactHeadersOn() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+UseCompactObjectHeaders");
    }

    private static Map<String, Long> fork(Path java, String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(flags));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                JolProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the forked JVM ended");
        assertEquals(0, p.exitValue(), "forked JVM " + command + " failed:\n" + output);
        Map<String, Long> measured = JolProbe.parse(JolProbe.lines(output));
        assertTrue(measured.size() > 100, "the fork printed its measurements:\n" + output);
        return measured;
    }

    /** Computes every measured number with the model and fails listing every difference. */
    private void compare(Layout layout, Map<String, Long> jol, Path jdkHome) throws IOException {
        TargetPrograms.copy(PACKAGE, "JolFixtures", program);
        TargetPrograms.copy(PACKAGE, "JolGraphs", program);
        List<String> differences = new ArrayList<>();
        int checked = 0;
        try (ClassRepository classes = ClassRepository.open(List.of(program), List.of(TargetPrograms.collectionsLibrary()), jdkHome,
                AnalysisListener.SILENT)) {
            InstanceSizes sizes = new InstanceSizes(classes, layout);
            MemoryResult footprint = new MemoryAnalysis(classes, new Hierarchy(classes), RuleBook.loadBundled(), layout).analyze(null);
            for (Map.Entry<String, Long> e : jol.entrySet()) {
                String[] key = e.getKey().split(" ");
                Long ours = switch (key[0]) {
                    case "class" -> sizes.instanceSize(key[1].replace('.', '/')).orElse(-1L);
                    case "array" -> layout.arraySize(key[1], Integer.parseInt(key[2]));
                    default -> footprint.items().stream().filter(i -> i.field().equals(key[1])).map(MemoryItem::bytes)
                            .findFirst().orElse(-1L);
                };
                checked++;
                if (!ours.equals(e.getValue())) {
                    differences.add(e.getKey() + ": JOL " + e.getValue() + ", " + layout.name() + " " + ours
                            + footprint.items().stream().filter(i -> i.field().equals(key[1])).map(i -> " (" + i.detail() + ")")
                            .findFirst().orElse(""));
                }
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " of " + checked + " sizes differ from JOL for " + layout.name() + ":\n  "
                    + String.join("\n  ", differences));
        }
        assertTrue(checked > 100, "compared " + checked + " sizes");
    }
}
