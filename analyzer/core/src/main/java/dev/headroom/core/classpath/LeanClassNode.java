package dev.headroom.core.classpath;

import java.util.Collections;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A class tree without what no analysis reads: local variable tables (names and ranges of locals) are not
 * kept, and a method's empty lists share one empty list. A whole program keeps a tree per class until its
 * last analysis, and on a large one these are a tenth of the heap.
 */
final class LeanClassNode extends ClassNode {
    LeanClassNode(int api) {
        super(api);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodNode method = new LeanMethodNode(api, access, name, descriptor, signature, exceptions);
        methods.add(method);
        return method;
    }

    private static final class LeanMethodNode extends MethodNode {
        LeanMethodNode(int api, int access, String name, String descriptor, String signature, String[] exceptions) {
            super(api, access, name, descriptor, signature, exceptions);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                                       int index) {
            // not kept: no analysis reads locals' names or ranges
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                                                              Label[] end, int[] index, String descriptor,
                                                              boolean visible) {
            return null;
        }

        @Override
        public void visitEnd() {
            // Collections.emptyList, not List.of: clearing it (the class-file checks drop bad code so) is allowed.
            if (tryCatchBlocks.isEmpty()) {
                tryCatchBlocks = Collections.emptyList();
            }
            if (exceptions.isEmpty()) {
                exceptions = Collections.emptyList();
            }
            // ASM makes every concrete method a list for its locals; none is added here, and null is ASM's "none".
            localVariables = null;
        }
    }
}
