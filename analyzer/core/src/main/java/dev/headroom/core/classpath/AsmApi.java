package dev.headroom.core.classpath;

import org.objectweb.asm.Opcodes;

/** The ASM API level and the newest class-file version this build reads: pinned in one place. */
public final class AsmApi {
    public static final int VERSION = Opcodes.ASM9;
    /** Oldest class-file major version read (Java 1.1). */
    public static final int OLDEST_MAJOR = 45;
    /** Newest class-file major version read (Java 27, as far as ASM supports). */
    public static final int NEWEST_MAJOR = Opcodes.V27;

    private AsmApi() {
    }

    /** {@code 69} → {@code "Java 25"}. */
    public static String javaRelease(int major) {
        return major <= 48 ? "Java 1." + (major - 44) : "Java " + (major - 44);
    }

    public static String supportedRange() {
        return OLDEST_MAJOR + "-" + NEWEST_MAJOR + " (" + javaRelease(OLDEST_MAJOR) + " to " + javaRelease(NEWEST_MAJOR) + ")";
    }
}
