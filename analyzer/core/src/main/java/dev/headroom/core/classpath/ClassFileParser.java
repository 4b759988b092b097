package dev.headroom.core.classpath;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Parses class-file bytes into a tree, keeping line numbers (no {@code SKIP_DEBUG}: findings name
 * lines) and skipping stack-map frames (the analyses compute what they need).
 *
 * <p>Names and descriptors are taken from a pool shared by every class of a run: the same owner, name
 * or descriptor read from two class files is one {@code String}, so the analyses' map keys built from
 * them compare by identity instead of character by character.
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

    /** @param names the run's pool of names and descriptors (see above) */
    static ClassNode parse(byte[] bytes, Map<String, String> names) throws UnreadableClassException {
        return parse(bytes, names, false);
    }

    /** Whether the bytes start with a class file's magic number, {@code 0xCAFEBABE}. */
    static boolean startsWithMagic(byte[] bytes) {
        return bytes.length >= 4 && ((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8
                | bytes[3] & 0xff) == 0xCAFEBABE;
    }

    /** @param withoutCode true to skip the methods' code (a skeleton: access, names, descriptors, annotations) */
    static ClassNode parse(byte[] bytes, Map<String, String> names, boolean withoutCode) throws UnreadableClassException {
        if (bytes.length < 10) {
            throw new UnreadableClassException("truncated class file (" + bytes.length + " bytes)");
        }
        if (!startsWithMagic(bytes)) {
            throw new UnreadableClassException("not a class file (bad magic number)");
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        if (major < AsmApi.OLDEST_MAJOR || major > AsmApi.NEWEST_MAJOR) {
            throw new UnreadableClassException("unsupported class-file version " + major + " (" + AsmApi.javaRelease(major)
                    + "); supported: " + AsmApi.supportedRange());
        }
        ClassNode node = new LeanClassNode(AsmApi.VERSION);
        try {
            new PooledNames(bytes, names).accept(node, ClassReader.SKIP_FRAMES | (withoutCode ? ClassReader.SKIP_CODE : 0));
        } catch (RuntimeException e) {
            // ASM signals corrupt input with IndexOutOfBounds, IllegalArgument and friends.
            throw new UnreadableClassException("corrupt or truncated class file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        String invalid = ClassGuard.classProblem(node);
        if (invalid != null) {
            throw new UnreadableClassException(invalid + " (a JVM would not load it)");
        }
        return node;
    }

    /** A reader whose constant-pool strings come from the pool, looked up once per constant of the class. */
    private static final class PooledNames extends ClassReader {
        private final Map<String, String> names;
        /** The pooled string of each constant-pool entry read so far, by its index. */
        private final String[] byIndex;

        PooledNames(byte[] bytes, Map<String, String> names) {
            super(bytes);
            this.names = names;
            this.byIndex = new String[getItemCount()];
        }

        @Override
        public String readUTF8(int offset, char[] charBuffer) {
            if (names == null) { // the super constructor reads some strings before the pool is set
                return super.readUTF8(offset, charBuffer);
            }
            int index = readUnsignedShort(offset);
            if (index == 0 || index >= byIndex.length) {
                return super.readUTF8(offset, charBuffer);
            }
            String known = byIndex[index];
            if (known == null) {
                String s = super.readUTF8(offset, charBuffer);
                String pooled = s == null ? null : names.putIfAbsent(s, s);
                known = pooled == null ? s : pooled;
                byIndex[index] = known;
            }
            return known;
        }
    }
}
