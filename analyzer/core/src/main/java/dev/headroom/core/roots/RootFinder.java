package dev.headroom.core.roots;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.Annotations;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootKind;
import dev.headroom.core.rules.RootAnnotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the roots in the input classes: methods annotated {@code @RealTime} or
 * {@code @InterruptHandler} (or a configured root annotation, or an annotation of another vocabulary
 * mapped in a rule pack's {@code "roots"}), and methods named by {@code --root} and
 * {@code --interrupt-root} patterns. A method that is both kinds is an interrupt root.
 */
public final class RootFinder {
    private static final String REAL_TIME = "Ldev/headroom/annotations/RealTime;";
    private static final String INTERRUPT = "Ldev/headroom/annotations/InterruptHandler;";

    /** A root with the method it names. */
    public record Found(Root root, Hierarchy.Declared method) {
    }

    /**
     * The roots found, and what was asked for and matched nothing, one line each:
     * {@code --root 'com.acme.Motor#onTik' matches no method of the input classes}.
     */
    public record Search(List<Found> roots, List<String> unmatched) {
        public Search {
            roots = List.copyOf(roots);
            unmatched = List.copyOf(unmatched);
        }
    }

    private RootFinder() {
    }

    /** As {@link #find(ClassRepository, List, List, List, List, AnalysisListener)} without rule-pack mappings. */
    public static List<Found> find(ClassRepository classes, List<String> rootPatterns, List<String> interruptPatterns,
                                   List<String> rootAnnotations, AnalysisListener listener) {
        return find(classes, rootPatterns, interruptPatterns, rootAnnotations, List.of(), listener);
    }

    /**
     * As {@link #search} for callers that treat a pattern or root annotation that matches nothing as an error.
     *
     * @throws ConfigurationException when a pattern is malformed or matches no method, or no method carries a
     *                                {@code --root-annotation}
     */
    public static List<Found> find(ClassRepository classes, List<String> rootPatterns, List<String> interruptPatterns,
                                   List<String> rootAnnotations, List<RootAnnotation> mapped, AnalysisListener listener) {
        Search search = search(classes, new Hierarchy(classes), rootPatterns, interruptPatterns, rootAnnotations,
                mapped, Exclusions.none(), listener);
        if (!search.unmatched().isEmpty()) {
            throw new ConfigurationException(search.unmatched().get(0));
        }
        return search.roots();
    }

    /**
     * @param hierarchy       gives each root the one {@link Hierarchy.Declared} the call graph keys its method by
     * @param rootAnnotations binary names of the user's own root annotations ({@code --root-annotation}): real-time roots
     * @param mapped          the rule packs' {@code "roots"} entries ({@code RuleBook#rootAnnotations()}): a method
     *                        carrying the annotation with every {@code when} condition holding is a root of that kind
     * @param excluded        the methods {@code --exclude} keeps from being roots; a pattern that matches only
     *                        excluded methods still matches
     * @throws ConfigurationException when a pattern is malformed
     */
    public static Search search(ClassRepository classes, Hierarchy hierarchy, List<String> rootPatterns,
                                List<String> interruptPatterns, List<String> rootAnnotations,
                                List<RootAnnotation> mapped, Exclusions excluded, AnalysisListener listener) {
        List<RootPattern> realTime = parseAll("--root", rootPatterns);
        List<RootPattern> interrupt = parseAll("--interrupt-root", interruptPatterns);
        Map<String, String> annotationKinds = new LinkedHashMap<>();
        annotationKinds.put(REAL_TIME, "@RealTime");
        annotationKinds.put(INTERRUPT, "@InterruptHandler");
        Map<String, String> userAnnotations = new LinkedHashMap<>(); // descriptor to the name given
        for (String a : rootAnnotations) {
            annotationKinds.put("L" + a.replace('.', '/') + ";", "@" + a);
            userAnnotations.put("L" + a.replace('.', '/') + ";", a);
        }
        Set<String> carried = new HashSet<>(); // membership only, never iterated
        Map<RootPattern, Integer> matches = new LinkedHashMap<>();
        realTime.forEach(p -> matches.put(p, 0));
        interrupt.forEach(p -> matches.put(p, 0));

        TreeMap<String, Found> found = new TreeMap<>();
        WildcardLeftOut leftOut = new WildcardLeftOut();
        // Each mapped annotation's descriptor made once, not once per method (350,000 on the 50,000-class jar).
        String[] mappedDescriptors = mapped.stream().map(RootAnnotation::descriptor).toArray(String[]::new);
        Map<String, String> sharedOrigins = new HashMap<>();
        for (String name : classes.inputClassNames()) {
            Optional<LoadedClass> c = classes.find(name);
            if (c.isEmpty()) {
                continue;
            }
            String binary = name.replace('/', '.');
            // The patterns whose class part names this class, matched once per class rather than per method.
            List<RootPattern> realTimeHere = namingClass(realTime, binary);
            List<RootPattern> interruptHere = namingClass(interrupt, binary);
            for (MethodNode m : c.get().node().methods) {
                boolean leavesOut = WildcardLeftOut.leavesOut(m);
                List<String> origins = new ArrayList<>();
                boolean isInterrupt = false;
                for (Map.Entry<String, String> a : annotationKinds.entrySet()) {
                    if (annotated(m, a.getKey())) {
                        carried.add(a.getKey());
                        origins.add(a.getValue());
                        isInterrupt |= a.getKey().equals(INTERRUPT);
                    }
                }
                for (int i = 0; i < mappedDescriptors.length; i++) {
                    RootAnnotation r = mapped.get(i);
                    Optional<AnnotationNode> a = Annotations.find(m.invisibleAnnotations, m.visibleAnnotations,
                            mappedDescriptors[i]);
                    if (a.isEmpty()) {
                        continue;
                    }
                    String origin = matchedOrigin(classes, r, a.get());
                    if (origin != null && !origins.contains(origin)) {
                        origins.add(origin);
                        isInterrupt |= r.kind() == RootKind.INTERRUPT;
                    }
                }
                for (RootPattern p : realTimeHere) {
                    if (matches(p, m, leavesOut)) {
                        origins.add("--root " + p);
                        matches.merge(p, 1, Integer::sum);
                    }
                }
                for (RootPattern p : interruptHere) {
                    if (matches(p, m, leavesOut)) {
                        origins.add("--interrupt-root " + p);
                        matches.merge(p, 1, Integer::sum);
                        isInterrupt = true;
                    }
                }
                if (origins.isEmpty() && leavesOut && namedByWildcard(realTimeHere, interruptHere, m)
                        && !excluded.excludesMethod(binary, m.name, m.desc)) {
                    leftOut.add(binary, m);
                }
                if (origins.isEmpty() || excluded.excludesMethod(binary, m.name, m.desc)) {
                    continue;
                }
                if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    listener.warning(binary + "#" + m.name + m.desc + " is marked as a root but has no bytecode"
                            + " (abstract or native); annotate its implementations instead");
                    continue;
                }
                // The class name and origin text are shared by the class's roots, not copied per root.
                String origin = sharedOrigins.computeIfAbsent(String.join(", ", origins), o -> o);
                Root root = new Root(new MethodId(binary, m.name, m.desc),
                        isInterrupt ? RootKind.INTERRUPT : RootKind.REAL_TIME, origin);
                found.put(root.method().toString(), new Found(root, hierarchy.declaredOf(c.get(), m)));
            }
        }
        leftOut.message().ifPresent(listener::warning);
        List<String> unmatched = new ArrayList<>();
        for (Map.Entry<RootPattern, Integer> e : matches.entrySet()) {
            if (e.getValue() == 0) {
                String option = realTime.contains(e.getKey()) ? "--root" : "--interrupt-root";
                unmatched.add(option + " '" + e.getKey() + "' matches no method of the input classes");
            }
        }
        for (Map.Entry<String, String> a : userAnnotations.entrySet()) {
            if (!carried.contains(a.getKey())) {
                unmatched.add("--root-annotation '" + a.getValue() + "' is carried by no method of the input classes");
            }
        }
        return new Search(List.copyOf(found.values()), unmatched);
    }

    private static List<RootPattern> parseAll(String option, List<String> patterns) {
        List<RootPattern> parsed = new ArrayList<>();
        for (String p : patterns) {
            parsed.add(RootPattern.parse(option, p));
        }
        return parsed;
    }

    /** The patterns whose class part names the class, in their order. */
    private static List<RootPattern> namingClass(List<RootPattern> patterns, String binaryClass) {
        List<RootPattern> naming = new ArrayList<>(patterns.size());
        for (RootPattern p : patterns) {
            if (p.matchesClass(binaryClass)) {
                naming.add(p);
            }
        }
        return naming;
    }

    /** A pattern naming the method's class makes it a root when it names the method, and a wildcard leaves it in. */
    private static boolean matches(RootPattern p, MethodNode m, boolean leavesOut) {
        return p.matchesMethod(m.name, m.desc) && (!p.methodWildcard() || !leavesOut);
    }

    /** True when a wildcard pattern naming the method's class names the method, which it leaves out. */
    private static boolean namedByWildcard(List<RootPattern> realTime, List<RootPattern> interrupt, MethodNode m) {
        for (List<RootPattern> patterns : List.of(realTime, interrupt)) {
            for (RootPattern p : patterns) {
                if (p.methodWildcard() && p.matchesMethod(m.name, m.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The origin text ({@code @SCJRestricted(mayAllocate = false)}) when every condition of the mapping holds
     * for this annotation, else null. An element the annotation does not give takes the default declared
     * by the annotation class, when that class is on the class path; otherwise the condition does not hold.
     */
    private static String matchedOrigin(ClassRepository classes, RootAnnotation mapping, AnnotationNode a) {
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, Object> condition : mapping.when().entrySet()) {
            Object actual = Annotations.value(a, condition.getKey());
            if (actual == null) {
                actual = defaultValue(classes, mapping.annotation(), condition.getKey());
            }
            String text = matches(condition.getValue(), actual);
            if (text == null) {
                return null;
            }
            shown.add(condition.getKey() + " = " + text);
        }
        return "@" + mapping.simpleName() + (shown.isEmpty() ? "" : "(" + String.join(", ", shown) + ")");
    }

    /** How a matching value is shown, or null when the actual value (ASM's representation) does not match. */
    private static String matches(Object expected, Object actual) {
        if (expected instanceof Boolean b) {
            return b.equals(actual) ? b.toString() : null;
        }
        if (actual instanceof String s) {
            return s.equals(expected) ? "\"" + s + "\"" : null;
        }
        if (actual instanceof String[] e && e.length == 2) {
            return e[1].equals(expected) ? e[1] : null;
        }
        return null;
    }

    private static Object defaultValue(ClassRepository classes, String annotation, String element) {
        Optional<LoadedClass> c = classes.find(annotation.replace('.', '/'));
        if (c.isEmpty()) {
            return null;
        }
        for (MethodNode m : c.get().node().methods) {
            if (m.name.equals(element) && m.desc.startsWith("()")) {
                return m.annotationDefault;
            }
        }
        return null;
    }

    static boolean annotated(MethodNode m, String descriptor) {
        return Annotations.has(m.invisibleAnnotations, m.visibleAnnotations, descriptor);
    }
}
