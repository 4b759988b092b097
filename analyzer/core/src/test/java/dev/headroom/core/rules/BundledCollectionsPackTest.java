package dev.headroom.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.testing.TargetPrograms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keeps the bundled pack of headroom-collections true to the library it describes (a test dependency):
 * every entry names a public insert of it that returns whether there was room ({@code boolean}, or the
 * maps' {@code int} status), and every such insert of the library has an entry, so a new insert cannot be
 * left out silently.
 */
class BundledCollectionsPackTest {
    /** The names of the library's inserts: methods that store an element and can find no room. */
    private static final Set<String> INSERTS = Set.of("add", "offer", "offerFirst", "offerLast", "put", "append",
            "appendBoolean", "release");

    static boolean isOfTheCollections(MethodRule rule) {
        return rule.origin().startsWith("headroom-collections");
    }

    @Test
    void everyEntryIsAnInsertOfTheLibraryAndEveryInsertHasOne() {
        RuleBook bundled = RuleBook.loadBundled();
        Set<String> described = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (PackLoader.Loaded loaded : bundled.entries()) {
            MethodRule rule = loaded.rule();
            if (!isOfTheCollections(rule)) {
                continue;
            }
            MethodPattern p = loaded.pattern();
            described.add(p.classPattern() + "#" + p.methodName());
            if (rule.kind() != RuleKind.SAFE || !rule.capacityResult() || rule.overrides() || p.descriptor() != null
                    || p.hasClassWildcard()) {
                problems.add(rule.origin() + ": an entry is safe, a capacity result, for one class and every overload");
            }
        }
        Set<String> inserts = new TreeSet<>();
        try (ClassRepository library = ClassRepository.open(List.of(TargetPrograms.collectionsLibrary()), List.of(), null,
                AnalysisListener.SILENT)) {
            for (String name : library.inputClassNames()) {
                ClassNode c = library.find(name).orElseThrow().node();
                if ((c.access & Opcodes.ACC_PUBLIC) == 0) {
                    continue;
                }
                for (MethodNode m : c.methods) {
                    int sort = Type.getReturnType(m.desc).getSort();
                    if ((m.access & Opcodes.ACC_PUBLIC) != 0 && INSERTS.contains(m.name)) {
                        String insert = c.name.replace('/', '.') + "#" + m.name;
                        if (sort != Type.BOOLEAN && sort != Type.INT) {
                            problems.add(insert + m.desc + ": an insert returns whether there was room");
                        }
                        inserts.add(insert);
                    }
                }
            }
        }
        assertTrue(inserts.size() >= 15, "the library's inserts: " + inserts);
        assertEquals(inserts, described, "the pack describes exactly the library's inserts");
        assertEquals(List.of(), problems);
    }
}
