package dev.headroom.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Keeps the bundled JDK pack honest: it loads, and every entry names a class and method of the running JDK. */
class BundledJdkPackTest {
    private static final RuleBook BUNDLED = RuleBook.loadBundled();

    @Test
    void bundledPacksLoadEveryFileAndEntry() {
        assertTrue(BUNDLED.size() > 200, "bundled entries: " + BUNDLED.size());
        Set<String> files = new TreeSet<>();
        for (PackLoader.Loaded loaded : BUNDLED.entries()) {
            files.add(loaded.rule().origin().substring(0, loaded.rule().origin().indexOf(" entry ")));
        }
        assertEquals(Set.of("jdk-capacity.json", "jdk-collections.json", "jdk-concurrent.json", "jdk-io.json", "jdk-lang.json",
                "jdk-reflect.json", "thirdparty-capacity.json", "headroom-collections.json"), files);
        assertEquals(BUNDLED.size(), BUNDLED.entries().size());
    }

    @Test
    void bundledFilesDoNotRedefineEachOther() {
        List<String> replaced = new ArrayList<>();
        for (MethodRule rule : BUNDLED.replacedEntries()) {
            replaced.add(rule.origin());
        }
        assertEquals(List.of(), replaced, "bundled entries replaced by another bundled file");
    }

    @Test
    void bundledLookupsGiveTheDocumentedKinds() {
        List<String> mismatches = new ArrayList<>();
        expect(mismatches, "java.util.ArrayList", "add", "(Ljava/lang/Object;)Z", RuleKind.GROWABLE);
        expect(mismatches, "java.util.HashMap", "put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", RuleKind.GROWABLE);
        expect(mismatches, "java.lang.StringBuilder", "append", "(I)Ljava/lang/StringBuilder;", RuleKind.GROWABLE);
        expect(mismatches, "java.lang.Math", "max", "(II)I", RuleKind.SAFE);
        expect(mismatches, "java.lang.Integer", "valueOf", "(I)Ljava/lang/Integer;", RuleKind.ALLOCATING);
        expect(mismatches, "java.lang.Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", RuleKind.SAFE);
        expect(mismatches, "java.lang.Object", "wait", "()V", RuleKind.BLOCKING);
        expect(mismatches, "java.lang.reflect.Method", "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", RuleKind.UNRESOLVED);
        expect(mismatches, "java.util.concurrent.ArrayBlockingQueue", "offer", "(Ljava/lang/Object;)Z", RuleKind.BLOCKING);
        expect(mismatches, "java.util.EnumMap", "put", "(Ljava/lang/Enum;Ljava/lang/Object;)Ljava/lang/Object;", RuleKind.SAFE);
        // descriptor entry beats name entry: String.valueOf(boolean) returns literals
        expect(mismatches, "java.lang.String", "valueOf", "(Z)Ljava/lang/String;", RuleKind.SAFE);
        expect(mismatches, "java.lang.String", "valueOf", "(I)Ljava/lang/String;", RuleKind.ALLOCATING);
        // name entry beats the class's * entry
        expect(mismatches, "java.lang.Math", "random", "()D", RuleKind.ALLOCATING);
        // exact-class entries beat wildcard-class entries; wildcard classes match nested classes
        expect(mismatches, "java.util.stream.ReferencePipeline$Head", "forEach", "(Ljava/util/function/Consumer;)V",
                RuleKind.ALLOCATING);
        expect(mismatches, "java.nio.channels.SocketChannel", "read", "(Ljava/nio/ByteBuffer;)I", RuleKind.BLOCKING);
        // only the native Object.hashCode()I itself is safe, and it does not describe overrides
        expect(mismatches, "java.lang.Object", "hashCode", "()I", RuleKind.SAFE);
        assertEquals(List.of(), mismatches);

        assertEquals(Optional.empty(), BUNDLED.lookup("java.util.ArrayList", "get", "(I)Ljava/lang/Object;"));
        assertEquals(Optional.empty(), BUNDLED.lookup("com.acme.Motor", "onTick", "()V"));
        assertTrue(BUNDLED.lookup("java.util.Collection", "add", "(Ljava/lang/Object;)Z").orElseThrow().overrides());
        assertTrue(!BUNDLED.lookup("java.lang.Object", "hashCode", "()I").orElseThrow().overrides());
    }

    /** Queues that never return false from offer carry no capacity result, or discarding it would be a false warning. */
    @Test
    void onlyInsertsThatCanReturnFalseHaveACapacityResult() {
        List<String> wrong = new ArrayList<>();
        for (String unbounded : List.of("org.jctools.queues.MpscUnboundedArrayQueue",
                "org.jctools.queues.SpscUnboundedArrayQueue", "org.jctools.queues.MpscUnboundedXaddArrayQueue",
                "org.jctools.queues.MpmcUnboundedXaddArrayQueue", "org.jctools.queues.MpscLinkedQueue",
                "org.jctools.queues.SpscLinkedQueue", "java.util.concurrent.LinkedTransferQueue",
                "java.util.concurrent.ConcurrentLinkedQueue")) {
            for (String insert : List.of("offer", "relaxedOffer")) {
                BUNDLED.lookup(unbounded, insert, "(Ljava/lang/Object;)Z").filter(MethodRule::capacityResult)
                        .ifPresent(rule -> wrong.add(unbounded + "#" + insert + " from " + rule.origin()));
            }
        }
        BUNDLED.lookup("java.util.concurrent.DelayQueue", "offer", "(Ljava/util/concurrent/Delayed;)Z")
                .filter(MethodRule::capacityResult).ifPresent(rule -> wrong.add("DelayQueue#offer from " + rule.origin()));
        assertEquals(List.of(), wrong);
        for (String bounded : List.of("org.jctools.queues.MpscArrayQueue", "org.jctools.queues.SpscArrayQueue",
                "java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.LinkedBlockingQueue")) {
            assertTrue(BUNDLED.lookup(bounded, "offer", "(Ljava/lang/Object;)Z").orElseThrow().capacityResult(), bounded);
        }
    }

    private static void expect(List<String> mismatches, String owner, String name, String desc, RuleKind kind) {
        Optional<MethodRule> rule = BUNDLED.lookup(owner, name, desc);
        if (rule.isEmpty() || rule.get().kind() != kind) {
            mismatches.add(owner + "#" + name + desc + ": expected " + kind + ", got "
                    + rule.map(r -> r.kind() + " from " + r.origin()).orElse("no rule"));
        }
    }

    @Test
    void everyEntryIsExplainedAndConsistent() {
        List<String> problems = new ArrayList<>();
        for (PackLoader.Loaded loaded : BUNDLED.entries()) {
            MethodRule rule = loaded.rule();
            if (rule.reason().length() < 20) {
                problems.add(rule.origin() + ": reason too short to explain anything");
            }
            if ((rule.kind() == RuleKind.GROWABLE || rule.kind() == RuleKind.ALLOCATING) && rule.remedy() == null) {
                problems.add(rule.origin() + ": growable and allocating entries need a remedy");
            }
            if (rule.kind() == RuleKind.SAFE && rule.overrides()) {
                problems.add(rule.origin() + ": a safe entry must not vouch for unknown overriding implementations");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Class and method names are checked against the running JDK's class files, so a typo cannot match nothing silently. */
    @Test
    void everyEntryNamesAClassAndMethodOfTheRunningJdk() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Optional<ClassNode>> classes = new HashMap<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        for (PackLoader.Loaded loaded : BUNDLED.entries()) {
            MethodPattern pattern = loaded.pattern();
            String where = loaded.rule().origin();
            if (isThirdParty(loaded.rule())) {
                continue; // checked by thirdPartyEntriesNameClassesOutsideTheJdk
            }
            if (BundledCollectionsPackTest.isOfTheCollections(loaded.rule())) {
                continue; // checked against the library's own classes by BundledCollectionsPackTest
            }
            List<ClassNode> candidates = new ArrayList<>();
            if (pattern.hasClassWildcard()) {
                for (String name : jdkClassesUnder(jrt, pattern.literalPrefix())) {
                    if (pattern.matchesClass(name)) {
                        classes.computeIfAbsent(name, BundledJdkPackTest::readClass).ifPresent(candidates::add);
                    }
                }
                if (candidates.isEmpty()) {
                    problems.add(where + ": no class of the running JDK matches " + pattern.classPattern());
                    continue;
                }
            } else {
                Optional<ClassNode> node = classes.computeIfAbsent(pattern.classPattern(), BundledJdkPackTest::readClass);
                if (node.isEmpty()) {
                    problems.add(where + ": no class " + pattern.classPattern() + " in the running JDK");
                    continue;
                }
                candidates.add(node.get());
            }
            if (pattern.methodName().equals(MethodPattern.ANY_METHOD)) {
                continue;
            }
            List<MethodNode> declared = new ArrayList<>();
            for (ClassNode node : candidates) {
                for (MethodNode m : node.methods) {
                    if (m.name.equals(pattern.methodName())
                            && (pattern.descriptor() == null || m.desc.equals(pattern.descriptor()))) {
                        declared.add(m);
                    }
                }
            }
            if (declared.isEmpty()) {
                problems.add(where + ": " + (pattern.hasClassWildcard() ? "no matching class declares " : "the class does not declare ")
                        + pattern.methodName() + (pattern.descriptor() == null ? "" : pattern.descriptor()));
            } else if (loaded.rule().overrides() && !pattern.hasClassWildcard()) {
                ClassNode owner = candidates.get(0);
                boolean overridable = (owner.access & Opcodes.ACC_FINAL) == 0 && declared.stream()
                        .anyMatch(m -> (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) == 0);
                if (!overridable) {
                    problems.add(where + ": overrides is true but nothing can override the method");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " bundled entries do not match the running JDK:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Every fixed-size class is a class of the running JDK that declares no inserting method of its own
     * that returns normally (the ones it inherits from AbstractList, AbstractCollection and AbstractMap throw).
     */
    @Test
    void fixedSizeClassesAreJdkCollectionsThatCannotGrow() {
        List<String> problems = new ArrayList<>();
        List<FixedSizeClass> fixed = BUNDLED.fixedSizeClasses();
        assertTrue(fixed.size() >= 20, "fixed-size classes: " + fixed.size());
        for (FixedSizeClass f : fixed) {
            Optional<ClassNode> node = readClass(f.className(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            if (node.isEmpty()) {
                problems.add(f.origin() + ": no such class in the running JDK");
                continue;
            }
            for (MethodNode m : node.get().methods) {
                boolean inserts = List.of("add", "addAll", "put", "putAll", "offer", "push", "addFirst", "addLast",
                        "putIfAbsent", "merge", "compute", "computeIfAbsent").contains(m.name);
                if (inserts && (m.access & Opcodes.ACC_ABSTRACT) == 0 && returnsNormally(m)) {
                    problems.add(f.origin() + ": declares " + m.name + m.desc + ", which can return normally");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean returnsNormally(MethodNode m) {
        for (org.objectweb.asm.tree.AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() >= Opcodes.IRETURN && insn.getOpcode() <= Opcodes.RETURN) {
                return true;
            }
        }
        return false;
    }

    /** Entries of files named {@code thirdparty-*.json} describe libraries that need not be on the class path. */
    private static boolean isThirdParty(MethodRule rule) {
        return rule.origin().startsWith("thirdparty-");
    }

    /** The exemption from the JDK check covers only library classes: no JDK package, no class of the running JDK. */
    @Test
    void thirdPartyEntriesNameClassesOutsideTheJdk() {
        List<String> problems = new ArrayList<>();
        int thirdParty = 0;
        for (PackLoader.Loaded loaded : BUNDLED.entries()) {
            if (!isThirdParty(loaded.rule())) {
                continue;
            }
            thirdParty++;
            MethodPattern pattern = loaded.pattern();
            String name = pattern.classPattern();
            if (pattern.hasClassWildcard() || pattern.methodName().equals(MethodPattern.ANY_METHOD)) {
                problems.add(loaded.rule().origin() + ": third-party entries name one class and method");
            } else if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                    || name.startsWith("sun.") || name.startsWith("com.sun.") || readClass(name).isPresent()) {
                problems.add(loaded.rule().origin() + ": a JDK class belongs in a jdk-*.json file, where it is checked");
            }
        }
        assertTrue(thirdParty > 0, "the bundled packs have third-party entries");
        assertEquals(List.of(), problems);
    }

    /** Fixed-capacity inserts: the flag is set where the pack says so and combines with any kind. */
    @Test
    void capacityResultEntries() {
        MethodRule abq = BUNDLED.lookup("java.util.concurrent.ArrayBlockingQueue", "offer", "(Ljava/lang/Object;)Z").orElseThrow();
        assertEquals(RuleKind.BLOCKING, abq.kind());
        assertTrue(abq.capacityResult());
        MethodRule timed = BUNDLED.lookup("java.util.concurrent.ArrayBlockingQueue", "offer",
                "(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z").orElseThrow();
        assertTrue(!timed.capacityResult());
        MethodRule lbq = BUNDLED.lookup("java.util.concurrent.LinkedBlockingQueue", "offer", "(Ljava/lang/Object;)Z").orElseThrow();
        assertEquals(RuleKind.GROWABLE, lbq.kind());
        assertTrue(lbq.capacityResult());
        MethodRule bq = BUNDLED.lookup("java.util.concurrent.BlockingQueue", "offer", "(Ljava/lang/Object;)Z").orElseThrow();
        assertTrue(bq.capacityResult() && bq.overrides());
        assertTrue(!BUNDLED.lookup("java.util.Queue", "offer", "(Ljava/lang/Object;)Z").orElseThrow().capacityResult());
        assertTrue(!BUNDLED.lookup("java.util.ArrayDeque", "offer", "(Ljava/lang/Object;)Z").orElseThrow().capacityResult());
        for (String[] m : new String[][] {
                {"org.jctools.queues.MessagePassingQueue", "offer"}, {"org.jctools.queues.MessagePassingQueue", "relaxedOffer"},
                {"org.jctools.queues.MpscArrayQueue", "offer"}, {"org.agrona.concurrent.ManyToOneConcurrentArrayQueue", "offer"},
                {"org.agrona.concurrent.OneToOneConcurrentArrayQueue", "offer"},
                {"org.agrona.concurrent.ringbuffer.RingBuffer", "write"}, {"com.lmax.disruptor.RingBuffer", "tryPublishEvent"}}) {
            assertTrue(BUNDLED.lookup(m[0], m[1], null).orElseThrow().capacityResult(), m[0] + "#" + m[1]);
        }
        assertEquals(Optional.empty(), BUNDLED.lookup("com.lmax.disruptor.RingBuffer", "tryNext", null));
    }

    private static Optional<ClassNode> readClass(String binaryName) {
        return readClass(binaryName, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private static Optional<ClassNode> readClass(String binaryName, int flags) {
        // .class resources are never encapsulated, so this also finds jdk.internal and jdk.unsupported classes
        try (InputStream in = ClassLoader.getSystemResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            if (in == null) {
                return Optional.empty();
            }
            ClassNode node = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(node, flags);
            return Optional.of(node);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + binaryName, e);
        }
    }

    /** Binary names of the JDK classes in the package directory that a wildcard pattern's literal prefix names. */
    private static List<String> jdkClassesUnder(FileSystem jrt, String literalPrefix) throws IOException {
        String dir = literalPrefix.substring(0, Math.max(0, literalPrefix.lastIndexOf('.'))).replace('.', '/');
        List<String> names = new ArrayList<>();
        try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path module : (Iterable<Path>) modules::iterator) {
                Path packageDir = module.resolve(dir);
                if (!Files.isDirectory(packageDir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(packageDir)) {
                    files.map(p -> module.relativize(p).toString())
                            .filter(p -> p.endsWith(".class") && !p.equals("module-info.class"))
                            .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                            .forEach(names::add);
                }
            }
        }
        return names;
    }
}
