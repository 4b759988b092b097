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
        if (d.isEmpty() || d.charAt(0) != '(') {
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
        i++; // ')'
        if (i < d.length() && d.charAt(i) == 'V') {
            return i + 1 == d.length();
        }
        return fieldTypeEnd(d, i) == d.length();
    }

    /** The index after the field type starting at {@code i}, or -1 when there is none. */
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
            case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z':
                return i + 1;
            case 'L': {
                int semi = d.indexOf(';', i);
                if (semi < 0 || semi == i + 1) {
                    return -1;
                }
                String internalName = d.substring(i + 1, semi);
                for (String part : internalName.split("/", -1)) {
                    if (part.isEmpty()) {
                        return -1;
                    }
                    for (int k = 0; k < part.length(); k++) {
                        char c = part.charAt(k);
                        if (c == '.' || c == '[' || c == '(' || c == ')' || c == '<' || c == '>' || Character.isWhitespace(c)) {
                            return -1;
                        }
                    }
                }
                return semi + 1;
            }
            default:
                return -1;
        }
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
