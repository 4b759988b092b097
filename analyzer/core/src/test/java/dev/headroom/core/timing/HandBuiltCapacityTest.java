package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Capacity bounds on class files older than Java 9, whose final fields the JVM lets other methods of the
 * declaring class assign: {@code static final Holder H = new Holder(16)} bounds {@code H.scan()}'s loop over
 * its final array, unless a method other than the static initialiser assigns {@code H}, or one other than a
 * constructor assigns the array field: then the value could change after start-up and there is no bound.
 */
class HandBuiltCapacityTest {
    private static final String HOLDER = "shapes/Holder";
    private static final String CAP = "shapes/Cap";

    @TempDir
    Path inputs;

    @Test
    void aFinalCapacityBoundsTheLoopUnlessAnotherMethodAssignsTheField() throws IOException {
        List<String> mismatches = new ArrayList<>();
        check(mismatches, "nothing else assigns", false, false, true);
        check(mismatches, "a static method assigns the static final field", true, false, false);
        check(mismatches, "an instance method assigns the final array field", false, true, false);
        assertEquals(List.of(), mismatches);
    }

    private void check(List<String> mismatches, String shape, boolean reassignStatic, boolean reassignArray,
                       boolean bounded) throws IOException {
        Path dir = inputs.resolve("case" + mismatches.size() + (reassignStatic ? "s" : "") + (reassignArray ? "a" : ""));
        write(dir, HOLDER, holder(reassignArray));
        write(dir, CAP, cap(reassignStatic));
        try (TimingPrograms.Program p = TimingPrograms.analyzeInputs(dir, CostModels.load("unit"), FlowFacts.none())) {
            boolean actual = p.result().report().roots().get(0).bounded();
            if (actual != bounded) {
                mismatches.add(shape + ": " + (actual ? "bounded" : "unbounded") + ", expected "
                        + (bounded ? "bounded" : "unbounded") + " " + p.result().report().roots().get(0).worstPath());
            }
        }
    }

    /** {@code final int[] keys = new int[capacity]}, a counted loop over it, and maybe a method that replaces it. */
    private static byte[] holder(boolean reassignArray) {
        ClassWriter cw = newClass(HOLDER);
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "keys", "[I", null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(0, "<init>", "(I)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ILOAD, 1);
        init.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        init.visitFieldInsn(Opcodes.PUTFIELD, HOLDER, "keys", "[I");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        if (reassignArray) {
            MethodVisitor grow = cw.visitMethod(Opcodes.ACC_PUBLIC, "grow", "()V", null, null);
            grow.visitCode();
            grow.visitVarInsn(Opcodes.ALOAD, 0);
            grow.visitLdcInsn(1 << 20);
            grow.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
            grow.visitFieldInsn(Opcodes.PUTFIELD, HOLDER, "keys", "[I");
            grow.visitInsn(Opcodes.RETURN);
            grow.visitMaxs(0, 0);
            grow.visitEnd();
        }
        MethodVisitor scan = cw.visitMethod(Opcodes.ACC_PUBLIC, "scan", "()I", null, null);
        scan.visitCode();
        scan.visitVarInsn(Opcodes.ALOAD, 0);
        scan.visitFieldInsn(Opcodes.GETFIELD, HOLDER, "keys", "[I");
        scan.visitVarInsn(Opcodes.ASTORE, 1);
        scan.visitInsn(Opcodes.ICONST_0);
        scan.visitVarInsn(Opcodes.ISTORE, 2);
        Label test = new Label();
        Label end = new Label();
        scan.visitLabel(test);
        scan.visitVarInsn(Opcodes.ILOAD, 2);
        scan.visitVarInsn(Opcodes.ALOAD, 1);
        scan.visitInsn(Opcodes.ARRAYLENGTH);
        scan.visitJumpInsn(Opcodes.IF_ICMPGE, end);
        scan.visitIincInsn(2, 1);
        scan.visitJumpInsn(Opcodes.GOTO, test);
        scan.visitLabel(end);
        scan.visitVarInsn(Opcodes.ILOAD, 2);
        scan.visitInsn(Opcodes.IRETURN);
        scan.visitMaxs(0, 0);
        scan.visitEnd();
        return cw.toByteArray();
    }

    /** {@code static final Holder H = new Holder(16)}, a root calling {@code H.scan()}, and maybe a method that replaces H. */
    private static byte[] cap(boolean reassignStatic) {
        ClassWriter cw = newClass(CAP);
        cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "H", "L" + HOLDER + ";", null, null).visitEnd();
        newHolder(cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null), 16);
        if (reassignStatic) {
            newHolder(cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "reset", "()V", null, null), 4096);
        }
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        run.visitAnnotation("Ldev/headroom/annotations/RealTime;", false).visitEnd();
        run.visitCode();
        run.visitFieldInsn(Opcodes.GETSTATIC, CAP, "H", "L" + HOLDER + ";");
        run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HOLDER, "scan", "()I", false);
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return cw.toByteArray();
    }

    private static void newHolder(MethodVisitor m, int capacity) {
        m.visitCode();
        m.visitTypeInsn(Opcodes.NEW, HOLDER);
        m.visitInsn(Opcodes.DUP);
        m.visitIntInsn(Opcodes.SIPUSH, capacity);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, HOLDER, "<init>", "(I)V", false);
        m.visitFieldInsn(Opcodes.PUTSTATIC, CAP, "H", "L" + HOLDER + ";");
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** A Java 8 class file: the JVM checks final field assignments only from Java 9 on. */
    private static ClassWriter newClass(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        return cw;
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
