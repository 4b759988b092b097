import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes a jar of generated classes for the large-input scenario of run.sh: {@code gen.pK.CN}, 100 per
 * package, each with an instance array, a static pool, a counted loop, a call into the next class, a
 * growing StringBuilder and an interface call, so every analysis has work in every class.
 * Usage: java -cp analyzer/cli/target/headroom.jar benchmarks/GeneratedJar.java out.jar 50000
 */
public final class GeneratedJar {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file)) {
            for (int p = 0; p * 10 < count; p++) {
                put(jar, task(p), task(task(p)));
            }
            for (int i = 0; i < count; i++) {
                put(jar, name(i), generated(i, count));
            }
        }
    }

    private static String name(int i) {
        return "gen/p" + (i / 100) + "/C" + i;
    }

    /** The interface the classes of group p implement (one per ten classes: ten implementations each). */
    private static String task(int p) {
        return "gen/p" + (p / 10) + "/Task" + (p % 10);
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name + ".class"));
        jar.write(bytes);
        jar.closeEntry();
    }

    private static byte[] task(String name) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, name, null,
                "java/lang/Object", null);
        cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "run", "(I)I", null, null).visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static byte[] generated(int i, int count) {
        String self = name(i);
        String next = name((i + 1) % count);
        String task = task(i / 10);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC, self, null, "java/lang/Object", new String[] {task});
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "data", "[I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "peer", "L" + task + ";", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "POOL", "[Ljava/lang/Object;", null, null).visitEnd();

        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitIntInsn(Opcodes.BIPUSH, 8);
        clinit.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, self, "POOL", "[Ljava/lang/Object;");
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(L" + task + ";)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitIntInsn(Opcodes.BIPUSH, 16);
        init.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        init.visitFieldInsn(Opcodes.PUTFIELD, self, "data", "[I");
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitFieldInsn(Opcodes.PUTFIELD, self, "peer", "L" + task + ";");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        // int sum(): a loop over the 16 ints of data
        MethodVisitor sum = cw.visitMethod(Opcodes.ACC_PUBLIC, "sum", "()I", null, null);
        sum.visitCode();
        Label test = new Label();
        Label loop = new Label();
        sum.visitInsn(Opcodes.ICONST_0);
        sum.visitVarInsn(Opcodes.ISTORE, 1);
        sum.visitInsn(Opcodes.ICONST_0);
        sum.visitVarInsn(Opcodes.ISTORE, 2);
        sum.visitJumpInsn(Opcodes.GOTO, test);
        sum.visitLabel(loop);
        sum.visitVarInsn(Opcodes.ILOAD, 1);
        sum.visitVarInsn(Opcodes.ALOAD, 0);
        sum.visitFieldInsn(Opcodes.GETFIELD, self, "data", "[I");
        sum.visitVarInsn(Opcodes.ILOAD, 2);
        sum.visitInsn(Opcodes.IALOAD);
        sum.visitInsn(Opcodes.IADD);
        sum.visitVarInsn(Opcodes.ISTORE, 1);
        sum.visitIincInsn(2, 1);
        sum.visitLabel(test);
        sum.visitVarInsn(Opcodes.ILOAD, 2);
        sum.visitIntInsn(Opcodes.BIPUSH, 16);
        sum.visitJumpInsn(Opcodes.IF_ICMPLT, loop);
        sum.visitVarInsn(Opcodes.ILOAD, 1);
        sum.visitInsn(Opcodes.IRETURN);
        sum.visitMaxs(0, 0);
        sum.visitEnd();

        // static int next(int x): a call into the next class
        MethodVisitor nextCall = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "next", "(I)I", null, null);
        nextCall.visitCode();
        nextCall.visitVarInsn(Opcodes.ILOAD, 0);
        if (i % 10 != 9) { // chains of ten calls
            nextCall.visitInsn(Opcodes.ICONST_1);
            nextCall.visitInsn(Opcodes.IADD);
            nextCall.visitMethodInsn(Opcodes.INVOKESTATIC, next, "next", "(I)I", false);
        }
        nextCall.visitInsn(Opcodes.IRETURN);
        nextCall.visitMaxs(0, 0);
        nextCall.visitEnd();

        // String describe(int x): a growing StringBuilder
        MethodVisitor describe = cw.visitMethod(Opcodes.ACC_PUBLIC, "describe", "(I)Ljava/lang/String;", null, null);
        describe.visitCode();
        describe.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        describe.visitInsn(Opcodes.DUP);
        describe.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
        describe.visitLdcInsn(self);
        describe.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
        describe.visitVarInsn(Opcodes.ILOAD, 1);
        describe.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(I)Ljava/lang/StringBuilder;", false);
        describe.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;",
                false);
        describe.visitInsn(Opcodes.ARETURN);
        describe.visitMaxs(0, 0);
        describe.visitEnd();

        // int run(int x): Task, through the peer (an interface call)
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "(I)I", null, null);
        run.visitCode();
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitFieldInsn(Opcodes.GETFIELD, self, "peer", "L" + task + ";");
        run.visitVarInsn(Opcodes.ILOAD, 1);
        run.visitMethodInsn(Opcodes.INVOKEINTERFACE, task, "run", "(I)I", true);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, self, "sum", "()I", false);
        run.visitInsn(Opcodes.IADD);
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();

        // static Task make(Task peer): instantiates the class, so RTA and VTA see it
        MethodVisitor make = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "make",
                "(L" + task + ";)L" + task + ";", null, null);
        make.visitCode();
        make.visitTypeInsn(Opcodes.NEW, self);
        make.visitInsn(Opcodes.DUP);
        make.visitVarInsn(Opcodes.ALOAD, 0);
        make.visitMethodInsn(Opcodes.INVOKESPECIAL, self, "<init>", "(L" + task + ";)V", false);
        make.visitInsn(Opcodes.ARETURN);
        make.visitMaxs(0, 0);
        make.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
