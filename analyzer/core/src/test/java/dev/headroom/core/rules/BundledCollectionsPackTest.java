package dev.headroom.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
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
    private static final String PACKAGE = "dev/headroom/collections/";
    /** The names of the library's inserts: methods that store an element and can find no room. */
    private static final Set<String> INSERTS = Set.of("add", "offer", "offerFirst", "offerLast", "put", "append",
            "appendBoolean", "release");

    static boolean isOfTheCollections(MethodRule rule) {
        return rule.origin().startsWith("headroom-collections");
    }

    @Test
    void everyEntryIsAnInsertOfTheLibraryAndEveryInsertHasOne() throws IOException {
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
        for (ClassNode c : libraryClasses()) {
            if ((c.access & Opcodes.ACC_PUBLIC) == 0) {
                continue;
            }
            for (MethodNode m : c.methods) {
                int sort = Type.getReturnType(m.desc).getSort();
                if ((m.access & Opcodes.ACC_PUBLIC) != 0 && INSERTS.contains(m.name)) {
                    String name = c.name.replace('/', '.') + "#" + m.name;
                    if (sort != Type.BOOLEAN && sort != Type.INT) {
                        problems.add(name + m.desc + ": an insert returns whether there was room");
                    }
                    inserts.add(name);
                }
            }
        }
        assertTrue(inserts.size() >= 15, "the library's inserts: " + inserts);
        assertEquals(inserts, described, "the pack describes exactly the library's inserts");
        assertEquals(List.of(), problems);
    }

    /** The classes of the library, read from where the test class path has them (its jar or classes directory). */
    private static List<ClassNode> libraryClasses() throws IOException {
        Path root;
        try {
            root = Path.of(Class.forName("dev.headroom.collections.FixedList").getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new AssertionError("headroom-collections is a test dependency of the core", e);
        }
        List<ClassNode> classes = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    classes.add(read(Files.readAllBytes(f)));
                }
            }
        } else {
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(root.toFile())) {
                for (var e : jar.stream().filter(e -> e.getName().startsWith(PACKAGE) && e.getName().endsWith(".class"))
                        .sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        classes.add(read(in.readAllBytes()));
                    }
                }
            }
        }
        return classes;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node;
    }
}
