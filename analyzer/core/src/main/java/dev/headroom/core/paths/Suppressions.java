package dev.headroom.core.paths;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.classpath.Annotations;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The {@code @Suppress} annotations of the input classes, and which of them were used.
 *
 * <p>A finding located in a method is suppressed by a {@code @Suppress} naming its rule on that method,
 * on the method that creates the lambda whose body it is (found from the {@code invokedynamic}, so
 * overloads and constructors are told apart), or on its class or an enclosing class.
 */
public final class Suppressions {
    private static final String SUPPRESS = "Ldev/headroom/annotations/Suppress;";

    /** One {@code @Suppress}: where it is, what it names, why. */
    public record Declared(Location location, List<String> ruleIds, String reason) {
    }

    private final ClassRepository classes;
    private final Map<String, Declared> onClass = new HashMap<>();
    private final Map<String, List<Declared>> onMethodsByName = new HashMap<>();
    private final List<Declared> all = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    /** {@code owner#lambda$name$0(desc)} to the name and descriptor of the method that creates the lambda. */
    private final Map<String, String> enclosingOfLambda = new HashMap<>();

    public Suppressions(ClassRepository classes) {
        this.classes = classes;
        for (String name : classes.inputClassNames()) {
            classes.find(name).ifPresent(this::collect);
        }
    }

    private void collect(LoadedClass c) {
        ClassNode node = c.node();
        Annotations.find(node.invisibleAnnotations, node.visibleAnnotations, SUPPRESS).ifPresent(a -> {
            Declared d = declared(a, new Location(new MethodId(node.name.replace('/', '.'), "", ""), c.sourceFile(), 0));
            onClass.put(node.name, d);
            all.add(d);
        });
        for (MethodNode m : node.methods) {
            recordLambdaBodies(node.name, m);
            Optional<AnnotationNode> a = Annotations.find(m.invisibleAnnotations, m.visibleAnnotations, SUPPRESS);
            if (a.isPresent()) {
                Declared d = declared(a.get(), new Location(MethodId.ofInternal(node.name, m.name, m.desc),
                        c.sourceFile(), firstLine(m)));
                onMethodsByName.computeIfAbsent(node.name + "#" + m.name, k -> new ArrayList<>()).add(d);
                all.add(d);
            }
        }
    }

    /** Notes which method creates each lambda whose body is a method of the same class. */
    private void recordLambdaBodies(String owner, MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof InvokeDynamicInsnNode indy) {
                for (Object arg : indy.bsmArgs) {
                    if (arg instanceof Handle h && h.getOwner().equals(owner) && h.getName().startsWith("lambda$")) {
                        enclosingOfLambda.putIfAbsent(owner + "#" + h.getName() + h.getDesc(), m.name + m.desc);
                    }
                }
            }
        }
    }

    private static Declared declared(AnnotationNode a, Location where) {
        Object reason = Annotations.value(a, "reason");
        return new Declared(where, Annotations.strings(a, "value"), reason == null ? "" : reason.toString());
    }

    private static int firstLine(MethodNode m) {
        for (var insn : m.instructions) {
            if (insn instanceof org.objectweb.asm.tree.LineNumberNode ln) {
                return ln.line;
            }
        }
        return 0;
    }

    /** The suppression that covers a finding of this rule in this method, marking it used. */
    public Optional<Declared> match(Rule rule, MethodRef method) {
        for (Declared d : candidates(method)) {
            if (d.ruleIds().contains(rule.id())) {
                used.add(key(d, rule.id()));
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private List<Declared> candidates(MethodRef method) {
        List<Declared> result = new ArrayList<>();
        for (Declared d : onMethodsByName.getOrDefault(method.owner() + "#" + method.name(), List.of())) {
            if (d.location().method().descriptor().equals(method.descriptor())) {
                result.add(d);
            }
        }
        String enclosing = enclosingOfLambda.get(method.owner() + "#" + method.name() + method.descriptor());
        Set<String> seen = new HashSet<>();
        while (enclosing != null && seen.add(enclosing)) {
            String name = enclosing.substring(0, enclosing.indexOf('('));
            String desc = enclosing.substring(enclosing.indexOf('('));
            for (Declared d : onMethodsByName.getOrDefault(method.owner() + "#" + name, List.of())) {
                if (d.location().method().descriptor().equals(desc)) {
                    result.add(d);
                }
            }
            enclosing = enclosingOfLambda.get(method.owner() + "#" + enclosing);
        }
        String type = method.owner();
        while (type != null) {
            Declared d = onClass.get(type);
            if (d != null) {
                result.add(d);
            }
            int dollar = type.lastIndexOf('$');
            type = dollar > 0 && classes.isInput(type.substring(0, dollar)) ? type.substring(0, dollar) : null;
        }
        return result;
    }

    /** A suppression and one of its rule ids that suppressed nothing (or names no rule). */
    public record Unused(Declared suppression, String ruleId, boolean unknownRule) {
    }

    public List<Unused> unused() {
        List<Unused> result = new ArrayList<>();
        for (Declared d : all) {
            for (String id : d.ruleIds()) {
                boolean known = Rule.byId(id).isPresent();
                if (!known || !used.contains(key(d, id))) {
                    result.add(new Unused(d, id, !known));
                }
            }
        }
        return result;
    }

    private static String key(Declared d, String ruleId) {
        return d.location().method() + " " + ruleId;
    }
}
