package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.classpath.TypeHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * The type hierarchy and the JVM's method resolution and selection rules (JVMS 5.4.3.3, 5.4.6) over
 * the classes of a {@link ClassRepository}. Supertype lists are computed once per type.
 */
public final class Hierarchy {
    private static final String OBJECT = "java/lang/Object";
    private final ClassRepository classes;
    private final Map<String, List<String>> supertypes = new HashMap<>();
    /** Class to its methods by name and descriptor, each as the one {@link Declared} that stands for it. */
    private final Map<LoadedClass, MethodTable> methodIndex = new HashMap<>();
    /** Resolutions already made: every call site naming the same method resolves it again otherwise. */
    private final Map<MemberKey, Resolution> resolutions = new HashMap<>();
    /** Selections already made: virtual calls select for the same receiver class again and again. */
    private final Map<MemberKey, Optional<Declared>> selections = new HashMap<>();
    /** Type to the concrete input classes at or below it, in name order; made on first use. */
    private Map<String, List<String>> concreteInputClasses;
    /** How many methods have their one {@link Declared}: the next one's {@link Declared#number()}. */
    private int declaredCount;

    public Hierarchy(ClassRepository classes) {
        this.classes = classes;
    }

    public ClassRepository classes() {
        return classes;
    }

    /**
     * A resolved or selected method: the class that declares it, and its place among the class's methods.
     * Its tree is the class's current one ({@link LoadedClass#node()}), read again when memory was short.
     */
    public static final class Declared {
        private final LoadedClass owner;
        /** The method's place among its class's methods; -1 for a detached one. */
        private final int index;
        /** See {@link #number()}. */
        private final int number;
        /** A method built by hand that its class does not declare (tests of odd bytecode shapes); else null. */
        private final MethodNode detached;
        private final int access;
        /** Made once: the graph's maps are keyed by it, and equal keys of one instance compare fastest. */
        private MethodRef ref;

        /**
         * The method of a tree of the owner's (its current one, held by the caller while it reads it), or one
         * built by hand outside its trees.
         */
        public Declared(LoadedClass owner, MethodNode method) {
            this.owner = owner;
            this.index = indexOf(owner, method);
            this.detached = index < 0 ? method : null;
            this.access = method.access;
            this.number = -1;
        }

        /** The method at a place among its class's methods: made once per method, by its class's {@link MethodTable}. */
        Declared(LoadedClass owner, int index, int number) {
            this.owner = owner;
            this.index = index;
            this.detached = null;
            this.access = owner.skeleton().methods.get(index).access;
            this.number = number;
        }

        /**
         * Its number among the methods of its hierarchy that have their one Declared (0, 1, ... as they are first
         * asked for), by which the call graph builder keeps what it knows of a method in arrays; -1 for one made
         * outside its class's table (by hand, or a second method of the same name and descriptor).
         */
        int number() {
            return number;
        }

        private static int indexOf(LoadedClass owner, MethodNode method) {
            List<MethodNode> methods = owner.skeleton().methods;
            for (int i = 0; i < methods.size(); i++) {
                if (methods.get(i) == method) {
                    return i;
                }
            }
            for (int i = 0; i < methods.size(); i++) { // a node of a tree read before this one
                MethodNode m = methods.get(i);
                if (m.name.equals(method.name) && m.desc.equals(method.desc) && m.access == method.access) {
                    return i;
                }
            }
            return -1;
        }

        public LoadedClass owner() {
            return owner;
        }

        public MethodNode method() {
            return detached != null ? detached : owner.node().methods.get(index);
        }

        /**
         * The method's access, name, descriptor and annotations, without (necessarily) its code: asking for these does
         * not make a class whose code is read on demand parse it ({@link LoadedClass#skeleton()}).
         */
        public MethodNode signature() {
            return detached != null ? detached : owner.skeleton().methods.get(index);
        }

        public MethodRef ref() {
            if (ref == null) {
                MethodNode method = signature();
                ref = new MethodRef(owner.internalName(), method.name, method.desc);
            }
            return ref;
        }

        public boolean is(int flag) {
            return (access & flag) != 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Declared other && owner == other.owner && index == other.index
                    && detached == other.detached;
        }

        @Override
        public int hashCode() {
            return owner.hashCode() * 31 + (detached != null ? System.identityHashCode(detached) : index);
        }

        @Override
        public String toString() {
            return ref().toString();
        }
    }

    /** The outcome of resolving a symbolic reference: the method, or why there is none. */
    public record Resolution(Declared declared, String missingClass, String problem) {
        static Resolution found(Declared d) {
            return new Resolution(d, null, null);
        }

        static Resolution missing(String internalName) {
            return new Resolution(null, internalName, "class " + internalName.replace('/', '.') + " is not on the classpath");
        }

        static Resolution noSuchMethod(String description) {
            return new Resolution(null, null, description);
        }

        public boolean isFound() {
            return declared != null;
        }
    }

    /**
     * The type itself, its super classes up to Object, then its interfaces breadth first; each once.
     * Types that cannot be loaded are listed but not expanded.
     */
    /**
     * The concrete classes of the inputs at or below a type, in name order: the receivers that code outside
     * the inputs can create for it.
     */
    public List<String> concreteInputClasses(String type) {
        if (concreteInputClasses == null) {
            concreteInputClasses = new HashMap<>();
            for (String name : classes.inputClassNames()) {
                if (classes.header(name).filter(TypeHeader::isConcrete).isPresent()) {
                    for (String supertype : supertypes(name)) {
                        concreteInputClasses.computeIfAbsent(supertype, k -> new ArrayList<>()).add(name);
                    }
                }
            }
        }
        return concreteInputClasses.getOrDefault(type, List.of());
    }

    public List<String> supertypes(String type) {
        List<String> cached = supertypes.get(type);
        if (cached != null) {
            return cached;
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        List<String> interfaces = new ArrayList<>();
        String current = type;
        while (current != null && result.add(current)) {
            Optional<TypeHeader> header = classes.header(current);
            if (header.isEmpty()) {
                break;
            }
            interfaces.addAll(header.get().interfaces());
            current = header.get().superName();
        }
        Deque<String> queue = new ArrayDeque<>(interfaces);
        while (!queue.isEmpty()) {
            String itf = queue.poll();
            if (result.add(itf)) {
                classes.header(itf).ifPresent(h -> queue.addAll(h.interfaces()));
            }
        }
        List<String> list = List.copyOf(result);
        supertypes.put(type, list);
        return list;
    }

    public boolean isSubtype(String type, String supertype) {
        return OBJECT.equals(supertype) || supertypes(type).contains(supertype);
    }

    /** Method resolution: the method a symbolic reference names, declared in owner or a supertype. */
    public Resolution resolve(String owner, String name, String descriptor) {
        MemberKey key = new MemberKey(owner, name, descriptor);
        Resolution known = resolutions.get(key);
        if (known == null) {
            known = resolveOnce(owner, name, descriptor);
            resolutions.put(key, known);
        }
        return known;
    }

    private Resolution resolveOnce(String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            owner = OBJECT; // arrays inherit Object's methods; clone is handled by the caller
        }
        // Class chain first (for interfaces, the interface itself and then Object).
        String current = owner;
        while (current != null) {
            Optional<LoadedClass> c = classes.find(current);
            if (c.isEmpty()) {
                return Resolution.missing(current);
            }
            Declared m = declared(c.get(), name, descriptor);
            if (m != null) {
                return Resolution.found(m);
            }
            current = c.get().skeleton().superName; // an interface's super class is Object, as JVMS 5.4.3.4 wants
        }
        Declared fromInterfaces = maximallySpecific(owner, name, descriptor, false);
        if (fromInterfaces != null) {
            return Resolution.found(fromInterfaces);
        }
        return Resolution.noSuchMethod("no method " + name + descriptor + " in " + owner.replace('/', '.')
                + " or its supertypes");
    }

    /**
     * Method selection for a virtual or interface call on a receiver of exactly this class; null when
     * the class has no non-abstract implementation.
     */
    public Declared select(String receiverClass, String name, String descriptor) {
        MemberKey key = new MemberKey(receiverClass, name, descriptor);
        Optional<Declared> known = selections.get(key);
        if (known == null) {
            known = Optional.ofNullable(selectOnce(receiverClass, name, descriptor));
            selections.put(key, known);
        }
        return known.orElse(null);
    }

    private Declared selectOnce(String receiverClass, String name, String descriptor) {
        String current = receiverClass;
        while (current != null) {
            Optional<LoadedClass> c = classes.find(current);
            if (c.isEmpty()) {
                return null;
            }
            Declared m = declared(c.get(), name, descriptor);
            if (m != null && !m.is(Opcodes.ACC_STATIC) && !m.is(Opcodes.ACC_PRIVATE)) {
                return m.is(Opcodes.ACC_ABSTRACT) ? null : m;
            }
            current = c.get().skeleton().superName;
        }
        return maximallySpecific(receiverClass, name, descriptor, true);
    }

    /**
     * Among the superinterfaces of type, the declarations of name+descriptor not overridden by another
     * such declaration; the first in supertype order when there are several.
     */
    private Declared maximallySpecific(String type, String name, String descriptor, boolean concreteOnly) {
        List<Declared> candidates = new ArrayList<>();
        for (String st : supertypes(type)) {
            Optional<LoadedClass> c = classes.find(st);
            if (c.isEmpty() || (c.get().skeleton().access & Opcodes.ACC_INTERFACE) == 0) {
                continue;
            }
            Declared m = declared(c.get(), name, descriptor);
            if (m != null && !m.is(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) {
                candidates.add(m);
            }
        }
        Declared best = null;
        for (Declared d : candidates) {
            boolean overridden = false;
            for (Declared other : candidates) {
                if (other != d && !other.owner().internalName().equals(d.owner().internalName())
                        && isSubtype(other.owner().internalName(), d.owner().internalName())) {
                    overridden = true;
                    break;
                }
            }
            if (!overridden && (!concreteOnly || !d.is(Opcodes.ACC_ABSTRACT))) {
                if (best == null || (best.is(Opcodes.ACC_ABSTRACT) && !d.is(Opcodes.ACC_ABSTRACT))) {
                    best = d;
                }
            }
        }
        return best;
    }

    /** The method declared in c with this name and descriptor, or a signature-polymorphic one by name. */
    private Declared declared(LoadedClass c, String name, String descriptor) {
        MethodTable methods = methodIndex.computeIfAbsent(c, this::index);
        Declared exact = methods.get(name, descriptor);
        return exact != null || !isPolymorphicHolder(c.internalName()) ? exact : methods.get(name, null);
    }

    /**
     * The one {@link Declared} of a method of a loaded class: the graph's nodes are keyed by its
     * {@link Declared#ref()}, made once per method.
     */
    public Declared declaredOf(LoadedClass c, MethodNode method) {
        Declared d = methodIndex.computeIfAbsent(c, this::index).get(method.name, method.desc);
        if (d != null && (d.signature() == method || d.method() == method)) {
            return d;
        }
        Declared of = new Declared(c, method); // a second method of that name and descriptor, or an older tree's
        return of.equals(d) ? d : of;
    }

    private MethodTable index(LoadedClass c) {
        List<MethodNode> methods = c.skeleton().methods;
        MethodTable byKey = new MethodTable(c, methods.size(), () -> declaredCount++);
        for (int i = 0; i < methods.size(); i++) {
            MethodNode m = methods.get(i);
            byKey.putIfAbsent(m.name, m.desc, i);
            if (isSignaturePolymorphic(c.internalName(), m)) {
                byKey.putIfAbsent(m.name, null, i);
            }
        }
        return byKey;
    }

    private static boolean isPolymorphicHolder(String owner) {
        return owner.equals("java/lang/invoke/MethodHandle") || owner.equals("java/lang/invoke/VarHandle");
    }

    /** MethodHandle.invoke, VarHandle.get and friends: native varargs methods matched by name alone. */
    static boolean isSignaturePolymorphic(String owner, MethodNode m) {
        return isPolymorphicHolder(owner) && (m.access & Opcodes.ACC_NATIVE) != 0 && (m.access & Opcodes.ACC_VARARGS) != 0;
    }

}
