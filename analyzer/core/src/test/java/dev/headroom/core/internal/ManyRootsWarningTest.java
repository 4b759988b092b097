package dev.headroom.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.FindingGrouping;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.AnalysisResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Grouping by root with very many roots is slow and repetitive: the user is pointed at grouping by location. */
class ManyRootsWarningTest {
    @TempDir
    Path classes;

    /** A class with the given number of empty static methods, all roots by the pattern {@code gen.Many#*}. */
    private Path program(int methods) throws IOException {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/Many", null, "java/lang/Object", null);
        for (int i = 0; i < methods; i++) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m" + i, "()V", null, null);
            mv.visitCode();
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        cw.visitEnd();
        Path file = classes.resolve("gen/Many.class");
        Files.createDirectories(file.getParent());
        Files.write(file, cw.toByteArray());
        return classes;
    }

    private static List<String> warnings(Path input, FindingGrouping grouping, int expectedRoots) {
        List<String> warnings = new ArrayList<>();
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(input).addRootPattern("gen.Many#*")
                .grouping(grouping).build(), warnings::add);
        assertEquals(expectedRoots, result.roots().size(), "roots");
        return warnings;
    }

    @Test
    void manyRootsGroupedByRootAreWarnedAbout() throws IOException {
        Path input = program(AnalysisRun.MANY_ROOTS + 1);
        List<String> byRoot = warnings(input, FindingGrouping.ROOT, AnalysisRun.MANY_ROOTS + 1);
        assertEquals(1, byRoot.size(), byRoot.toString());
        assertTrue(byRoot.get(0).startsWith((AnalysisRun.MANY_ROOTS + 1) + " roots, each walked and reported"
                + " separately") && byRoot.get(0).contains("--group-by location"), byRoot.get(0));
        assertEquals(List.of(), warnings(input, FindingGrouping.LOCATION, AnalysisRun.MANY_ROOTS + 1));
    }

    @Test
    void fewRootsAreNot() throws IOException {
        assertEquals(List.of(), warnings(program(AnalysisRun.MANY_ROOTS), FindingGrouping.ROOT, AnalysisRun.MANY_ROOTS));
    }
}
