package dev.headroom.core.testing;

import dev.headroom.core.model.MethodId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The same program with one root: its class files copied with the root annotations of every other method
 * removed, so that "a root alone" is judged on the same classes (the same type world) as "among all roots".
 */
public final class SingleRootPrograms {
    /** Annotations that keep their meaning on a method that is no longer a root ({@code @LoopBound}, ...). */
    private static final String KEPT_PREFIX = "Ldev/headroom/annotations/";
    private static final List<String> ROOT_ANNOTATIONS = List.of(
            "Ldev/headroom/annotations/RealTime;", "Ldev/headroom/annotations/InterruptHandler;");

    private SingleRootPrograms() {
    }

    /** Copies the class files under {@code from} to {@code to}, keeping root annotations only where {@code kept} holds. */
    public static Path keepOnly(Path from, Path to, Predicate<MethodId> kept) throws IOException {
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
                    return kept.test(MethodId.ofInternal(owner, name, descriptor)) ? mv : withoutRootAnnotations(mv);
                }
            }, 0);
            Path copy = to.resolve(from.relativize(file));
            Files.createDirectories(copy.getParent());
            Files.write(copy, writer.toByteArray());
        }
        return to;
    }

    private static MethodVisitor withoutRootAnnotations(MethodVisitor mv) {
        return new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                boolean root = ROOT_ANNOTATIONS.contains(annotation) || !annotation.startsWith(KEPT_PREFIX);
                return root ? null : super.visitAnnotation(annotation, visible);
            }
        };
    }
}
