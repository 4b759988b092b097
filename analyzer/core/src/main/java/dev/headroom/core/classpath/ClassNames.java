package dev.headroom.core.classpath;

/** Which class files in a directory or jar are classes that take part in the analysis. */
final class ClassNames {
    private ClassNames() {
    }

    /**
     * False for {@code module-info}, {@code package-info} and anything in a {@code META-INF} directory (at
     * any depth: {@code classes/META-INF/versions/11/...} of an exploded multi-release jar one level down is
     * a copy of a class, not another one). Applies to entry paths and to the names class files declare.
     */
    static boolean isClassName(String internalName) {
        return !internalName.startsWith("META-INF/")
                && !internalName.contains("/META-INF/")
                && !internalName.equals("module-info")
                && !internalName.endsWith("/module-info")
                && !internalName.equals("package-info")
                && !internalName.endsWith("/package-info");
    }
}
