package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.AnalysisListener;
import dev.headroom.core.Headroom;
import dev.headroom.core.model.MemoryItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Every form of the dup family (one- and two-word values in each position) in a hand-built static
 * initialiser that sizes an array from what they leave on the stack. The JVM itself runs the same
 * initialiser: the interpreted array length must be the one it computes.
 */
class DupInstructionsTest {
    private static final String OWNER = "gen/Dups";

    @TempDir
    Path classes;

    @Test
    void theInterpreterShufflesTheStackAsTheJvmDoes() throws Exception {
        byte[] bytes = dupsClass();
        Path file = classes.resolve(OWNER + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);

        int length = ((int[]) new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(OWNER.replace('/', '.'), bytes, 0, bytes.length);
            }
        }.define().getField("TABLE").get(null)).length;

        // a RAM budget puts every static field in scope (there is no root to scope the footprint to)
        List<MemoryItem> items = Headroom.analyze(AnalysisConfig.builder().addInput(classes).ramBudget(1 << 20).build(),
                AnalysisListener.SILENT).memory().items();
        assertEquals(List.of("int[" + length + "]"), items.stream().map(MemoryItem::detail).toList(),
                "the array the JVM allocates, " + length + " ints");
    }

    /** {@code public static final int[] TABLE}, sized by ((weighted sum of every dup form) & 1023) + 1. */
    private static byte[] dupsClass() throws IOException {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, OWNER, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "TABLE", "[I", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_0);
        int weight = 3;
        for (Runnable block : blocks(mv)) {
            block.run(); // leaves one int
            push(mv, weight);
            mv.visitInsn(Opcodes.IMUL);
            mv.visitInsn(Opcodes.IADD);
            weight += 2;
        }
        push(mv, 1023);
        mv.visitInsn(Opcodes.IAND);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IADD);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, OWNER, "TABLE", "[I");
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Each block pushes values, applies one dup form, and folds the stack back to one int. */
    private static List<Runnable> blocks(MethodVisitor mv) {
        return List.of(
                () -> ints(mv, new int[] {6}, Opcodes.DUP, Opcodes.IMUL),
                () -> ints(mv, new int[] {2, 7}, Opcodes.DUP_X1, Opcodes.IMUL, Opcodes.ISUB),
                () -> ints(mv, new int[] {1, 2, 3}, Opcodes.DUP_X2, Opcodes.IMUL, Opcodes.ISUB, Opcodes.IMUL),
                () -> { // DUP_X2 with a long under an int
                    mv.visitIntInsn(Opcodes.BIPUSH, 3);
                    mv.visitLdcInsn(5L);
                    mv.visitIntInsn(Opcodes.BIPUSH, 11);
                    mv.visitInsn(Opcodes.DUP_X2);
                    ops(mv, Opcodes.I2L, Opcodes.LMUL, Opcodes.L2I, Opcodes.ISUB, Opcodes.ISUB);
                },
                () -> ints(mv, new int[] {4, 9}, Opcodes.DUP2, Opcodes.ISUB, Opcodes.IMUL, Opcodes.ISUB),
                () -> { // DUP2 of a long
                    mv.visitLdcInsn(6L);
                    mv.visitInsn(Opcodes.DUP2);
                    ops(mv, Opcodes.LSUB, Opcodes.L2I);
                    mv.visitLdcInsn(13L);
                    mv.visitInsn(Opcodes.DUP2);
                    ops(mv, Opcodes.LMUL, Opcodes.L2I, Opcodes.IADD);
                },
                () -> ints(mv, new int[] {1, 2, 3}, Opcodes.DUP2_X1, Opcodes.IADD, Opcodes.IMUL, Opcodes.ISUB,
                        Opcodes.IADD),
                () -> { // DUP2_X1 with a long over an int
                    mv.visitIntInsn(Opcodes.BIPUSH, 7);
                    mv.visitLdcInsn(8L);
                    mv.visitInsn(Opcodes.DUP2_X1);
                    ops(mv, Opcodes.L2I, Opcodes.ISUB, Opcodes.I2L, Opcodes.LSUB, Opcodes.L2I);
                },
                () -> ints(mv, new int[] {1, 2, 3, 4}, Opcodes.DUP2_X2, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IADD,
                        Opcodes.ISUB, Opcodes.IMUL),
                () -> { // DUP2_X2: a long over two ints
                    mv.visitInsn(Opcodes.ICONST_1);
                    mv.visitInsn(Opcodes.ICONST_5);
                    mv.visitLdcInsn(9L);
                    mv.visitInsn(Opcodes.DUP2_X2);
                    ops(mv, Opcodes.L2I, Opcodes.ISUB, Opcodes.ISUB, Opcodes.I2L, Opcodes.LMUL, Opcodes.L2I);
                },
                () -> { // DUP2_X2: two ints over a long
                    mv.visitLdcInsn(5L);
                    mv.visitInsn(Opcodes.ICONST_2);
                    mv.visitIntInsn(Opcodes.BIPUSH, 10);
                    mv.visitInsn(Opcodes.DUP2_X2);
                    ops(mv, Opcodes.ISUB, Opcodes.I2L, Opcodes.LMUL, Opcodes.L2I, Opcodes.IMUL, Opcodes.ISUB);
                },
                () -> { // DUP2_X2: a long over a long
                    mv.visitLdcInsn(3L);
                    mv.visitLdcInsn(4L);
                    mv.visitInsn(Opcodes.DUP2_X2);
                    ops(mv, Opcodes.LSUB, Opcodes.LMUL, Opcodes.L2I);
                });
    }

    private static void ints(MethodVisitor mv, int[] values, int... ops) {
        for (int v : values) {
            push(mv, v);
        }
        ops(mv, ops);
    }

    private static void ops(MethodVisitor mv, int... ops) {
        for (int op : ops) {
            mv.visitInsn(op);
        }
    }

    private static void push(MethodVisitor mv, int value) {
        mv.visitIntInsn(Opcodes.SIPUSH, value);
    }
}
