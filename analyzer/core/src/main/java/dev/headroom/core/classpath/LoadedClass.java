package dev.headroom.core.classpath;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.objectweb.asm.tree.ClassNode;

/**
 * A parsed class and where it came from.
 *
 * <p>Its tree is held softly: a whole program's trees are a fifth of the heap of a large run, and each
 * analysis needs a method's tree only while it reads it. When memory runs short the JVM drops trees no one
 * is reading, and {@link #node()} reads the class file again from where it was found and parses it (see
 * {@code ClassRepository}). The tree read again is equal to the first (the same bytes, checked; the same
 * shared names; the same code dropped), so nothing may keep a tree's nodes to compare them by identity
 * with a later {@code node()}: hold the tree while comparing, or compare by name and descriptor.
 *
 * <p>Equality is identity: a class is loaded once per run.
 */
public final class LoadedClass {
    /**
     * How trees are held: {@code weak} drops them at every collection, so a test run can prove that the
     * reports do not depend on when trees are read again. Soft otherwise; not a user option.
     */
    private static final boolean WEAK_TREES = "weak".equals(System.getProperty("headroom.internal.trees"));
    /** For tests: every this many reads of a class's tree, the tree is parsed again (0: never). */
    private static volatile int reparseEvery;
    private static final AtomicLong REPARSED = new AtomicLong();

    private final String internalName;
    private final boolean input;
    /** Where it was found, named when asked for (rarely: a problem to report); a large input has 50,000 classes. */
    private final Supplier<String> location;
    private final boolean system;
    private final String sourceFile;
    private final TypeHeader header;
    private final Supplier<ClassNode> parse;
    /** The tree without code of a class whose code is parsed on demand; else null. */
    private final ClassNode skeleton;
    /** The whole tree; null until first asked for when the code is parsed on demand. */
    private Reference<ClassNode> tree;
    private int reads;

    /**
     * @param node   the class's tree as first parsed
     * @param parse  parses the class again into an equal tree (for when the first one was dropped)
     * @param input  true for the user's classes (the inputs): roots are found and findings reported there
     * @param system true for a system class of the JDK (of the boot loader, such as {@code java.base}), whose
     *               assertions {@code -ea} does not turn on
     */
    LoadedClass(ClassNode node, Supplier<ClassNode> parse, boolean input, Supplier<String> location, boolean system) {
        this(node, null, parse, input, location, system);
    }

    private LoadedClass(ClassNode node, ClassNode skeleton, Supplier<ClassNode> parse, boolean input,
                        Supplier<String> location, boolean system) {
        ClassNode first = node != null ? node : skeleton;
        this.internalName = first.name;
        this.input = input;
        this.location = location;
        this.system = system;
        this.sourceFile = first.sourceFile;
        this.header = TypeHeader.of(first);
        this.parse = parse;
        this.skeleton = skeleton;
        this.tree = node == null ? null : hold(node);
    }

    /**
     * A system class of the JDK read without its code ({@code skeleton}): its code is parsed when first asked for
     * ({@link #node()}), as most of the JDK's methods a run reaches are known from the cache of their scans.
     */
    static LoadedClass withCodeOnDemand(ClassNode skeleton, Supplier<ClassNode> parse, Supplier<String> location) {
        return new LoadedClass(null, skeleton, parse, false, location, true);
    }

    /** The same class read as a library class (an excluded input), sharing its tree. */
    LoadedClass asLibrary() {
        return new LoadedClass(node(), parse, false, location, system);
    }

    /**
     * The class without (necessarily) its code: its access, supertypes, fields and methods, with their annotations.
     * What asks only that does not make a class read with its code on demand parse its code.
     */
    public ClassNode skeleton() {
        return skeleton != null ? skeleton : node();
    }

    /**
     * Whether the code of its methods was checked when it was read ({@code ClassGuard}): the inputs' and the
     * libraries' classes; the JDK's system classes are trusted as the JVM trusts them.
     */
    public boolean codeChecked() {
        return input || !system;
    }

    private static Reference<ClassNode> hold(ClassNode node) {
        return WEAK_TREES ? new WeakReference<>(node) : new SoftReference<>(node);
    }

    /** The class's tree; parsed again when memory was short (see above). */
    public ClassNode node() {
        ClassNode node = tree == null ? null : tree.get();
        if (node == null || (reparseEvery > 0 && ++reads % reparseEvery == 0)) {
            if (tree != null) {
                REPARSED.incrementAndGet();
            }
            node = parse.get();
            tree = hold(node);
        }
        return node;
    }

    /**
     * Lets the tree go now, not when memory runs short: for when the analyses have read what they read of it as a
     * rule. A later {@link #node()} parses it again. Held softly, every tree of a large program stays until the heap
     * is full, and the collector then works without pause to keep the rest of the analyses' state.
     */
    public void dropTree() {
        if (tree != null) {
            tree.clear();
        }
    }

    /**
     * For tests: parses every class's tree again every {@code n} reads of it (0: only when dropped), so a
     * test can show that no analysis depends on reading the tree it read before.
     */
    static void reparseEvery(int n) {
        reparseEvery = n;
    }

    /** For tests: how many times trees were parsed again in this JVM. */
    static long reparsed() {
        return REPARSED.get();
    }

    public String internalName() {
        return internalName;
    }

    public boolean input() {
        return input;
    }

    public String location() {
        return location.get();
    }

    public boolean system() {
        return system;
    }

    /** The SourceFile attribute, or null. */
    public String sourceFile() {
        return sourceFile;
    }

    TypeHeader header() {
        return header;
    }

    @Override
    public String toString() {
        return internalName + " (" + location() + ")";
    }
}
