package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.roots.InitializerFinder;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout models against JOL on real JVMs, to the byte: instance sizes of {@link JolFixtures}, arrays of
 * every element type and several lengths, and the footprint of every static field of {@link JolGraphs} and
 * of two enums as the analysis computes it (static initializers interpreted, constructors of user and JDK
 * classes followed) against {@code GraphLayout} of the live objects; and, after the initialisation roots of
 * {@link JolStartUp} have run, the footprint of its static fields and of the objects its roots return, against
 * the items of the analysis that ran the same roots. Every item of {@code JolStartUp} is measured, or is
 * garbage at a line marked {@code // garbage}.
 *
 * <p>The default layout is measured in this JVM; the others in one forked JVM each with the matching flags.
 * jvm32 cannot be measured (no 32-bit JVM): {@link LayoutsTest} checks its arithmetic by hand.
 */
class JolComparisonTest {
    private static final String PACKAGE = "dev/headroom/core/memory";
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Path START_UP = Path.of("src/test/java", PACKAGE, "JolStartUp.java");
    /** A method of JolStartUp: its markers are on the lines that follow, up to the next method. */
    private static final Pattern METHOD = Pattern.compile("^    static \\S+ (\\w+)\\(");
    /** A marker at the end of a statement. */
    private static final Pattern MARKER = Pattern.compile(";\\s+// (measured|garbage)\\b");

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
        TargetPrograms.copy(PACKAGE, "JolStartUp", program);
        Map<String, String> markers = startUpMarkers();
        List<String> differences = new ArrayList<>();
        int checked = 0;
        int init = 0;
        try (ClassRepository classes = ClassRepository.open(List.of(program), List.of(TargetPrograms.collectionsLibrary()), jdkHome,
                AnalysisListener.SILENT)) {
            InstanceSizes sizes = new InstanceSizes(classes, layout);
            Hierarchy hierarchy = new Hierarchy(classes);
            MemoryResult footprint = new MemoryAnalysis(classes, hierarchy, RuleBook.loadBundled(), layout)
                    .analyze(null, StaticScope.all(), InitializerFinder.find(classes, hierarchy, List.of()));
            Map<String, MemoryItem> items = footprint.items().stream()
                    .collect(Collectors.toMap(MemoryItem::field, Function.identity()));
            Set<String> measured = new HashSet<>();
            for (Map.Entry<String, Long> e : jol.entrySet()) {
                String[] key = e.getKey().split(" ");
                String item = switch (key[0]) {
                    case "field" -> key[1];
                    case "init" -> initItem(e.getKey().substring("init ".length()), markers);
                    default -> null;
                };
                Long ours = switch (key[0]) {
                    case "class" -> sizes.instanceSize(key[1].replace('.', '/')).orElse(-1L);
                    case "array" -> layout.arraySize(key[1], Integer.parseInt(key[2]));
                    default -> items.containsKey(item) ? items.get(item).bytes() : -1L;
                };
                checked++;
                if (key[0].equals("init")) {
                    init++;
                    measured.add(item);
                }
                if (!ours.equals(e.getValue())) {
                    differences.add(e.getKey() + (item != null && !item.equals(key[1]) ? " (" + item + ")" : "") + ": JOL "
                            + e.getValue() + ", " + layout.name() + " " + ours
                            + (items.containsKey(item) ? " (" + items.get(item).detail() + ")" : ""));
                }
            }
            for (MemoryItem i : items.values()) {
                if (i.field().startsWith(JolStartUp.class.getName() + ".") && !measured.contains(i.field())
                        && !"garbage".equals(markers.get(i.field()))) {
                    differences.add(i.field() + ": counted by " + layout.name() + " (" + i.bytes() + " bytes, " + i.detail()
                            + "), not measured by JOL nor marked garbage");
                }
            }
            markers.forEach((line, marker) -> {
                if (marker.equals("garbage") && !items.containsKey(line)) {
                    differences.add(line + ": marked garbage, but " + layout.name() + " counts nothing there");
                }
            });
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " of " + checked + " sizes (" + init + " after the initialisation roots) differ from JOL"
                    + " for " + layout.name() + ":\n  " + String.join("\n  ", differences));
        }
        assertTrue(checked > 100, "compared " + checked + " sizes");
        assertTrue(init > 8, "compared " + init + " sizes after the initialisation roots");
    }

    /**
     * The item a probe's {@code init} key names: a static field's as it is; for {@code <Class>.<method> returned},
     * the item of the line of that method marked {@code // measured}.
     */
    private static String initItem(String key, Map<String, String> markers) {
        if (!key.endsWith(" returned")) {
            return key;
        }
        String method = key.substring(0, key.length() - " returned".length());
        return markers.entrySet().stream()
                .filter(m -> m.getValue().equals("measured") && m.getKey().startsWith(method + " line "))
                .map(Map.Entry::getKey).findFirst().orElse(method + ": no line marked measured");
    }

    /** The marked lines of JolStartUp's source, as item names ({@code <Class>.<method> line <n>}), to their marker. */
    private static Map<String, String> startUpMarkers() throws IOException {
        Map<String, String> markers = new TreeMap<>();
        List<String> lines = Files.readAllLines(START_UP);
        String method = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher declared = METHOD.matcher(lines.get(i));
            if (declared.find()) {
                method = declared.group(1);
            }
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.find()) {
                markers.put(JolStartUp.class.getName() + "." + method + " line " + (i + 1), marker.group(1));
            }
        }
        return markers;
    }
}
