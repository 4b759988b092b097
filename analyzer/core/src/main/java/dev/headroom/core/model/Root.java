package dev.headroom.core.model;

/**
 * An entry point whose paths are checked, with what made it one ({@code @RealTime}, {@code --root
 * com.acme.*#*}, ...).
 */
public record Root(MethodId method, RootKind kind, String origin) implements Comparable<Root> {
    @Override
    public int compareTo(Root other) {
        return method.compareTo(other.method);
    }
}
