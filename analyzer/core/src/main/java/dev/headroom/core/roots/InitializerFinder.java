package dev.headroom.core.roots;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * The initialisation roots: the methods of the input classes annotated {@code @Initializer} or named by an
 * {@code --init-root} pattern (the same syntax as {@code --root}), in the order of their class and method
 * names. A pattern that names no method, or names only methods without bytecode, is a configuration error.
 */
public final class InitializerFinder {
    private static final String INITIALIZER = "Ldev/headroom/annotations/Initializer;";

    private InitializerFinder() {
    }

    public static List<Hierarchy.Declared> find(ClassRepository classes, Hierarchy hierarchy, List<String> patterns) {
        List<RootPattern> parsed = new ArrayList<>();
        for (String p : patterns) {
            parsed.add(RootPattern.parse("--init-root", p));
        }
        Map<RootPattern, Integer> matches = new LinkedHashMap<>();
        parsed.forEach(p -> matches.put(p, 0));
        TreeMap<String, Hierarchy.Declared> found = new TreeMap<>();
        for (String name : classes.inputClassNames()) {
            Optional<LoadedClass> c = classes.find(name);
            if (c.isEmpty()) {
                continue;
            }
            String binary = name.replace('/', '.');
            for (MethodNode m : c.get().node().methods) {
                boolean chosen = RootFinder.annotated(m, INITIALIZER);
                for (RootPattern p : parsed) {
                    if (p.matchesClass(binary) && p.matchesMethod(m.name, m.desc)) {
                        chosen = true;
                        matches.merge(p, 1, Integer::sum);
                    }
                }
                if (chosen && (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
                    found.put(binary + "#" + m.name + m.desc, hierarchy.declaredOf(c.get(), m));
                }
            }
        }
        List<String> unmatched = new ArrayList<>();
        matches.forEach((p, n) -> {
            if (n == 0) {
                unmatched.add("--init-root '" + p + "' matches no method of the input classes");
            }
        });
        if (!unmatched.isEmpty()) {
            throw new ConfigurationException(String.join("; ", unmatched));
        }
        return List.copyOf(found.values());
    }
}
