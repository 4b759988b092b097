package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.Rule;
import dev.headroom.core.testing.TargetPrograms;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.io.TempDir;

/** Static state is judged for what the roots use, or as a whole under a RAM budget. */
class StaticScopeTest {
    private static final String TARGET = "dev.headroom.validation.scope.LibraryStatics";

    @TempDir
    Path programs;

    private AnalysisResult run(Long budget) throws IOException {
        Path program = TargetPrograms.copy("dev/headroom/validation/scope", "LibraryStatics", programs);
        AnalysisConfig.Builder config = AnalysisConfig.builder().addInput(program).addRootPattern(TARGET + "#onTick");
        if (budget != null) {
            config.ramBudget(budget);
        }
        return Headroom.analyze(config.build(), AnalysisListener.SILENT);
    }

    private static List<String> unboundedStatics(AnalysisResult result) {
        return result.findings().stream().filter(f -> f.rule() == Rule.UNBOUNDED_STATIC).map(Finding::message)
                .map(m -> m.substring("static field ".length(), m.indexOf(" cannot be bounded"))).sorted().toList();
    }

    @Test
    void withoutABudgetOnlyTheStaticStateTheRootsUseIsJudged() throws IOException {
        AnalysisResult result = run(null);
        assertEquals(List.of(TARGET + ".TOUCHED"), unboundedStatics(result),
                "UNTOUCHED is only reached by configure, which is not on the root's path");
        assertEquals(List.of(TARGET + "$Base.INHERITED", TARGET + ".LOOKUP", TARGET + ".TOUCHED"),
                result.memory().items().stream().map(MemoryItem::field).sorted().toList(),
                "read directly, through a callee, and through a subclass; the int counter holds no reference");
    }

    /**
     * What {@link StaticScope#usedBy} passes over java.base's methods for: its code gets and puts static fields of
     * classes in its own packages only (it requires no other module), so never one of an input while no input is in
     * one of them.
     */
    @Test
    void javaBaseCodeNamesStaticFieldsOfJavaBaseOnly() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path javaBase = jrt.getPath("/modules/java.base");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(javaBase)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        Set<String> packages = new HashSet<>();
        for (Path file : files) {
            String name = javaBase.relativize(file).toString();
            packages.add(name.substring(0, Math.max(0, name.lastIndexOf('/'))));
        }
        Set<String> outside = new TreeSet<>();
        for (Path file : files) {
            new ClassReader(Files.readAllBytes(file)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                            String pkg = owner.substring(0, Math.max(0, owner.lastIndexOf('/')));
                            if ((opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) && !packages.contains(pkg)) {
                                outside.add(owner + "." + field);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        assertTrue(files.size() > 1000, "java.base read: " + files.size() + " classes");
        assertEquals(Set.of(), outside);
    }

    @Test
    void aBudgetJudgesAllStaticState() throws IOException {
        AnalysisResult result = run(1L << 20);
        assertEquals(List.of(TARGET + ".TOUCHED", TARGET + ".UNTOUCHED"), unboundedStatics(result));
        assertEquals(List.of(TARGET + "$Base.INHERITED", TARGET + ".LOOKUP", TARGET + ".TOUCHED", TARGET + ".UNTOUCHED"),
                result.memory().items().stream().map(MemoryItem::field).sorted().toList());
    }
}
