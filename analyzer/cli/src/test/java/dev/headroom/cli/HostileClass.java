package dev.headroom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class whose names are as hostile as the JVM allows (javac cannot write them): every C0 control
 * character, a terminal escape that clears the screen, a C1 control, a right-to-left override, a lone
 * surrogate, a noncharacter, markup and quotes. A {@code @RealTime} root calls a helper that allocates
 * (a finding with a call chain), and a static array is counted in memory.
 */
final class HostileClass {
    /**
     * Every character a report must survive; none of them is forbidden in a JVM class or field name (JVMS 4.2.2
     * forbids {@code . ; [ /}: so the terminal escape is ESC c, a full reset, not ESC[2J).
     */
    static final String NAME = controls() + "\u001bc\u009b31m\u202e\ud800\ufffe<&\"'";
    /** The same without {@code <}: a method name may not hold it. */
    static final String METHOD_NAME = NAME.replace("<", "");
    /** The binary name with dots, as reports write it. */
    static final String CLASS_NAME = "demo.Hostile" + NAME;

    private HostileClass() {
    }

    /** Writes the class under {@code dir} (its file name is a plain one) with {@code sourceFile} as its source. */
    static void write(Path dir, String sourceFile) throws IOException {
        String internal = CLASS_NAME.replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internal, null, "java/lang/Object", null);
        cw.visitSource(sourceFile, null);
        cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "samples" + NAME, "[I", null, null).visitEnd();

        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        line(clinit, 3);
        clinit.visitIntInsn(Opcodes.BIPUSH, 16);
        clinit.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, internal, "samples" + NAME, "[I");
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();

        MethodVisitor root = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "tick" + METHOD_NAME, "()V",
                null, null);
        root.visitAnnotation("Ldev/headroom/annotations/RealTime;", false).visitEnd();
        root.visitCode();
        line(root, 10);
        root.visitMethodInsn(Opcodes.INVOKESTATIC, internal, "grow" + METHOD_NAME, "()V", false);
        root.visitInsn(Opcodes.RETURN);
        root.visitMaxs(0, 0);
        root.visitEnd();

        MethodVisitor grow = cw.visitMethod(Opcodes.ACC_STATIC, "grow" + METHOD_NAME, "()V", null, null);
        grow.visitCode();
        line(grow, 20);
        grow.visitTypeInsn(Opcodes.NEW, "java/lang/Object");
        grow.visitInsn(Opcodes.DUP);
        grow.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        grow.visitInsn(Opcodes.POP);
        grow.visitInsn(Opcodes.RETURN);
        grow.visitMaxs(0, 0);
        grow.visitEnd();
        cw.visitEnd();

        Path file = dir.resolve("demo").resolve("Hostile.class");
        Files.createDirectories(file.getParent());
        Files.write(file, cw.toByteArray());
    }

    private static void line(MethodVisitor method, int line) {
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(line, start);
    }

    private static String controls() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        return all.append('\u007f').toString();
    }
}
