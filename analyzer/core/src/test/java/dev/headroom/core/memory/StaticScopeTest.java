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
import org.objectweb.asm.ClassWriter;
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
     * An input's class in a package of java.base replaces the JDK's, and java.base's code then reads its fields: here
     * {@code Integer.valueOf} reads the input's {@code Integer$IntegerCache.cache}, which is the roots' static state
     * ({@link StaticScope#usedBy} passes over java.base's methods only while no input is in one of its packages).
     */
    @Test
    void javaBaseCodeReadingAnInputsFieldPutsItInScope() throws IOException {
        Path program = programs.resolve("shadowing");
        write(program, "java/lang/Integer$IntegerCache", cache());
        write(program, "t/Boxes", boxes());
        AnalysisResult result = Headroom.analyze(AnalysisConfig.builder().addInput(program)
                .addRootPattern("t.Boxes#box").build(), AnalysisListener.SILENT);
        assertEquals(List.of("java.lang.Integer$IntegerCache.cache"),
                result.memory().items().stream().map(MemoryItem::field).sorted().toList(),
                "read by Integer.valueOf, which the root calls");
    }

    private static void write(Path dir, String internalName, byte[] bytes) throws IOException {
        Path file = dir.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** {@code Integer$IntegerCache} with {@code low}, {@code high} and a {@code cache} of 256 slots. */
    private static byte[] cache() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, "java/lang/Integer$IntegerCache", null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "low", "I", null, -128).visitEnd();
        cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "high", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "cache", "[Ljava/lang/Integer;", null, null).visitEnd();
        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitIntInsn(Opcodes.BIPUSH, 127);
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, "java/lang/Integer$IntegerCache", "high", "I");
        clinit.visitIntInsn(Opcodes.SIPUSH, 256);
        clinit.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Integer");
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, "java/lang/Integer$IntegerCache", "cache", "[Ljava/lang/Integer;");
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code t.Boxes#box(int)}: {@code return Integer.valueOf(i);}. */
    private static byte[] boxes() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/Boxes", null, "java/lang/Object", null);
        MethodVisitor box = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "box", "(I)Ljava/lang/Object;",
                null, null);
        box.visitCode();
        box.visitVarInsn(Opcodes.ILOAD, 0);
        box.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        box.visitInsn(Opcodes.ARETURN);
        box.visitMaxs(0, 0);
        box.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * What {@link StaticScope#usedBy} passes over java.base's methods for: its code gets and puts static fields of
     * classes in its own packages only (it requires no other module), so never one of an input while no input is in
     * one of them. A check of the JDK the tests run on, not of Headroom's code: it guards the assumption.
     */
    @Test
    void javaBaseCodeNamesStaticFieldsOfJavaBaseOnly() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(jrt.getPath("/modules/java.base"))) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        // The module's packages as its descriptor names them, as the class path tells system classes apart.
        Set<String> packages = new HashSet<>();
        ModuleLayer.boot().findModule("java.base").orElseThrow().getDescriptor().packages()
                .forEach(p -> packages.add(p.replace('.', '/')));
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
                            boolean statik = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
                            if (statik && !packages.contains(pkg)) {
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
