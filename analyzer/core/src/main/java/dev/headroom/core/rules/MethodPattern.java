package dev.headroom.core.rules;

import dev.headroom.core.JvmNames;
import java.util.regex.Pattern;

/**
 * A parsed {@code <class>#<method>[<descriptor>]} pattern. The class part may contain {@code *} (any
 * characters but '.') and {@code **} (any characters); the method is an identifier, {@code <init>},
 * {@code <clinit>} or {@code *}; the descriptor is an optional JVM method descriptor.
 */
final class MethodPattern {
    static final String ANY_METHOD = "*";

    private final String text;
    private final String classPattern;
    private final String methodName;
    private final String descriptor;
    private final Pattern classRegex;

    private MethodPattern(String text, String classPattern, String methodName, String descriptor) {
        this.text = text;
        this.classPattern = classPattern;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.classRegex = classPattern.indexOf('*') >= 0 ? toRegex(classPattern) : null;
    }

    /**
     * Parses and validates a pattern.
     *
     * @throws IllegalArgumentException with a one-line description of what is wrong
     */
    static MethodPattern parse(String text) {
        int hash = text.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException(
                    "malformed pattern: no '#' between class and method; expected <class>#<method>[<descriptor>]");
        }
        if (text.indexOf('#', hash + 1) >= 0) {
            throw new IllegalArgumentException(
                    "malformed pattern: more than one '#'; expected <class>#<method>[<descriptor>]");
        }
        String classPart = text.substring(0, hash);
        String rest = text.substring(hash + 1);
        int paren = rest.indexOf('(');
        String method = paren < 0 ? rest : rest.substring(0, paren);
        String descriptor = paren < 0 ? null : rest.substring(paren);

        checkClassPattern(classPart);
        checkMethodName(method);
        if (descriptor != null) {
            if (method.equals(ANY_METHOD)) {
                throw new IllegalArgumentException("a descriptor needs a method name, not '*'");
            }
            if (!isMethodDescriptor(descriptor)) {
                throw new IllegalArgumentException(
                        "malformed descriptor; expected a JVM method descriptor such as (Ljava/lang/Object;)Z");
            }
            if ((method.equals("<init>") || method.equals("<clinit>")) && !descriptor.endsWith(")V")) {
                throw new IllegalArgumentException("malformed descriptor; " + method + " returns V");
            }
        }
        return new MethodPattern(text, classPart, method, descriptor);
    }

    String text() {
        return text;
    }

    String classPattern() {
        return classPattern;
    }

    String methodName() {
        return methodName;
    }

    /** The descriptor, or null when the pattern names no descriptor. */
    String descriptor() {
        return descriptor;
    }

    boolean hasClassWildcard() {
        return classRegex != null;
    }

    /** The part of the class pattern before its first '*'. */
    String literalPrefix() {
        int star = classPattern.indexOf('*');
        return star < 0 ? classPattern : classPattern.substring(0, star);
    }

    boolean matchesClass(String className) {
        return classRegex == null ? classPattern.equals(className) : classRegex.matcher(className).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    private static void checkClassPattern(String classPart) {
        if (classPart.isEmpty()) {
            throw new IllegalArgumentException("malformed pattern: empty class name before '#'");
        }
        if (classPart.indexOf('/') >= 0) {
            throw new IllegalArgumentException(
                    "malformed class name '" + classPart + "': use a binary name with dots, e.g. java.util.HashMap$Node");
        }
        if (classPart.contains("***")) {
            throw new IllegalArgumentException("malformed class name '" + classPart + "': use * or **, not ***");
        }
        for (String segment : classPart.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("malformed class name '" + classPart + "': empty package or class segment");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                boolean ok = c == '*' || Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
                if (!ok) {
                    throw new IllegalArgumentException(
                            "malformed class name '" + classPart + "': unexpected character '" + c + "'");
                }
            }
        }
    }

    private static void checkMethodName(String method) {
        if (method.equals(ANY_METHOD) || method.equals("<init>") || method.equals("<clinit>")) {
            return;
        }
        boolean ok = !method.isEmpty() && Character.isJavaIdentifierStart(method.charAt(0));
        for (int i = 1; ok && i < method.length(); i++) {
            ok = Character.isJavaIdentifierPart(method.charAt(i)) && !Character.isIdentifierIgnorable(method.charAt(i));
        }
        if (!ok) {
            throw new IllegalArgumentException("malformed method name '" + method
                    + "'; expected a Java identifier, <init>, <clinit> or *");
        }
    }

    /** True for a well-formed JVM method descriptor such as {@code (I[Ljava/lang/String;)V}. */
    static boolean isMethodDescriptor(String d) {
        return JvmNames.isMethodDescriptor(d);
    }

    private static Pattern toRegex(String classPattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < classPattern.length()) {
            if (classPattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (classPattern.charAt(i) == '*') {
                regex.append("[^.]*");
                i++;
            } else {
                int next = classPattern.indexOf('*', i);
                int end = next < 0 ? classPattern.length() : next;
                regex.append(Pattern.quote(classPattern.substring(i, end)));
                i = end;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
