package dev.headroom.core.callgraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Under VTA, which inherited methods get a copy of their own per receiver class: an inherited method reached
 * with a receiver of a class below its own is copied for that class when what it runs on {@code this}
 * depends on the class, directly or through the methods it calls on {@code this}. Its calls on {@code this}
 * then go only to that class's overrides, however deep: {@code AbstractHistogram.recordValue} calls the
 * private {@code recordSingleValue}, which calls {@code resize}, overridden by each histogram class. Other
 * receivers share the declared method's node, where each is still dispatched on its own.
 *
 * <p>JDK methods are not copied (their many subclasses would multiply the graph), nor are abstract, native,
 * static or rule-described ones (nothing of theirs is followed on {@code this}).
 */
final class ReceiverContexts {
    /** The methods a method may run on {@code this}: virtual calls by name (selected per class), and direct ones. */
    private record CallsOnThis(List<MethodRef> virtual, List<MethodRef> special, List<MethodRef> virtualByOwner) {
        static final CallsOnThis NONE = new CallsOnThis(List.of(), List.of(), List.of());
    }

    private record Question(MethodRef method, String receiverClass) {
        // Written out, with the generated methods' hash (maps keep their order): those run through method handles
        // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Question q && Objects.equals(method, q.method)
                    && Objects.equals(receiverClass, q.receiverClass);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(method) * 31 + Objects.hashCode(receiverClass);
        }
    }

    private final Hierarchy hierarchy;
    private final RuleLookup rules;
    private final Map<MethodRef, CallsOnThis> callsOnThis = new HashMap<>();
    private final Map<Question, Boolean> answers = new HashMap<>();

    ReceiverContexts(Hierarchy hierarchy, RuleLookup rules) {
        this.hierarchy = hierarchy;
        this.rules = rules;
    }

    /** Whether a method reached with a receiver of this class is that class's own copy. */
    boolean copied(Hierarchy.Declared d, String receiverClass) {
        if (d.owner().internalName().equals(receiverClass) || !copyable(d)) {
            return false;
        }
        return answers.computeIfAbsent(new Question(d.ref(), receiverClass), q -> dependsOnReceiver(d, receiverClass));
    }

    private boolean copyable(Hierarchy.Declared d) {
        return !isJdk(d.owner().internalName()) && !d.is(Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)
                && rules.lookup(d.ref()).isEmpty();
    }

    /**
     * Searches the methods run on {@code this} from the method for one whose virtual call on {@code this}
     * selects otherwise for the receiver class than for the class that declares it.
     */
    private boolean dependsOnReceiver(Hierarchy.Declared start, String receiverClass) {
        Deque<Hierarchy.Declared> work = new ArrayDeque<>();
        Set<MethodRef> seen = new HashSet<>();
        work.add(start);
        seen.add(start.ref());
        while (!work.isEmpty()) {
            Hierarchy.Declared d = work.poll();
            CallsOnThis calls = callsOnThis.computeIfAbsent(d.ref(), r -> callsOnThis(d.method()));
            for (MethodRef called : calls.virtual()) {
                Hierarchy.Declared forReceiver = hierarchy.select(receiverClass, called.name(), called.descriptor());
                if (forReceiver == null) {
                    continue;
                }
                Hierarchy.Declared forOwner = hierarchy.select(d.owner().internalName(), called.name(), called.descriptor());
                if (forOwner == null || !forReceiver.ref().equals(forOwner.ref())) {
                    return true;
                }
                follow(forReceiver, work, seen);
            }
            for (MethodRef called : calls.special()) {
                Hierarchy.Resolution r = hierarchy.resolve(called.owner(), called.name(), called.descriptor());
                if (r.isFound()) {
                    follow(r.declared(), work, seen);
                }
            }
            for (MethodRef called : calls.virtualByOwner()) { // a private method called with invokevirtual (nestmates)
                Hierarchy.Resolution r = hierarchy.resolve(called.owner(), called.name(), called.descriptor());
                if (r.isFound() && r.declared().is(Opcodes.ACC_PRIVATE)) {
                    follow(r.declared(), work, seen);
                }
            }
        }
        return false;
    }

    private void follow(Hierarchy.Declared d, Deque<Hierarchy.Declared> work, Set<MethodRef> seen) {
        if (copyable(d) && seen.add(d.ref())) {
            work.add(d);
        }
    }

    /**
     * The calls of an instance method that may be on {@code this}, when it loads {@code this} at all (a cheap
     * over-approximation): virtual and interface calls by name, and the direct instance calls (private
     * methods, {@code super} calls).
     */
    private static CallsOnThis callsOnThis(MethodNode method) {
        boolean loadsThis = false;
        Set<MethodRef> virtual = new LinkedHashSet<>();
        Set<MethodRef> special = new LinkedHashSet<>();
        Set<MethodRef> virtualByOwner = new LinkedHashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            loadsThis |= insn instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == 0;
            if (insn instanceof MethodInsnNode mi && !mi.owner.startsWith("[")) {
                if (mi.getOpcode() == Opcodes.INVOKEVIRTUAL || mi.getOpcode() == Opcodes.INVOKEINTERFACE) {
                    virtual.add(new MethodRef("", mi.name, mi.desc));
                    virtualByOwner.add(new MethodRef(mi.owner, mi.name, mi.desc));
                } else if (mi.getOpcode() == Opcodes.INVOKESPECIAL && !mi.name.equals("<init>")) {
                    special.add(new MethodRef(mi.owner, mi.name, mi.desc));
                }
            }
        }
        return loadsThis ? new CallsOnThis(new ArrayList<>(virtual), new ArrayList<>(special), new ArrayList<>(virtualByOwner))
                : CallsOnThis.NONE;
    }

    static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }
}
