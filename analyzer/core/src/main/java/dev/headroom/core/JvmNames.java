package dev.headroom.core;

/**
 * Checks of the names users write in options, patterns and data files: JVM method descriptors, Java
 * binary class names, {@code <class>#<method>} patterns. One place, so that the CLI, the Maven plugin, rule
 * packs, cost models and root patterns accept the same things.
 */
public final class JvmNames {
    private JvmNames() {
    }

    /** True for a well-formed JVM method descriptor such as {@code (I[Ljava/lang/String;)V}. */
    public static boolean isMethodDescriptor(String d) {
        return methodDescriptor(d, false);
    }

    /**
     * A method descriptor as the JVM checks it in a class file (JVMS 4.3.3): its class names may hold any
     * character but {@code . ; [ /}, parentheses and spaces included, which users' options never need.
     */
    public static boolean isClassFileMethodDescriptor(String d) {
        return d != null && methodDescriptor(d, true);
    }

    /** A field descriptor as the JVM checks it in a class file (JVMS 4.3.2). */
    public static boolean isClassFileFieldDescriptor(String d) {
        return d != null && fieldTypeEnd(d, 0, true) == d.length();
    }

    /** A class name in internal form as the JVM checks it in a class file (JVMS 4.2.1): {@code com/acme/Motor}. */
    public static boolean isClassFileClassName(String name) {
        return name != null && isInternalName(name, 0, name.length(), true);
    }

    private static boolean methodDescriptor(String d, boolean classFile) {
        if (d.isEmpty() || d.charAt(0) != '(') {
            return false;
        }
        int i = 1;
        while (i < d.length() && d.charAt(i) != ')') {
            i = fieldTypeEnd(d, i, classFile);
            if (i < 0) {
                return false;
            }
        }
        if (i >= d.length()) {
            return false;
        }
        i++; // ')'
        if (i < d.length() && d.charAt(i) == 'V') {
            return i + 1 == d.length();
        }
        return fieldTypeEnd(d, i, classFile) == d.length();
    }

    /** The index after the field type starting at {@code i}, or -1 when there is none. */
    private static int fieldTypeEnd(String d, int i, boolean classFile) {
        int dims = 0;
        while (i < d.length() && d.charAt(i) == '[') {
            i++;
            dims++;
        }
        if (dims > 255 || i >= d.length()) {
            return -1;
        }
        switch (d.charAt(i)) {
            case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z':
                return i + 1;
            case 'L': {
                int semi = d.indexOf(';', i);
                if (semi < 0 || semi == i + 1) {
                    return -1;
                }
                return isInternalName(d, i + 1, semi, classFile) ? semi + 1 : -1;
            }
            default:
                return -1;
        }
    }

    /** Slash-separated non-empty parts without the characters a name may not hold. */
    private static boolean isInternalName(String d, int from, int to, boolean classFile) {
        int partStart = from;
        for (int k = from; k < to; k++) {
            char c = d.charAt(k);
            if (c == '/') {
                if (k == partStart) {
                    return false;
                }
                partStart = k + 1;
            } else if (c == '.' || c == ';' || c == '[' || (!classFile
                    && (c == '(' || c == ')' || c == '<' || c == '>' || Character.isWhitespace(c)))) {
                return false;
            }
        }
        return partStart < to;
    }

    /** A Java binary name with dots: {@code com.acme.RealTime}, {@code com.acme.Outer$Inner}. */
    public static boolean isBinaryName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Exactly one {@code #} with a class part before it and a method part after it. */
    public static boolean isMethodPatternShape(String pattern) {
        int hash = pattern.indexOf('#');
        return hash > 0 && hash < pattern.length() - 1 && pattern.indexOf('#', hash + 1) < 0;
    }
}
