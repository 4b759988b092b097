package dev.headroom.core.classpath;

/** Which file names in a directory or jar are classes that take part in the analysis. */
final class ClassNames {
    private ClassNames() {
    }

    /** False for {@code module-info}, {@code package-info} and anything under {@code META-INF}. */
    static boolean isClassName(String internalName) {
        return !internalName.startsWith("META-INF/")
                && !internalName.equals("module-info")
                && !internalName.endsWith("/module-info")
                && !internalName.equals("package-info")
                && !internalName.endsWith("/package-info");
    }
}
