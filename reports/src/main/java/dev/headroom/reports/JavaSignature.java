package dev.headroom.reports;

import dev.headroom.core.model.MethodId;
import java.util.StringJoiner;

/**
 * Methods named as a Java programmer writes them, for the JUnit XML report's test names:
 * {@code onSample(String, long)} for {@code onSample(Ljava/lang/String;J)V}. Parameter types by their
 * simple name ({@code String}, {@code int[]}), nested classes with a dot, a constructor by its class's name,
 * {@code <clinit>} as {@code static initializer}.
 */
final class JavaSignature {
    private JavaSignature() {
    }

    /** {@code onSample(String, long)}, {@code Ring(int)}, {@code static initializer}. */
    static String method(MethodId method) {
        return switch (method.name()) {
            case "<init>" -> innermost(simpleClassName(method.className())) + parameters(method.descriptor());
            case "<clinit>" -> "static initializer";
            default -> method.name() + parameters(method.descriptor());
        };
    }

    /** {@code com.acme.TelemetryHandler.onSample(String, long)}. */
    static String qualified(MethodId method) {
        return javaClassName(method.className()) + (method.name().equals("<clinit>") ? " " : ".") + method(method);
    }

    /** {@code TelemetryHandler.onSample(String, long)}: the class without its package. */
    static String simple(MethodId method) {
        return simpleClassName(method.className()) + (method.name().equals("<clinit>") ? " " : ".")
                + method(method);
    }

    /** {@code (String, long)} for {@code (Ljava/lang/String;J)V}. */
    static String parameters(String descriptor) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            if (descriptor.charAt(i) == 'L') {
                int semi = descriptor.indexOf(';', i);
                type = simpleClassName(descriptor.substring(i + 1, semi).replace('/', '.'));
                i = semi + 1;
            } else {
                type = primitive(descriptor.charAt(i));
                i++;
            }
            parameters.add(type + "[]".repeat(dims));
        }
        return parameters.toString();
    }

    private static String primitive(char c) {
        return switch (c) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            default -> String.valueOf(c);
        };
    }

    /** {@code com.acme.Outer.Inner} for {@code com.acme.Outer$Inner}; {@code Outer$1} keeps its {@code $}. */
    static String javaClassName(String binaryName) {
        StringBuilder name = new StringBuilder(binaryName);
        for (int i = 1; i < name.length() - 1; i++) {
            if (name.charAt(i) == '$' && Character.isJavaIdentifierStart(name.charAt(i + 1))
                    && name.charAt(i + 1) != '$' && name.charAt(i - 1) != '$') {
                name.setCharAt(i, '.');
            }
        }
        return name.toString();
    }

    private static String simpleClassName(String binaryName) {
        return javaClassName(binaryName.substring(binaryName.lastIndexOf('.') + 1));
    }

    private static String innermost(String simpleName) {
        return simpleName.substring(simpleName.lastIndexOf('.') + 1);
    }
}
