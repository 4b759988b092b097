package dev.headroom.core.classpath;

import org.objectweb.asm.tree.ClassNode;

/**
 * A parsed class and where it came from.
 *
 * @param input true for the user's classes (the inputs): roots are found and findings reported there
 * @param system true for a system class of the JDK (of the boot loader, such as {@code java.base}), whose
 *               assertions {@code -ea} does not turn on
 */
public record LoadedClass(ClassNode node, boolean input, String location, boolean system) {
    public String internalName() {
        return node.name;
    }

    /** The SourceFile attribute, or null. */
    public String sourceFile() {
        return node.sourceFile;
    }
}
