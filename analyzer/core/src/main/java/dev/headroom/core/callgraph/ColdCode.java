package dev.headroom.core.callgraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
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
 * <p>An instruction is cold when it runs only to throw: it is reached only through an exception
 * handler, or every normal path from it ends in {@code athrow} (it can neither reach a return nor stay
 * in a loop). This is the code that builds an exception and throws it, and the handlers that catch
 * exceptions; allocation there is reported as a cold-path finding. An instruction reached by no path at
 * all is dead and produces no finding.
 */
final class ColdCode {
    private final boolean[] reachable;
    private final boolean[] cold;

    private ColdCode(boolean[] reachable, boolean[] cold) {
        this.reachable = reachable;
        this.cold = cold;
    }

    boolean isReachable(int index) {
        return reachable[index];
    }

    boolean isCold(int index) {
        return cold[index];
    }

    static ColdCode of(MethodNode method) {
        InsnList insns = method.instructions;
        int n = insns.size();
        List<int[]> normal = normalSuccessors(insns);
        boolean[] normallyReached = reach(n, normal, List.of());
        List<int[]> handlerEdges = handlerEdges(method, n);
        boolean[] reached = reach(n, normal, handlerEdges);
        boolean[] mayComplete = mayCompleteNormally(insns, normal);
        boolean[] cold = new boolean[n];
        for (int i = 0; i < n; i++) {
            cold[i] = reached[i] && (!normallyReached[i] || !mayComplete[i]);
        }
        return new ColdCode(reached, cold);
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
                successors.add(targets(insns, ts.dflt, ts.labels));
            } else if (insn instanceof LookupSwitchInsnNode ls) {
                successors.add(targets(insns, ls.dflt, ls.labels));
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

    private static int[] targets(InsnList insns, LabelNode dflt, List<LabelNode> labels) {
        int[] t = new int[labels.size() + 1];
        t[0] = insns.indexOf(dflt);
        for (int k = 0; k < labels.size(); k++) {
            t[k + 1] = insns.indexOf(labels.get(k));
        }
        return t;
    }

    private static boolean isExit(int op) {
        return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW;
    }

    private static boolean isReturn(int op) {
        return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.RET;
    }

    /** For every instruction inside a try range, an edge to its handler. */
    private static List<int[]> handlerEdges(MethodNode method, int n) {
        List<int[]> edges = new ArrayList<>();
        InsnList insns = method.instructions;
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            int handler = insns.indexOf(tcb.handler);
            for (int i = start; i < end && i < n; i++) {
                edges.add(new int[] {i, handler});
            }
        }
        return edges;
    }

    private static boolean[] reach(int n, List<int[]> normal, List<int[]> extra) {
        boolean[] seen = new boolean[n];
        if (n == 0) {
            return seen;
        }
        List<List<Integer>> extraByFrom = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            extraByFrom.add(null);
        }
        for (int[] e : extra) {
            if (extraByFrom.get(e[0]) == null) {
                extraByFrom.set(e[0], new ArrayList<>());
            }
            extraByFrom.get(e[0]).add(e[1]);
        }
        Deque<Integer> work = new ArrayDeque<>();
        work.add(0);
        seen[0] = true;
        while (!work.isEmpty()) {
            int i = work.poll();
            for (int s : normal.get(i)) {
                if (!seen[s]) {
                    seen[s] = true;
                    work.add(s);
                }
            }
            List<Integer> more = extraByFrom.get(i);
            if (more != null) {
                for (int s : more) {
                    if (!seen[s]) {
                        seen[s] = true;
                        work.add(s);
                    }
                }
            }
        }
        return seen;
    }

    /**
     * True for instructions from which some normal path reaches a return or a loop (a loop may run for
     * ever, as an event loop does: that is not a throw-only path).
     */
    private static boolean[] mayCompleteNormally(InsnList insns, List<int[]> normal) {
        int n = insns.size();
        boolean[] good = new boolean[n];
        boolean[] inCycle = Cycles.onCycle(normal);
        List<List<Integer>> predecessors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            predecessors.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            for (int s : normal.get(i)) {
                predecessors.get(s).add(i);
            }
        }
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            int op = insns.get(i).getOpcode();
            if (isReturn(op) || inCycle[i]) {
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

    /** Used by tests to print a method's cold map. */
    @Override
    public String toString() {
        return "reachable=" + Arrays.toString(reachable) + " cold=" + Arrays.toString(cold);
    }
}
