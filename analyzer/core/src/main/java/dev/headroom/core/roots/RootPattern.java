package dev.headroom.core.roots;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.JvmNames;
import java.util.regex.Pattern;

/**
 * A {@code --root} pattern: {@code <class>#<method>} or {@code <class>#<method>(<descriptor>)}. The class
 * is a binary name with dots in which {@code *} matches within one package segment and {@code **} any
 * number of segments; the method is a name or {@code *}. Examples: {@code com.acme.Motor#onTick},
 * {@code com.acme.Motor#onTick(I)V}, {@code com.acme.*#*}, {@code com.acme.**#on*}.
 */
final class RootPattern {
    private final String text;
    private final Pattern classPattern;
    private final Pattern methodPattern;
    private final String descriptor;
    private final boolean methodWildcard;

    private RootPattern(String text, Pattern classPattern, Pattern methodPattern, String descriptor, boolean methodWildcard) {
        this.text = text;
        this.classPattern = classPattern;
        this.methodPattern = methodPattern;
        this.descriptor = descriptor;
        this.methodWildcard = methodWildcard;
    }

    static RootPattern parse(String option, String text) {
        int hash = text.indexOf('#');
        if (!JvmNames.isMethodPatternShape(text)) {
            throw new ConfigurationException(option + " '" + text
                    + "': expected <class>#<method> or <class>#<method>(<descriptor>), e.g. com.acme.Motor#onTick");
        }
        String cls = text.substring(0, hash);
        String rest = text.substring(hash + 1);
        String method = rest;
        String descriptor = null;
        int paren = rest.indexOf('(');
        if (paren >= 0) {
            method = rest.substring(0, paren);
            descriptor = rest.substring(paren);
            if (!JvmNames.isMethodDescriptor(descriptor)) {
                throw new ConfigurationException(option + " '" + text + "': '" + descriptor
                        + "' is not a JVM method descriptor, e.g. (I)V or (Ljava/lang/String;)Z");
            }
        }
        if (method.isEmpty() || !cls.matches("[\\w$.*]+") || !method.matches("[\\w$*<>]+")) {
            throw new ConfigurationException(option + " '" + text + "': not a valid class or method name");
        }
        return new RootPattern(text, glob(cls, true), glob(method, false), descriptor, method.contains("*"));
    }

    private static Pattern glob(String glob, boolean dotted) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append(dotted ? "[^.]*" : ".*");
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // DOTALL: a star matches every character a class or method name may hold, line breaks included.
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    boolean matchesClass(String binaryName) {
        return classPattern.matcher(binaryName).matches();
    }

    boolean matchesMethod(String name, String desc) {
        return methodPattern.matcher(name).matches() && (descriptor == null || descriptor.equals(desc));
    }

    /** Wildcard method patterns skip constructors, static initialisers and compiler-generated methods. */
    boolean methodWildcard() {
        return methodWildcard;
    }

    @Override
    public String toString() {
        return text;
    }
}
