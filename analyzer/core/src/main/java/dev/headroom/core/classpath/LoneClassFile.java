package dev.headroom.core.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassReader;

/**
 * Tells a user who named one class file as an input which directory to name instead. Inputs are class directories
 * and jars: a class's place in its directory is its name, and the other classes of the program are found beside it.
 */
final class LoneClassFile {
    private LoneClassFile() {
    }

    /** What to do instead when {@code file}, which is not a jar, is a class file; else null. */
    static String advice(Path file) {
        if (!startsWithMagic(file)) {
            return null;
        }
        String internalName;
        try {
            internalName = new ClassReader(ClassFileReads.read(file)).getClassName();
        } catch (IOException | RuntimeException e) { // a damaged class file: its name cannot be read
            return "a class file, not a class directory or a jar: name the directory its package folders start in"
                    + " (such as target/classes)";
        }
        String className = internalName.replace('/', '.');
        Path root = rootOf(file.toAbsolutePath().normalize(), internalName);
        if (root == null) { // a link to the class file in its folders
            try {
                root = rootOf(file.toRealPath(), internalName);
            } catch (IOException e) {
                root = null;
            }
        }
        return "a class file (of " + className + "), not a class directory or a jar: name the directory "
                + (root != null ? "its package folders start in, " + root
                        : "that holds it as " + internalName + ".class (such as target/classes)");
    }

    private static boolean startsWithMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ClassFileParser.startsWithMagic(in.readNBytes(4));
        } catch (IOException e) {
            return false; // the error says why it cannot be read as a jar
        }
    }

    /** The directory from which the file's path is the class's name, or null when its folders do not match. */
    private static Path rootOf(Path file, String internalName) {
        Path root = file;
        String[] parts = internalName.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String expected = i == parts.length - 1 ? parts[i] + ".class" : parts[i];
            if (root == null || root.getFileName() == null || !root.getFileName().toString().equals(expected)) {
                return null;
            }
            root = root.getParent();
        }
        return root;
    }
}
