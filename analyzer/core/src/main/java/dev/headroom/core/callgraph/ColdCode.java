package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.SwitchTargets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Which instructions of a method are on cold paths, and which are dead.
 *
 * <p>An instruction is cold when every path from it leaves the method by a throw: it can reach no return
 * and no loop, neither directly nor through an exception handler of the method that recovers. That is
 * the code that builds an exception and throws it, and the handlers that end by throwing (a
 * {@code finally} copy, a rethrow, a wrapping catch). A handler that can reach a return or stays in a loop
 * recovers: it is hot, and so is the code of its try range. When assertions are disabled, the code of an
 * {@code assert} statement is cold too: it runs only with {@code -ea}; in a system class it never runs and is
 * dead (see {@link AssertCode}). An instruction reached by no path at all is dead and produces no finding.
 *
 * <p>Sound before precise: any instruction of a try range may throw to its handler, whatever the
 * exception's type, so a recovering handler makes its whole range hot.
 */
public final class ColdCode {
    /** The field javac adds to a class that uses {@code assert}. */
    private static final String ASSERTIONS_DISABLED = "$assertionsDisabled";

    /** Null when every instruction is reachable; kept for each method of the program, so most keep none. */
    private final boolean[] reachable;
    /** Null when no instruction is cold. */
    private final boolean[] cold;

    private ColdCode(boolean[] reachable, boolean[] cold) {
        this.reachable = reachable == null || allTrue(reachable) ? null : reachable;
        this.cold = cold == null || noneTrue(cold) ? null : cold;
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    private static boolean noneTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return false;
            }
        }
        return true;
    }

    /** For a cache entry ({@link MethodFactsCodec}): which instructions are reachable, null when all are. */
    boolean[] reachableFlags() {
        return reachable;
    }

    /** For a cache entry: which instructions are cold, null when none is. */
    boolean[] coldFlags() {
        return cold;
    }

    /** A map read back from a cache entry. */
    static ColdCode of(boolean[] reachable, boolean[] cold) {
        return new ColdCode(reachable, cold);
    }

    public boolean isReachable(int index) {
        return reachable == null || reachable[index];
    }

    public boolean isCold(int index) {
        return cold != null && cold[index];
    }

    /** @param asserted what the code of assert statements is in the method's class */
    public static ColdCode of(MethodNode method, AssertCode asserted) {
        InsnList insns = method.instructions;
        int n = insns.size();
        List<int[]> normal = normalSuccessors(insns);
        boolean assertionsEnabled = asserted == AssertCode.RUNS;
        if (method.tryCatchBlocks.isEmpty() && !mayBeCold(insns, assertionsEnabled)) {
            return new ColdCode(reach(n, normal, -1), null); // no throw, no handler, no assert
        }
        List<int[]> handler = handlerSuccessors(method, n);
        List<int[]> all = method.tryCatchBlocks.isEmpty() ? normal : union(normal, handler);
        boolean[] reached = reach(n, all, -1);
        boolean[] recovers = mayCompleteNormally(insns, all, withoutSelfCover(method, all, handler, reached));
        boolean[] asserts = assertionsEnabled ? new boolean[n] : assertCode(insns, normal);
        boolean[] cold = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (asserted == AssertCode.NEVER_RUNS && asserts[i]) {
                reached[i] = false;
            }
            cold[i] = reached[i] && (asserts[i] || !recovers[i]);
        }
        return new ColdCode(reached, cold);
    }

    /** Whether the method throws explicitly, or holds an assert whose code may be cold. */
    private static boolean mayBeCold(InsnList insns, boolean assertionsEnabled) {
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.ATHROW
                    || (!assertionsEnabled && insn instanceof FieldInsnNode f && f.name.equals(ASSERTIONS_DISABLED))) {
                return true;
            }
        }
        return false;
    }

    private static List<int[]> normalSuccessors(InsnList insns) {
        int n = insns.size();
        List<int[]> successors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = insns.get(i);
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode jump) {
                int target = insns.indexOf(jump.label);
                successors.add(op == Opcodes.GOTO ? new int[] {target} : next(i, n, target));
            } else if (insn instanceof TableSwitchInsnNode ts) {
                successors.add(SwitchTargets.of(insns, ts.dflt, ts.labels));
            } else if (insn instanceof LookupSwitchInsnNode ls) {
                successors.add(SwitchTargets.of(insns, ls.dflt, ls.labels));
            } else if (isExit(op) || op == Opcodes.RET) {
                successors.add(new int[0]);
            } else {
                successors.add(i + 1 < n ? new int[] {i + 1} : new int[0]);
            }
        }
        return successors;
    }

    private static int[] next(int i, int n, int target) {
        return i + 1 < n ? new int[] {target, i + 1} : new int[] {target};
    }


    private static boolean isExit(int op) {
        return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW;
    }

    private static boolean isReturn(int op) {
        return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.RET;
    }

    /** For every instruction, the handlers whose try range holds it. */
    private static List<int[]> handlerSuccessors(MethodNode method, int n) {
        List<BitSet> handlers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            handlers.add(null);
        }
        InsnList insns = method.instructions;
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int handler = insns.indexOf(tcb.handler);
            for (int i = insns.indexOf(tcb.start); i < insns.indexOf(tcb.end) && i < n; i++) {
                if (handlers.get(i) == null) {
                    handlers.set(i, new BitSet());
                }
                handlers.get(i).set(handler);
            }
        }
        List<int[]> result = new ArrayList<>(n);
        for (BitSet h : handlers) {
            result.add(h == null ? new int[0] : h.stream().toArray());
        }
        return result;
    }

    private static List<int[]> union(List<int[]> a, List<int[]> b) {
        List<int[]> result = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            int[] both = Arrays.copyOf(a.get(i), a.get(i).length + b.get(i).length);
            System.arraycopy(b.get(i), 0, both, a.get(i).length, b.get(i).length);
            result.add(both);
        }
        return result;
    }

    /** Reachable from the entry, never entering {@code avoid} (-1: no instruction avoided). */
    private static boolean[] reach(int n, List<int[]> successors, int avoid) {
        boolean[] seen = new boolean[n];
        if (n == 0 || avoid == 0) {
            return seen;
        }
        Deque<Integer> work = new ArrayDeque<>();
        work.add(0);
        seen[0] = true;
        while (!work.isEmpty()) {
            int i = work.poll();
            for (int s : successors.get(i)) {
                if (!seen[s] && s != avoid) {
                    seen[s] = true;
                    work.add(s);
                }
            }
        }
        return seen;
    }

    /**
     * The edges without those from a handler's own code back to it: javac makes the handler of a
     * {@code synchronized} block (and of some finally blocks) cover its own first instructions, which is
     * not a loop. Such an edge goes from an instruction the handler dominates to the handler.
     */
    private static List<int[]> withoutSelfCover(MethodNode method, List<int[]> all, List<int[]> handler,
                                                boolean[] reached) {
        int n = all.size();
        List<int[]> result = new ArrayList<>(all);
        BitSet done = new BitSet();
        InsnList insns = method.instructions;
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int h = insns.indexOf(tcb.handler);
            if (done.get(h) || !reached[h] || !coversItself(method, tcb.handler)) {
                continue; // only a handler inside its own try range can be re-entered from its own code
            }
            done.set(h);
            boolean[] avoiding = reach(n, all, h);
            for (int i = 0; i < n; i++) {
                if (reached[i] && !avoiding[i] && contains(handler.get(i), h)) {
                    result.set(i, Arrays.stream(result.get(i)).filter(s -> s != h).toArray());
                }
            }
        }
        return result;
    }

    private static boolean coversItself(MethodNode method, LabelNode handler) {
        InsnList insns = method.instructions;
        int h = insns.indexOf(handler);
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (tcb.handler == handler && insns.indexOf(tcb.start) <= h && h < insns.indexOf(tcb.end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for instructions from which some path, through handlers of the method included, reaches a
     * return or a loop (a loop may run for ever, as an event loop does: that is not a throw-only path).
     */
    private static boolean[] mayCompleteNormally(InsnList insns, List<int[]> all, List<int[]> forCycles) {
        int n = insns.size();
        boolean[] good = new boolean[n];
        boolean[] inCycle = Cycles.onCycle(forCycles);
        List<List<Integer>> predecessors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            predecessors.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            for (int s : all.get(i)) {
                predecessors.get(s).add(i);
            }
        }
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (isReturn(insns.get(i).getOpcode()) || inCycle[i]) {
                good[i] = true;
                work.add(i);
            }
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            for (int p : predecessors.get(i)) {
                if (!good[p]) {
                    good[p] = true;
                    work.add(p);
                }
            }
        }
        return good;
    }

    /**
     * The code of {@code assert} statements: javac compiles {@code assert c : m} to
     * {@code getstatic $assertionsDisabled Z; ifne L; <c>; ...; new AssertionError; ...; athrow; L:}. The
     * instructions reached from the fall-through of that {@code ifne} before L run only with {@code -ea}.
     * A region that reaches a return is not that shape and stays as it is.
     */
    private static boolean[] assertCode(InsnList insns, List<int[]> normal) {
        int n = insns.size();
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!(insns.get(i) instanceof FieldInsnNode f) || f.getOpcode() != Opcodes.GETSTATIC
                    || !f.name.equals(ASSERTIONS_DISABLED) || !f.desc.equals("Z")) {
                continue;
            }
            AbstractInsnNode next = f.getNext();
            while (next != null && next.getOpcode() < 0) {
                next = next.getNext();
            }
            if (!(next instanceof JumpInsnNode jump) || jump.getOpcode() != Opcodes.IFNE) {
                continue;
            }
            int jumpAt = insns.indexOf(jump);
            int rejoin = insns.indexOf(jump.label);
            boolean[] region = new boolean[n];
            Deque<Integer> work = new ArrayDeque<>();
            boolean shape = jumpAt + 1 < n && jumpAt + 1 != rejoin;
            if (shape) {
                region[jumpAt + 1] = true;
                work.add(jumpAt + 1);
            }
            while (shape && !work.isEmpty()) {
                int at = work.poll();
                if (isReturn(insns.get(at).getOpcode())) {
                    shape = false;
                }
                for (int s : normal.get(at)) {
                    if (s != rejoin && !region[s]) {
                        region[s] = true;
                        work.add(s);
                    }
                }
            }
            for (int k = 0; shape && k < n; k++) {
                result[k] |= region[k];
            }
        }
        return result;
    }

    /** Used by tests to print a method's cold map. */
    @Override
    public String toString() {
        return "reachable=" + Arrays.toString(reachable) + " cold=" + Arrays.toString(cold);
    }
}
