package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.rules.FixedSizeClass;
import dev.headroom.core.rules.MethodRule;
import dev.headroom.core.rules.RuleBook;
import dev.headroom.core.rules.RuleKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Decides with the rule packs whether objects of a class are growable collections: whether a call on
 * such an object may grow it, as the path analysis would see that call.
 *
 * <p>The candidate methods are those the packs mark {@code growable} on the class or a supertype. For
 * each, the implementation a call on the class selects is looked up as the call graph does: its own
 * entry, or for a library class an {@code overrides} entry of a supertype (user classes are never
 * described by a supertype's entry). When some candidate's implementation has an entry of its own, only
 * such own entries decide: the pack describes this class specifically (so {@code ArrayBlockingQueue},
 * whose {@code add}/{@code offer}/{@code put} entries say it never grows, is not growable although it
 * inherits {@code Collection#addAll}). Otherwise the inherited {@code overrides} entries decide, except for
 * the user's own classes, whose bytecode is what counts (a ring buffer extending {@code AbstractQueue} is
 * sized from its constructor, not judged by {@code Queue#offer}).
 *
 * <p>A class the packs list as {@code fixedSize} ({@code List.of}, {@code Collections.singletonList},
 * {@code Arrays.asList}, the unmodifiable views) is never growable, whatever it inherits.
 */
final class GrowableTypes {
    private final Hierarchy hierarchy;
    private final RuleBook rules;
    private final Map<String, Optional<String>> cache = new HashMap<>();

    GrowableTypes(Hierarchy hierarchy, RuleBook rules) {
        this.hierarchy = hierarchy;
        this.rules = rules;
    }

    /** Why objects of this class may grow (the pack entry's reason, with the method), or empty. */
    Optional<String> growable(String internalName) {
        return cache.computeIfAbsent(internalName, this::decide);
    }

    /** Whether objects of this class are read-only views whose wrapped collection is judged where it is held. */
    boolean isView(String internalName) {
        return rules.fixedSize(binary(internalName)).filter(FixedSizeClass::view).isPresent();
    }

    /** The rule-pack entry that describes a call of this method on a receiver of exactly this class. */
    Optional<MethodRule> ruleFor(String receiverClass, String name, String descriptor) {
        Hierarchy.Declared impl = hierarchy.select(receiverClass, name, descriptor);
        if (impl == null) {
            return Optional.empty();
        }
        return lookup(impl.owner().internalName(), name, descriptor).map(Found::rule);
    }

    private record Found(MethodRule rule, boolean own) {
    }

    private Optional<Found> lookup(String owner, String name, String descriptor) {
        Optional<MethodRule> own = rules.lookup(binary(owner), name, descriptor);
        if (own.isPresent()) {
            return Optional.of(new Found(own.get(), true));
        }
        if (hierarchy.classes().isInput(owner)) {
            return Optional.empty();
        }
        List<String> supertypes = hierarchy.supertypes(owner);
        for (int i = 1; i < supertypes.size(); i++) {
            Optional<MethodRule> inherited = rules.lookup(binary(supertypes.get(i)), name, descriptor);
            if (inherited.isPresent() && inherited.get().overrides()) {
                return Optional.of(new Found(inherited.get(), false));
            }
        }
        return Optional.empty();
    }

    private Optional<String> decide(String type) {
        if (type.startsWith("[") || rules.fixedSize(binary(type)).isPresent()) {
            return Optional.empty();
        }
        String ownGrowable = null;
        boolean anyOwn = false;
        String inheritedGrowable = null;
        for (String supertype : hierarchy.supertypes(type)) {
            Optional<LoadedClass> c = hierarchy.classes().find(supertype);
            if (c.isEmpty()) {
                continue;
            }
            for (MethodNode m : c.get().node().methods) {
                if ((m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0 || m.name.startsWith("<")) {
                    continue;
                }
                Optional<MethodRule> declaredRule = rules.lookup(binary(supertype), m.name, m.desc);
                if (declaredRule.isEmpty() || declaredRule.get().kind() != RuleKind.GROWABLE) {
                    continue;
                }
                Hierarchy.Declared impl = hierarchy.select(type, m.name, m.desc);
                if (impl == null) {
                    continue;
                }
                Optional<Found> found = lookup(impl.owner().internalName(), m.name, m.desc);
                if (found.isEmpty()) {
                    continue;
                }
                String why = binary(impl.owner().internalName()) + "." + m.name + " " + found.get().rule().reason();
                if (found.get().own()) {
                    anyOwn = true;
                    if (found.get().rule().kind() == RuleKind.GROWABLE && ownGrowable == null) {
                        ownGrowable = why;
                    }
                } else if (found.get().rule().kind() == RuleKind.GROWABLE && inheritedGrowable == null) {
                    inheritedGrowable = why;
                }
            }
        }
        if (anyOwn || hierarchy.classes().isInput(type)) {
            return Optional.ofNullable(ownGrowable);
        }
        return Optional.ofNullable(inheritedGrowable);
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }
}
