package dev.headroom.core.classpath;

import dev.headroom.core.JvmNames;

/**
 * The JVM's own rules for the names and descriptors a class file holds (JVMS 4.2, 4.3), as a format
 * checker applies them: what ASM parsed but a JVM would reject. Deliberately as wide as the JVMS (an
 * obfuscated name with spaces or odd letters is legal); null is never valid (a zeroed constant-pool
 * reference reads as null).
 */
final class ClassFileNames {
    private ClassFileNames() {
    }

    /** An unqualified name (JVMS 4.2.2): a field or local name, one part of a class name. */
    static boolean isUnqualifiedName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == ';' || c == '[' || c == '/') {
                return false;
            }
        }
        return true;
    }

    /** A method name: unqualified and without angle brackets, or one of the two special names. */
    static boolean isMethodName(String name) {
        if ("<init>".equals(name) || "<clinit>".equals(name)) {
            return true;
        }
        return isUnqualifiedName(name) && name.indexOf('<') < 0 && name.indexOf('>') < 0;
    }

    /** A class or interface name in internal form: {@code com/acme/Motor}. */
    static boolean isClassName(String name) {
        return JvmNames.isClassFileClassName(name);
    }

    /** What a CONSTANT_Class may name: a class in internal form, or an array type's descriptor. */
    static boolean isClassOrArray(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.charAt(0) == '[' ? isFieldDescriptor(name) : isClassName(name);
    }

    static boolean isFieldDescriptor(String d) {
        return JvmNames.isClassFileFieldDescriptor(d);
    }

    /** An array type's descriptor with at least this many dimensions. */
    static boolean isArrayDescriptor(String d, int dimensions) {
        if (!isFieldDescriptor(d)) {
            return false;
        }
        int dims = 0;
        while (dims < d.length() && d.charAt(dims) == '[') {
            dims++;
        }
        return dims >= Math.max(1, dimensions);
    }

    static boolean isMethodDescriptor(String d) {
        return JvmNames.isClassFileMethodDescriptor(d);
    }
}
