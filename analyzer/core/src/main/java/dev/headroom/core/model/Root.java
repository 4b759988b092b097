package dev.headroom.core.model;

import java.util.List;

/**
 * An entry point whose paths are checked, with what made it one ({@code @RealTime}, {@code --root
 * com.acme.*#*}, ...) and its effective rule set ({@code rule-id:severity}, see {@link RootKind#rules()}).
 */
public record Root(MethodId method, RootKind kind, String origin, List<String> rules) implements Comparable<Root> {
    public Root {
        rules = List.copyOf(rules);
    }

    /** A root with the rule set of its kind. */
    public Root(MethodId method, RootKind kind, String origin) {
        this(method, kind, origin, kind.rules());
    }

    /** This root with another effective rule set. */
    public Root withRules(List<String> effective) {
        return new Root(method, kind, origin, effective);
    }

    @Override
    public int compareTo(Root other) {
        return method.compareTo(other.method);
    }
}
