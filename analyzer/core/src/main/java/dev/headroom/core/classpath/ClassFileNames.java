package dev.headroom.core.classpath;

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
        return name != null && isClassName(name, 0, name.length());
    }

    private static boolean isClassName(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        int partStart = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                if (i == partStart) {
                    return false;
                }
                partStart = i + 1;
            } else if (c == '.' || c == ';' || c == '[') {
                return false;
            }
        }
        return partStart < to;
    }

    /** What a CONSTANT_Class may name: a class in internal form, or an array type's descriptor. */
    static boolean isClassOrArray(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.charAt(0) == '[' ? isFieldDescriptor(name) : isClassName(name);
    }

    static boolean isFieldDescriptor(String d) {
        return d != null && fieldTypeEnd(d, 0) == d.length();
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
        if (d == null || d.isEmpty() || d.charAt(0) != '(') {
            return false;
        }
        int i = 1;
        while (i < d.length() && d.charAt(i) != ')') {
            i = fieldTypeEnd(d, i);
            if (i < 0) {
                return false;
            }
        }
        if (i >= d.length()) {
            return false;
        }
        i++;
        if (i < d.length() && d.charAt(i) == 'V') {
            return i + 1 == d.length();
        }
        return fieldTypeEnd(d, i) == d.length();
    }

    /** The index after the field type that starts at {@code i}, or -1 (at most 255 dimensions, JVMS 4.3.2). */
    private static int fieldTypeEnd(String d, int i) {
        int dims = 0;
        while (i < d.length() && d.charAt(i) == '[') {
            i++;
            dims++;
        }
        if (dims > 255 || i >= d.length()) {
            return -1;
        }
        switch (d.charAt(i)) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z':
                return i + 1;
            case 'L': {
                int semi = d.indexOf(';', i);
                return semi > 0 && isClassName(d, i + 1, semi) ? semi + 1 : -1;
            }
            default:
                return -1;
        }
    }
}
