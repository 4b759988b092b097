package dev.headroom.core.classpath;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Parses class-file bytes into a tree, keeping line numbers (no {@code SKIP_DEBUG}: findings name
 * lines) and skipping stack-map frames (the analyses compute what they need).
 */
final class ClassFileParser {
    private ClassFileParser() {
    }

    /** Thrown for bytes that are not a class file this build can read; the message says why. */
    static final class UnreadableClassException extends Exception {
        UnreadableClassException(String message) {
            super(message);
        }
    }

    static ClassNode parse(byte[] bytes) throws UnreadableClassException {
        if (bytes.length < 10) {
            throw new UnreadableClassException("truncated class file (" + bytes.length + " bytes)");
        }
        int magic = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        if (magic != 0xCAFEBABE) {
            throw new UnreadableClassException("not a class file (bad magic number)");
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        if (major < AsmApi.OLDEST_MAJOR || major > AsmApi.NEWEST_MAJOR) {
            throw new UnreadableClassException("unsupported class-file version " + major + " (" + AsmApi.javaRelease(major)
                    + "); supported: " + AsmApi.supportedRange());
        }
        try {
            ClassNode node = new ClassNode(AsmApi.VERSION);
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
            return node;
        } catch (RuntimeException e) {
            // ASM signals corrupt input with IndexOutOfBounds, IllegalArgument and friends.
            throw new UnreadableClassException("corrupt or truncated class file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
