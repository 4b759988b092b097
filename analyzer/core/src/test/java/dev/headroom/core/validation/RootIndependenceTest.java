package dev.headroom.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root's findings and bound do not depend on the other roots of the run: every validation target is
 * analysed with all its roots, then once per root with the root annotations of the others removed from
 * the class files, and each root's findings (rule, severity, place, message, cold, suppressed) and
 * worst-case bound must be the same.
 */
class RootIndependenceTest {
    private static final String TARGETS = "dev/headroom/validation/targets";
    /** Annotations that keep their meaning on a method that is no longer a root. */
    private static final String KEPT_PREFIX = "Ldev/headroom/annotations/";
    private static final List<String> ROOT_ANNOTATIONS = List.of(
            "Ldev/headroom/annotations/RealTime;", "Ldev/headroom/annotations/InterruptHandler;");

    @TempDir
    Path work;

    @Test
    void eachRootAloneHasTheFindingsItHasAmongAllRoots() throws IOException {
        Map<String, Path> targets = TargetPrograms.copyEach(TARGETS, work.resolve("all"));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Path> target : targets.entrySet()) {
            AnalysisResult all = analyze(target.getValue());
            for (Root root : all.roots()) {
                Path alone = work.resolve("alone").resolve(target.getKey() + "-" + checked++);
                keepOnlyRoot(target.getValue(), alone, root.method());
                AnalysisResult single = analyze(alone);
                assertEquals(List.of(root.method()), single.roots().stream().map(Root::method).toList(),
                        target.getKey() + ": only the kept root is a root");
                compare(target.getKey() + " " + root.method(), describe(all, root.method()),
                        describe(single, root.method()), mismatches);
            }
        }
        assertTrue(checked > 30, "the targets' roots were found: " + checked);
        assertEquals("", String.join("\n", mismatches));
    }

    private static AnalysisResult analyze(Path program) {
        return Headroom.analyze(AnalysisConfig.builder().addInput(program).build(), AnalysisListener.SILENT);
    }

    /** The root's findings and bound, one line each, sorted. */
    private static TreeSet<String> describe(AnalysisResult result, MethodId root) {
        TreeSet<String> lines = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (root.equals(f.root())) {
                lines.add(f.rule().id() + "/" + f.severity().id() + " at " + f.location().method() + ":"
                        + f.location().line() + (f.coldPath() ? " cold" : "") + (f.suppressed() ? " suppressed" : "")
                        + ": " + f.message());
            }
        }
        for (RootTiming t : result.timing().roots()) {
            if (root.equals(t.root())) {
                lines.add("timing " + (t.bounded() ? "bound " + t.wcet() : "unbounded"));
            }
        }
        return lines;
    }

    private static void compare(String what, TreeSet<String> among, TreeSet<String> alone, List<String> mismatches) {
        TreeSet<String> all = new TreeSet<>(among);
        all.addAll(alone);
        for (String line : all) {
            if (!Objects.equals(among.contains(line), alone.contains(line))) {
                mismatches.add(what + (among.contains(line) ? " only among all roots: " : " only alone: ") + line);
            }
        }
    }

    /** Copies a program's class files, dropping the root annotations of every method but the kept root. */
    private static void keepOnlyRoot(Path from, Path to, MethodId kept) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            ClassReader reader = new ClassReader(Files.readAllBytes(file));
            ClassWriter writer = new ClassWriter(0);
            String owner = reader.getClassName();
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                    boolean isKept = kept.equals(MethodId.ofInternal(owner, name, descriptor));
                    return isKept ? mv : new MethodVisitor(Opcodes.ASM9, mv) {
                        @Override
                        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                            boolean root = ROOT_ANNOTATIONS.contains(annotation) || !annotation.startsWith(KEPT_PREFIX);
                            return root ? null : super.visitAnnotation(annotation, visible);
                        }
                    };
                }
            }, 0);
            Path copy = to.resolve(from.relativize(file));
            Files.createDirectories(copy.getParent());
            Files.write(copy, writer.toByteArray());
        }
    }
}
