package dev.headroom.core.roots;

import dev.headroom.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --exclude} patterns. A class pattern ({@code com.acme.generated.**}, the class part of a
 * {@code --root} pattern) takes the classes it matches, and the classes nested in them, out of the inputs:
 * they are read as libraries are (analysed when called, never roots, their findings reported at the
 * calling line of the inputs). A method pattern ({@code com.acme.Motor#debugDump}, the syntax of
 * {@code --root}) keeps the methods it matches from being roots.
 */
public final class Exclusions {
    private static final Exclusions NONE = new Exclusions(List.of(), List.of());

    private final List<RootPattern> classes;
    private final List<RootPattern> methods;

    private Exclusions(List<RootPattern> classes, List<RootPattern> methods) {
        this.classes = classes;
        this.methods = methods;
    }

    public static Exclusions none() {
        return NONE;
    }

    /**
     * @param option the option's name in the front end, for the messages
     * @throws ConfigurationException naming the option and the malformed pattern
     */
    public static Exclusions parse(String option, List<String> patterns) {
        List<RootPattern> classes = new ArrayList<>();
        List<RootPattern> methods = new ArrayList<>();
        for (String text : patterns) {
            if (text.indexOf('#') < 0) {
                if (!text.matches("[\\w$*]+(\\.[\\w$*]+)*")) {
                    throw new ConfigurationException(option + " '" + text + "': not a class pattern; use a binary"
                            + " class name in which * matches within a package and ** across packages, e.g."
                            + " com.acme.generated.** (or <class>#<method> for methods)");
                }
                classes.add(RootPattern.parse(option, text + "#*"));
            } else {
                methods.add(RootPattern.parse(option, text));
            }
        }
        return new Exclusions(List.copyOf(classes), List.copyOf(methods));
    }

    /** True when a class pattern matches this class (a binary name) or a class it is nested in. */
    public boolean excludesClass(String binaryName) {
        if (classes.isEmpty()) {
            return false;
        }
        for (int end = binaryName.indexOf('$'); ; end = binaryName.indexOf('$', end + 1)) {
            String enclosing = end < 0 ? binaryName : binaryName.substring(0, end);
            for (RootPattern p : classes) {
                if (p.matchesClass(enclosing)) {
                    return true;
                }
            }
            if (end < 0) {
                return false;
            }
        }
    }

    /** True when a method pattern matches this method, or a class pattern its class. */
    public boolean excludesMethod(String binaryClass, String name, String descriptor) {
        for (RootPattern p : methods) {
            if (p.matchesClass(binaryClass) && p.matchesMethod(name, descriptor)) {
                return true;
            }
        }
        return excludesClass(binaryClass);
    }
}
