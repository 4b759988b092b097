package dev.headroom.core.classpath;

import org.objectweb.asm.tree.ClassNode;

/**
 * A parsed class and where it came from.
 *
 * @param input true for the user's classes (the inputs): roots are found and findings reported there
 */
public record LoadedClass(ClassNode node, boolean input, String location) {
    public String internalName() {
        return node.name;
    }

    /** The SourceFile attribute, or null. */
    public String sourceFile() {
        return node.sourceFile;
    }
}
