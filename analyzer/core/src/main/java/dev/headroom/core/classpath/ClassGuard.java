package dev.headroom.core.classpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Decides once, when a class is parsed, what of it the analyses may read. ASM parses much that no JVM
 * would load; the analyses assume what a JVM checks. A class whose own names a JVM's format checker
 * rejects (its name, super class, interfaces, a field or method name or descriptor) is not analysed at
 * all, as a JVM would not load it. A method whose code fails {@link MethodCodeCheck} loses its code and
 * is named with the reason: the call graph then treats it as unknown (an unresolved call for its
 * callers, no bound for a root that reaches it), and no analysis ever walks the bad code.
 */
final class ClassGuard {
    /** A method whose code was dropped: its place among the class's methods, its name and descriptor, and why. */
    record Skipped(int index, String method, String reason) {
        String describe() {
            return "method " + method + ": " + reason;
        }
    }

    private ClassGuard() {
    }

    /** Why a JVM would reject the class's names outright, or null. */
    static String classProblem(ClassNode node) {
        if (!ClassFileNames.isClassName(node.name)) {
            return "invalid class name";
        }
        if (node.superName != null && !ClassFileNames.isClassName(node.superName)) {
            return "invalid super class name";
        }
        for (String itf : node.interfaces) {
            if (!ClassFileNames.isClassName(itf)) {
                return "invalid interface name";
            }
        }
        for (FieldNode f : node.fields) {
            if (!ClassFileNames.isUnqualifiedName(f.name) || !ClassFileNames.isFieldDescriptor(f.desc)) {
                return "invalid field name or descriptor";
            }
        }
        for (MethodNode m : node.methods) {
            if (!ClassFileNames.isMethodName(m.name) || !ClassFileNames.isMethodDescriptor(m.desc)) {
                return "invalid method name or descriptor";
            }
        }
        return null;
    }

    /**
     * Drops the code of every method that fails the check, records why in {@code unanalysable} and returns
     * them in declaration order. Call after {@link #classProblem} found nothing.
     */
    static List<Skipped> dropUnanalysableCode(ClassNode node, Map<MethodNode, String> unanalysable) {
        List<Skipped> skipped = new ArrayList<>(0);
        for (int i = 0; i < node.methods.size(); i++) {
            MethodNode m = node.methods.get(i);
            String reason = problem(m);
            if (reason != null) {
                dropCode(m);
                unanalysable.put(m, reason);
                skipped.add(new Skipped(i, m.name + m.desc, reason));
            }
        }
        return skipped;
    }

    /** Drops a method's code again, in a tree parsed again from the same bytes. */
    static void dropAgain(ClassNode node, List<Skipped> skipped, Map<MethodNode, String> unanalysable) {
        for (Skipped s : skipped) {
            MethodNode m = node.methods.get(s.index());
            dropCode(m);
            unanalysable.put(m, s.reason());
        }
    }

    private static void dropCode(MethodNode m) {
        m.instructions.clear();
        m.tryCatchBlocks.clear();
        m.localVariables = null;
    }

    private static String problem(MethodNode m) {
        try {
            return MethodCodeCheck.problem(m);
        } catch (RuntimeException e) {
            // The checks read only what they validated first; a gap there still must not end the run.
            return "code the checks could not read (" + e.getClass().getSimpleName() + ")";
        }
    }
}
