package dev.headroom.core.model;

import java.util.StringJoiner;

/**
 * Methods and types named as a Java programmer writes them, for text meant to be read by people:
 * {@code com.acme.TelemetryHandler.onSample(String, long)} for the JVM's
 * {@code com.acme.TelemetryHandler#onSample(Ljava/lang/String;J)V}. Machine formats keep the JVM names
 * ({@link MethodId}'s class, name and descriptor); reports for people and messages use these.
 *
 * <ul>
 *   <li>parameter types by their simple name: {@code String}, {@code int[]}, {@code Map.Entry} (a nested
 *       class with its enclosing classes); a varargs parameter is the array it is ({@code Object[]});</li>
 *   <li>classes with dots for nesting: {@code com.acme.Outer.Inner}; an anonymous or local class keeps the
 *       {@code $} of its binary name ({@code Outer$1}), which has no Java name;</li>
 *   <li>a constructor as its class's simple name: {@code Ring(int)}, qualified {@code com.acme.Ring(int)};</li>
 *   <li>a static initializer ({@code <clinit>}) as {@code static initializer}.</li>
 * </ul>
 * The parameter list carries what the descriptor carries: an inner class's constructor shows the
 * enclosing instance javac passes as its first parameter.
 */
public final class JavaSignatures {
    /** How a {@code <clinit>} method is named. */
    public static final String STATIC_INITIALIZER = "static initializer";

    private JavaSignatures() {
    }

    /** {@code com.acme.TelemetryHandler.onSample(String, long)}, {@code com.acme.Ring(int)}. */
    public static String qualified(MethodId method) {
        return named(className(method.className()), method);
    }

    /**
     * {@link #qualified(MethodId)} of a method written as {@link MethodId#toString()} writes it
     * ({@code com.acme.Motor#publish(I)V}, as baseline files hold them); other text as it is.
     */
    public static String qualified(String methodId) {
        int hash = methodId.indexOf('#');
        int paren = methodId.indexOf('(', hash + 1);
        if (hash <= 0 || paren <= hash + 1) {
            return methodId;
        }
        return qualified(new MethodId(methodId.substring(0, hash), methodId.substring(hash + 1, paren),
                methodId.substring(paren)));
    }

    /** {@code TelemetryHandler.onSample(String, long)}, {@code Ring(int)}: the class without its package. */
    public static String simple(MethodId method) {
        return named(simpleClassName(method.className()), method);
    }

    /** {@code onSample(String, long)}, {@code Ring(int)} for a constructor, {@code static initializer}. */
    public static String method(MethodId method) {
        return switch (method.name()) {
            case "<init>" -> innermost(simpleClassName(method.className())) + parameters(method.descriptor());
            case "<clinit>" -> STATIC_INITIALIZER;
            default -> method.name() + parameters(method.descriptor());
        };
    }

    private static String named(String className, MethodId method) {
        return switch (method.name()) {
            case "<init>" -> className + parameters(method.descriptor());
            case "<clinit>" -> className + " " + STATIC_INITIALIZER;
            default -> className + "." + method.name() + parameters(method.descriptor());
        };
    }

    /** {@code (String, long)} for the method descriptor {@code (Ljava/lang/String;J)V}. */
    public static String parameters(String methodDescriptor) {
        StringJoiner params = new StringJoiner(", ", "(", ")");
        int i = methodDescriptor.indexOf('(') + 1;
        while (i > 0 && i < methodDescriptor.length() && methodDescriptor.charAt(i) != ')') {
            int end = typeEnd(methodDescriptor, i);
            params.add(simpleTypeName(methodDescriptor.substring(i, end)));
            i = end;
        }
        return params.toString();
    }

    /** {@code int[]}, {@code String}, {@code Map.Entry} for a field descriptor; an unknown letter as it is. */
    public static String simpleTypeName(String fieldDescriptor) {
        int dims = 0;
        while (dims < fieldDescriptor.length() && fieldDescriptor.charAt(dims) == '[') {
            dims++;
        }
        String element = fieldDescriptor.substring(dims);
        String name = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "D" -> "double";
            case "F" -> "float";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            case "V" -> "void";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? simpleClassName(element.substring(1, element.length() - 1).replace('/', '.'))
                    : element;
        };
        return name + "[]".repeat(dims);
    }

    /** {@code com.acme.Outer.Inner} for the binary name {@code com.acme.Outer$Inner}; {@code Outer$1} stays. */
    public static String className(String binaryName) {
        StringBuilder name = new StringBuilder(binaryName.length());
        for (int i = 0; i < binaryName.length(); i++) {
            char c = binaryName.charAt(i);
            name.append(c == '$' && nestedAt(binaryName, i) ? '.' : c);
        }
        return name.toString();
    }

    /** {@code Outer.Inner} for {@code com.acme.Outer$Inner}: the class without its package. */
    public static String simpleClassName(String binaryName) {
        return className(binaryName.substring(binaryName.lastIndexOf('.') + 1));
    }

    /**
     * Whether the {@code $} at {@code i} separates a member class from its enclosing class: not first or
     * last, not next to another {@code $} (generated names such as {@code Foo$$Lambda}), and followed by a
     * letter (an anonymous or local class is followed by a digit).
     */
    private static boolean nestedAt(String name, int i) {
        return i > 0 && i + 1 < name.length() && name.charAt(i - 1) != '$' && name.charAt(i - 1) != '.'
                && name.charAt(i + 1) != '$' && Character.isJavaIdentifierStart(name.charAt(i + 1));
    }

    /** {@code Inner} for {@code Outer.Inner}: a constructor is named by its own class only. */
    private static String innermost(String simpleName) {
        return simpleName.substring(simpleName.lastIndexOf('.') + 1);
    }

    /** The index after the field type starting at {@code i}; the end of the text when it is malformed. */
    private static int typeEnd(String d, int i) {
        while (i < d.length() && d.charAt(i) == '[') {
            i++;
        }
        if (i < d.length() && d.charAt(i) == 'L') {
            int semi = d.indexOf(';', i);
            return semi < 0 ? d.length() : semi + 1;
        }
        return Math.min(i + 1, d.length());
    }
}
