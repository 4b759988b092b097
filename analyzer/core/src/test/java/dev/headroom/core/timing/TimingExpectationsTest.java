package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.roots.RootFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The timing validation targets ({@code dev.headroom.validation.timing.bounds}) carry their expectations
 * as comments on the lines they describe; this checks every one, in both directions, and lists all
 * mismatches together. Comments, several separated by commas:
 * <ul>
 *   <li>{@code // expect-bound: 64 inferred} on a loop header line: a loop whose header is on that line is
 *       bounded by 64 iterations, from {@code inferred}, {@code marker}, {@code annotation} or
 *       {@code flow-facts}; every bounded loop of the targets must be expected;</li>
 *   <li>{@code // expect: unbounded-loop} and {@code // expect: deadline-exceeded}: a timing finding of
 *       that rule at that line; every finding must be expected; {@code unbounded-loop/cold} when the loop is
 *       reached only through cold code;</li>
 *   <li>{@code // expect-root: bounded} or {@code // expect-root: unbounded <word>} on a line of a root's
 *       body: the root has a bound, or has none and the reason contains the word; every root must have
 *       one.</li>
 * </ul>
 * The targets are analysed with {@code src/test/resources/timing/bounds-flow-facts.json}.
 */
class TimingExpectationsTest {
    private static final String PACKAGE_DIR = "dev/headroom/validation/timing/bounds";
    private static final Path SOURCES = Path.of("src/test/java");
    private static final Pattern COMMENT = Pattern.compile("//\\s*(expect(?:-bound|-root)?:.*)$");
    private static final Pattern BOUND = Pattern.compile("expect-bound:\\s*(\\d+)\\s+(inferred|marker|annotation|flow-facts)");
    private static final Pattern RULE = Pattern.compile("expect:\\s*([a-z-]+(?:/cold)?)");
    private static final Pattern ROOT = Pattern.compile("expect-root:\\s*(bounded|unbounded\\s+(\\S+))");

    @TempDir
    Path inputs;

    private record Expected(String file, int line, String what) {
        @Override
        public String toString() {
            return file + ":" + line + " " + what;
        }
    }

    @Test
    void everyExpectationHoldsAndNothingElseIsFound() throws IOException {
        List<Expected> expected = read();
        assertTrue(expected.size() > 20, "the targets carry expectations");
        FlowFacts facts = FlowFacts.load(Path.of("src/test/resources/timing/bounds-flow-facts.json"));
        try (TimingPrograms.Program program = TimingPrograms.analyze(PACKAGE_DIR, inputs, CostModels.load("unit"), facts)) {
            List<Expected> actual = new ArrayList<>();
            for (TimingFinding f : program.result().findings()) {
                actual.add(new Expected(file(program, f.location()), f.line(), f.rule().id() + (f.cold() ? "/cold" : "")));
            }
            for (String name : program.classes().inputClassNames()) {
                LoadedClass c = program.classes().find(name).orElseThrow();
                for (MethodNode m : c.node().methods) {
                    if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                        continue;
                    }
                    for (LoopBound lb : program.analysis().loops(new MethodRef(name, m.name, m.desc))) {
                        if (lb.bounded()) {
                            actual.add(new Expected(c.sourceFile() == null ? null : pkgFile(name, c.sourceFile()), lb.line(),
                                    "bound " + lb.bound() + " " + lb.source().id()));
                        }
                    }
                }
            }
            List<String> problems = new ArrayList<>();
            List<Expected> rootExpectations = new ArrayList<>(expected.stream().filter(e -> e.what.startsWith("root ")).toList());
            for (RootFinder.Found found : program.roots()) {
                String file = file(program, found.method().ref());
                int[] range = lines(found.method().method());
                RootTiming timing = program.result().report().roots().stream()
                        .filter(r -> r.root().equals(found.method().ref().toId())).findFirst().orElseThrow();
                List<Expected> mine = rootExpectations.stream()
                        .filter(e -> e.file.equals(file) && e.line >= range[0] && e.line <= range[1]).toList();
                rootExpectations.removeAll(mine);
                if (mine.isEmpty()) {
                    problems.add("root without expect-root: " + found.root().method() + " (" + describe(timing) + ")");
                }
                for (Expected e : mine) {
                    String[] words = e.what.split(" ");
                    boolean ok = words[1].equals("bounded") ? timing.bounded()
                            : !timing.bounded() && String.join(" ", timing.worstPath()).toLowerCase(Locale.ROOT).contains(words[2]);
                    if (!ok) {
                        problems.add("root mismatch: " + e + " but " + found.root().method() + " is " + describe(timing));
                    }
                }
            }
            rootExpectations.forEach(e -> problems.add("expect-root outside any root: " + e));
            List<Expected> others = expected.stream().filter(e -> !e.what.startsWith("root ")).toList();
            for (Expected e : others) {
                if (!actual.contains(e)) {
                    problems.add("missing:    " + e);
                }
            }
            TreeSet<String> unexpected = new TreeSet<>();
            for (Expected a : actual) {
                if (!others.contains(a)) {
                    unexpected.add("unexpected: " + a);
                }
            }
            problems.addAll(unexpected);
            if (!problems.isEmpty()) {
                fail(problems.size() + " mismatches between the expectations in " + SOURCES.resolve(PACKAGE_DIR)
                        + " and the timing analysis:\n  " + String.join("\n  ", problems)
                        + "\nfindings: " + program.result().findings());
            }
        }
    }

    private static String describe(RootTiming t) {
        return t.bounded() ? "bounded at " + t.wcet() : "unbounded (" + String.join(" -> ", t.worstPath()) + ")";
    }

    private static String file(TimingPrograms.Program program, MethodRef method) {
        LoadedClass c = program.classes().find(method.owner()).orElseThrow();
        return pkgFile(method.owner(), c.sourceFile());
    }

    private static String pkgFile(String internalName, String sourceFile) {
        return internalName.substring(0, internalName.lastIndexOf('/') + 1) + sourceFile;
    }

    private static int[] lines(MethodNode m) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LineNumberNode ln) {
                min = Math.min(min, ln.line);
                max = Math.max(max, ln.line);
            }
        }
        return new int[] {min, max};
    }

    private static List<Expected> read() throws IOException {
        List<Expected> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(PACKAGE_DIR))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = COMMENT.matcher(lines.get(i));
                    if (!m.find()) {
                        continue;
                    }
                    for (String item : m.group(1).split(",")) {
                        result.add(parse(relative, i + 1, item.trim()));
                    }
                }
            }
        }
        return result;
    }

    private static Expected parse(String file, int line, String item) {
        Matcher bound = BOUND.matcher(item);
        if (bound.matches()) {
            return new Expected(file, line, "bound " + bound.group(1) + " " + bound.group(2));
        }
        Matcher root = ROOT.matcher(item);
        if (root.matches()) {
            return new Expected(file, line, root.group(2) == null ? "root bounded" : "root unbounded " + root.group(2));
        }
        Matcher rule = RULE.matcher(item);
        if (rule.matches()) {
            return new Expected(file, line, rule.group(1));
        }
        throw new IllegalArgumentException(file + ":" + line + ": malformed timing expectation '" + item + "'");
    }
}
