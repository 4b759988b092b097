package dev.headroom.core.callgraph;

import dev.headroom.core.rules.MethodRule;
import dev.headroom.core.rules.RuleBook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the rule-pack entry that describes a resolved method: an entry for its own class, or, for a
 * library class, an entry marked {@code overrides} on a supertype (nearest first). User classes are
 * never described by a supertype's entry: their own bytecode is followed.
 */
final class RuleLookup {
    private final RuleBook rules;
    private final Hierarchy hierarchy;
    private final Map<MethodRef, Optional<MethodRule>> cache = new HashMap<>();
    private final ByDeclared<Optional<MethodRule>> byDeclared = new ByDeclared<>();

    RuleLookup(RuleBook rules, Hierarchy hierarchy) {
        this.rules = rules;
        this.hierarchy = hierarchy;
    }

    Optional<MethodRule> lookup(MethodRef method) {
        return cache.computeIfAbsent(method, this::find);
    }

    /** The entry that describes a declared method ({@link #lookup} of its ref). */
    Optional<MethodRule> lookup(Hierarchy.Declared d) {
        Optional<MethodRule> known = byDeclared.get(d);
        if (known == null) {
            known = lookup(d.ref());
            byDeclared.put(d, known);
        }
        return known;
    }

    private Optional<MethodRule> find(MethodRef method) {
        Optional<MethodRule> own = rules.lookup(binary(method.owner()), method.name(), method.descriptor());
        if (own.isPresent() || hierarchy.classes().isInput(method.owner()) || method.name().equals("<init>")) {
            return own;
        }
        List<String> supertypes = hierarchy.supertypes(method.owner());
        for (int i = 1; i < supertypes.size(); i++) {
            Optional<MethodRule> inherited = rules.lookup(binary(supertypes.get(i)), method.name(), method.descriptor());
            if (inherited.isPresent() && inherited.get().overrides()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }
}
