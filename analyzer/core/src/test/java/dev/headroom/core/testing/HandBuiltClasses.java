package dev.headroom.core.testing;

import dev.headroom.core.classpath.AsmApi;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Classes built with ASM's tree API for the tests of bytecode shapes javac does not emit. */
public final class HandBuiltClasses {
    private HandBuiltClasses() {
    }

    /** A public Java 17 class with this super class and {@code SourceFile} attribute. */
    public static ClassNode newClass(String name, String superName, String sourceFile) {
        ClassNode c = new ClassNode(AsmApi.VERSION);
        c.version = Opcodes.V17;
        c.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER;
        c.name = name;
        c.superName = superName;
        c.sourceFile = sourceFile;
        return c;
    }

    /** A method of c, annotated with the given (invisible) root annotation unless it is null. */
    public static MethodNode method(ClassNode c, int access, String name, String descriptor, String rootAnnotation) {
        MethodNode m = new MethodNode(AsmApi.VERSION, access, name, descriptor, null, null);
        if (rootAnnotation != null) {
            m.visitAnnotation(rootAnnotation, false);
        }
        c.methods.add(m);
        return m;
    }
}
