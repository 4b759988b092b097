package dev.headroom.core.timing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The control-flow graph of one method: basic blocks over the instruction list (exception edges
 * included), dominators, natural loops and their nesting, and whether the flow is irreducible.
 *
 * <p>Blocks are ranges of indices into {@link MethodNode#instructions} (labels and line numbers
 * included, as {@code Site.index()} counts them). Try ranges start and end blocks, so a block is either
 * wholly inside a try range, with an edge to its handler, or outside it.
 *
 * <p>An exception edge from a block to a handler that dominates it is left out: javac makes the handler
 * of a {@code synchronized} block cover itself (for a failing {@code monitorexit}), which would otherwise
 * be a loop. Such a handler re-entering itself is assumed not to happen.
 */
final class ControlFlow {
    /** A natural loop: a header and the blocks that reach a back edge to it without passing it. */
    static final class Loop {
        final int id;
        final int header;
        final BitSet body;
        final List<Integer> latches = new ArrayList<>();
        int parent = -1;
        final List<Integer> children = new ArrayList<>();

        Loop(int id, int header, BitSet body) {
            this.id = id;
            this.header = header;
            this.body = body;
        }

        boolean contains(int block) {
            return body.get(block);
        }
    }

    final MethodNode method;
    final InsnList insns;
    final int blockCount;
    final int[] blockStart;
    final int[] blockEnd;
    /** Instruction list index to block. */
    final int[] blockOf;
    /** Successors kept for the analysis (normal and exception edges, minus exceptional back edges). */
    final int[][] successors;
    final int[][] predecessors;
    /** The exception handlers a block may jump to (the kept exceptional successors). */
    final int[][] handlers;
    final boolean[] reachable;
    final int[] idom;
    /** Loops, innermost (smallest) first. */
    final List<Loop> loops;
    /** Block to its innermost loop id, or -1. */
    final int[] innermost;
    /** The block where irreducible flow enters a cycle (a cycle with several entries), or -1. */
    final int irreducibleAt;
    /** Instruction list index to the source line in effect there (0 when none). */
    final int[] lineAt;
    /** Instruction list index to the number of real instructions before it. */
    final int[] opcodeIndex;

    /** Thrown for methods whose flow this analysis does not model (jsr/ret subroutines). */
    static final class UnsupportedFlowException extends Exception {
        UnsupportedFlowException(String message) {
            super(message);
        }
    }

    /**
     * Builds the graph step by step, each step a method of its own: the JIT compiles small methods quickly, and a
     * whole program builds tens of thousands of these while the compiler works beside it.
     */
    private ControlFlow(MethodNode method) throws UnsupportedFlowException {
        this.method = method;
        this.insns = method.instructions;
        int n = insns.size();
        lineAt = new int[n];
        opcodeIndex = new int[n];
        boolean[] leader = leaders(n);
        blockStart = starts(leader, n);
        blockCount = blockStart.length;
        blockEnd = ends(blockStart, n);
        blockOf = blocksByInstruction(n);

        List<List<Integer>> normal = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            normal.add(normalSuccessors(b));
        }
        List<List<Integer>> exceptional = exceptionalSuccessors();
        int[][] all = allSuccessors(normal, exceptional);
        reachable = new boolean[blockCount];
        int[] order = reversePostorder(all, reachable);
        idom = dominators(all, order);

        // Drop exceptional edges back to a dominating handler (see the class comment).
        successors = new int[blockCount][];
        handlers = new int[blockCount][];
        keepEdges(normal, exceptional);
        predecessors = predecessorsOf(successors);

        // Retreating edges: to a dominator they close a natural loop, otherwise the flow is irreducible.
        Map<Integer, List<Integer>> latchesByHeader = new LinkedHashMap<>();
        irreducibleAt = latchesByHeader(latchesByHeader);
        loops = numbered(naturalLoops(latchesByHeader));
        innermost = innermostLoops(loops);
    }

    /** Marks where blocks begin, and fills in each instruction's line and count of real instructions before it. */
    private boolean[] leaders(int n) throws UnsupportedFlowException {
        int line = 0;
        int real = 0;
        boolean[] leader = new boolean[n + 1];
        leader[0] = true;
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
            }
            lineAt[i] = line;
            opcodeIndex[i] = real;
            int op = insn.getOpcode();
            if (op < 0) {
                continue;
            }
            real++;
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                throw new UnsupportedFlowException("jsr/ret subroutines (class files older than Java 7)");
            }
            if (insn instanceof JumpInsnNode jump) {
                leader[insns.indexOf(jump.label)] = true;
                leader[i + 1] = true;
            } else if (insn instanceof TableSwitchInsnNode ts) {
                markAll(leader, ts.dflt, ts.labels);
                leader[i + 1] = true;
            } else if (insn instanceof LookupSwitchInsnNode ls) {
                markAll(leader, ls.dflt, ls.labels);
                leader[i + 1] = true;
            } else if (isExit(op)) {
                leader[i + 1] = true;
            }
        }
        for (TryCatchBlockNode tc : method.tryCatchBlocks) {
            leader[insns.indexOf(tc.start)] = true;
            leader[insns.indexOf(tc.end)] = true;
            leader[insns.indexOf(tc.handler)] = true;
        }
        return leader;
    }

    private static int[] starts(boolean[] leader, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (leader[i]) {
                count++;
            }
        }
        int[] starts = new int[count];
        for (int i = 0, b = 0; i < n; i++) {
            if (leader[i]) {
                starts[b++] = i;
            }
        }
        return starts;
    }

    private static int[] ends(int[] starts, int n) {
        int[] ends = new int[starts.length];
        for (int b = 0; b < starts.length; b++) {
            ends[b] = b + 1 < starts.length ? starts[b + 1] : n;
        }
        return ends;
    }

    private int[] blocksByInstruction(int n) {
        int[] of = new int[n];
        for (int b = 0; b < blockCount; b++) {
            for (int i = blockStart[b]; i < blockEnd[b]; i++) {
                of[i] = b;
            }
        }
        return of;
    }

    /** Each block's handlers: those of the try ranges it lies in, in the order of the table, each once. */
    private List<List<Integer>> exceptionalSuccessors() {
        List<List<Integer>> exceptional = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            exceptional.add(new ArrayList<>());
        }
        for (TryCatchBlockNode tc : method.tryCatchBlocks) {
            int from = insns.indexOf(tc.start);
            int to = insns.indexOf(tc.end);
            int handler = blockOf[insns.indexOf(tc.handler)];
            for (int b = 0; b < blockCount; b++) {
                if (blockStart[b] >= from && blockStart[b] < to && lastOpcode(b) >= 0
                        && !exceptional.get(b).contains(handler)) {
                    exceptional.get(b).add(handler);
                }
            }
        }
        return exceptional;
    }

    private int[][] allSuccessors(List<List<Integer>> normal, List<List<Integer>> exceptional) {
        int[][] all = new int[blockCount][];
        for (int b = 0; b < blockCount; b++) {
            List<Integer> s = new ArrayList<>(normal.get(b));
            for (int h : exceptional.get(b)) {
                if (!s.contains(h)) {
                    s.add(h);
                }
            }
            all[b] = toArray(s);
        }
        return all;
    }

    /** Fills in the successors and handlers kept: all but exceptional edges back to a dominating handler. */
    private void keepEdges(List<List<Integer>> normal, List<List<Integer>> exceptional) {
        for (int b = 0; b < blockCount; b++) {
            List<Integer> kept = new ArrayList<>(normal.get(b));
            List<Integer> keptHandlers = new ArrayList<>();
            for (int h : exceptional.get(b)) {
                if (!(reachable[b] && dominates(h, b))) {
                    keptHandlers.add(h);
                    if (!kept.contains(h)) {
                        kept.add(h);
                    }
                }
            }
            handlers[b] = toArray(keptHandlers);
            successors[b] = reachable[b] ? toArray(kept) : new int[0];
        }
    }

    private static int[] toArray(List<Integer> list) {
        int[] array = new int[list.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = list.get(i);
        }
        return array;
    }

    private int[][] predecessorsOf(int[][] succ) {
        int[] count = new int[blockCount];
        for (int b = 0; b < blockCount; b++) {
            for (int s : succ[b]) {
                count[s]++;
            }
        }
        int[][] preds = new int[blockCount][];
        for (int b = 0; b < blockCount; b++) {
            preds[b] = new int[count[b]];
            count[b] = 0;
        }
        for (int b = 0; b < blockCount; b++) {
            for (int s : succ[b]) {
                preds[s][count[s]++] = b;
            }
        }
        return preds;
    }

    /** Groups the back edges by loop header; returns the block where irreducible flow enters a cycle, or -1. */
    private int latchesByHeader(Map<Integer, List<Integer>> latchesByHeader) {
        int irreducible = -1;
        for (int[] edge : retreatingEdges()) {
            if (dominates(edge[1], edge[0])) {
                latchesByHeader.computeIfAbsent(edge[1], k -> new ArrayList<>()).add(edge[0]);
            } else if (irreducible < 0) {
                irreducible = edge[1];
            }
        }
        return irreducible;
    }

    /** Each header's natural loop: the blocks that reach one of its latches without passing it. */
    private List<Loop> naturalLoops(Map<Integer, List<Integer>> latchesByHeader) {
        List<Loop> found = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : latchesByHeader.entrySet()) {
            BitSet body = new BitSet(blockCount);
            body.set(e.getKey());
            Deque<Integer> work = new ArrayDeque<>();
            for (int latch : e.getValue()) {
                if (!body.get(latch)) {
                    body.set(latch);
                    work.push(latch);
                }
            }
            while (!work.isEmpty()) {
                int b = work.pop();
                for (int p : predecessors[b]) {
                    if (reachable[p] && !body.get(p)) {
                        body.set(p);
                        work.push(p);
                    }
                }
            }
            Loop loop = new Loop(0, e.getKey(), body);
            loop.latches.addAll(e.getValue());
            found.add(loop);
        }
        return found;
    }

    /** The loops innermost (smallest) first, then by header position, numbered in that order. */
    private List<Loop> numbered(List<Loop> found) {
        found.sort(Comparator.comparingInt((Loop l) -> l.body.cardinality()).thenComparingInt(l -> blockStart[l.header]));
        List<Loop> numbered = new ArrayList<>();
        for (Loop l : found) {
            Loop loop = new Loop(numbered.size(), l.header, l.body);
            loop.latches.addAll(l.latches);
            numbered.add(loop);
        }
        return numbered;
    }

    /** Each block's innermost loop (or -1), and each loop's parent and children. */
    private int[] innermostLoops(List<Loop> all) {
        int[] inner = new int[blockCount];
        Arrays.fill(inner, -1);
        for (Loop l : all) {
            for (int b = l.body.nextSetBit(0); b >= 0; b = l.body.nextSetBit(b + 1)) {
                if (inner[b] < 0) {
                    inner[b] = l.id;
                }
            }
            for (Loop outer : all) {
                if (outer.id > l.id && outer.body.get(l.header) && outer.header != l.header) {
                    l.parent = outer.id;
                    outer.children.add(l.id);
                    break;
                }
            }
        }
        return inner;
    }

    static ControlFlow of(MethodNode method) throws UnsupportedFlowException {
        return new ControlFlow(method);
    }

    private void markAll(boolean[] leader, LabelNode dflt, List<LabelNode> labels) {
        leader[insns.indexOf(dflt)] = true;
        for (LabelNode l : labels) {
            leader[insns.indexOf(l)] = true;
        }
    }

    static boolean isExit(int op) {
        return (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW;
    }

    /** The last real instruction of a block, or -1 when it has none. */
    int lastInsn(int b) {
        for (int i = blockEnd[b] - 1; i >= blockStart[b]; i--) {
            if (insns.get(i).getOpcode() >= 0) {
                return i;
            }
        }
        return -1;
    }

    private int lastOpcode(int b) {
        int i = lastInsn(b);
        return i < 0 ? -1 : insns.get(i).getOpcode();
    }

    private List<Integer> normalSuccessors(int b) {
        List<Integer> s = new ArrayList<>();
        int last = lastInsn(b);
        AbstractInsnNode insn = last < 0 ? null : insns.get(last);
        int op = insn == null ? -1 : insn.getOpcode();
        if (insn instanceof JumpInsnNode jump) {
            add(s, blockOf[insns.indexOf(jump.label)]);
            if (op != Opcodes.GOTO) {
                addNext(s, b);
            }
        } else if (insn instanceof TableSwitchInsnNode ts) {
            add(s, blockOf[insns.indexOf(ts.dflt)]);
            ts.labels.forEach(l -> add(s, blockOf[insns.indexOf(l)]));
        } else if (insn instanceof LookupSwitchInsnNode ls) {
            add(s, blockOf[insns.indexOf(ls.dflt)]);
            ls.labels.forEach(l -> add(s, blockOf[insns.indexOf(l)]));
        } else if (!isExit(op)) {
            addNext(s, b);
        }
        return s;
    }

    private void addNext(List<Integer> s, int b) {
        if (b + 1 < blockCount) {
            add(s, b + 1);
        }
    }

    private static void add(List<Integer> s, int b) {
        if (!s.contains(b)) {
            s.add(b);
        }
    }

    private int[] reversePostorder(int[][] succ, boolean[] seen) {
        List<Integer> post = new ArrayList<>();
        Deque<int[]> stack = new ArrayDeque<>();
        seen[0] = true;
        stack.push(new int[] {0, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            if (top[1] < succ[top[0]].length) {
                int next = succ[top[0]][top[1]++];
                if (!seen[next]) {
                    seen[next] = true;
                    stack.push(new int[] {next, 0});
                }
            } else {
                post.add(stack.pop()[0]);
            }
        }
        int[] order = new int[post.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = post.get(post.size() - 1 - i);
        }
        return order;
    }

    /** Cooper, Harvey and Kennedy's iterative dominator algorithm over the reachable blocks. */
    private int[] dominators(int[][] succ, int[] rpo) {
        int[] rank = new int[blockCount];
        Arrays.fill(rank, -1);
        for (int i = 0; i < rpo.length; i++) {
            rank[rpo[i]] = i;
        }
        List<List<Integer>> preds = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            preds.add(new ArrayList<>());
        }
        for (int b : rpo) {
            for (int s : succ[b]) {
                preds.get(s).add(b);
            }
        }
        int[] dom = new int[blockCount];
        Arrays.fill(dom, -1);
        dom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < rpo.length; i++) {
                int b = rpo[i];
                int newIdom = -1;
                for (int p : preds.get(b)) {
                    if (dom[p] < 0) {
                        continue;
                    }
                    if (newIdom < 0) {
                        newIdom = p;
                    } else {
                        int x = p;
                        int y = newIdom;
                        while (x != y) {
                            while (rank[x] > rank[y]) {
                                x = dom[x];
                            }
                            while (rank[y] > rank[x]) {
                                y = dom[y];
                            }
                        }
                        newIdom = x;
                    }
                }
                if (newIdom >= 0 && dom[b] != newIdom) {
                    dom[b] = newIdom;
                    changed = true;
                }
            }
        }
        return dom;
    }

    /** True when every path from the entry to b passes a (a block dominates itself). */
    boolean dominates(int a, int b) {
        if (!reachable[b]) {
            return false;
        }
        int x = b;
        while (true) {
            if (x == a) {
                return true;
            }
            if (x == 0) {
                return false;
            }
            x = idom[x];
        }
    }

    /** Edges u→v of a depth-first search where v is on the search stack: {u, v}. */
    private List<int[]> retreatingEdges() {
        List<int[]> edges = new ArrayList<>();
        boolean[] seen = new boolean[blockCount];
        boolean[] onStack = new boolean[blockCount];
        Deque<int[]> stack = new ArrayDeque<>();
        seen[0] = true;
        onStack[0] = true;
        stack.push(new int[] {0, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int b = top[0];
            if (top[1] < successors[b].length) {
                int next = successors[b][top[1]++];
                if (onStack[next]) {
                    edges.add(new int[] {b, next});
                } else if (!seen[next]) {
                    seen[next] = true;
                    onStack[next] = true;
                    stack.push(new int[] {next, 0});
                }
            } else {
                onStack[b] = false;
                stack.pop();
            }
        }
        return edges;
    }

    /** The line of a block's first real instruction (0 when the method has no line numbers there). */
    int line(int block) {
        int first = firstInsn(block);
        return first < 0 ? lineAt[blockStart[block]] : lineAt[first];
    }

    /** Each source line whose code runs, with its most frequent block's count, as pairs (line, count) by line. */
    long[] lineCounts(long[] blockCounts) {
        TreeMap<Integer, Long> byLine = new TreeMap<>();
        for (int i = 0; i < insns.size(); i++) {
            long count = blockCounts[blockOf[i]];
            if (insns.get(i).getOpcode() >= 0 && lineAt[i] > 0 && count > 0) {
                byLine.merge(lineAt[i], count, Math::max);
            }
        }
        long[] pairs = new long[byLine.size() * 2];
        int k = 0;
        for (Map.Entry<Integer, Long> e : byLine.entrySet()) {
            pairs[k++] = e.getKey();
            pairs[k++] = e.getValue();
        }
        return pairs;
    }

    /** The loops of a method, each followed by those nested in it, outermost first (in header order). */
    List<Integer> loopsOutermostFirst() {
        List<Integer> order = new ArrayList<>();
        loops.stream().filter(l -> l.parent < 0).sorted(Comparator.comparingInt(l -> l.header))
                .forEach(l -> addNested(l.id, order));
        return order;
    }

    private void addNested(int loop, List<Integer> order) {
        order.add(loop);
        loops.get(loop).children.stream().sorted(Comparator.comparingInt(c -> loops.get(c).header))
                .forEach(c -> addNested(c, order));
    }

    /** The reachable blocks with a real instruction on the source line (a flow fact's "code on a line"). */
    BitSet blocksOnLine(int line) {
        BitSet on = new BitSet(blockCount);
        for (int i = 0; i < insns.size(); i++) {
            if (lineAt[i] == line && insns.get(i).getOpcode() >= 0 && reachable[blockOf[i]]) {
                on.set(blockOf[i]);
            }
        }
        return on;
    }

    /** The first real instruction of a block, or -1. */
    int firstInsn(int block) {
        for (int i = blockStart[block]; i < blockEnd[block]; i++) {
            if (insns.get(i).getOpcode() >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of a block's first real instruction among the method's real instructions. */
    int headerIndex(int block) {
        int first = firstInsn(block);
        return first < 0 ? opcodeIndex[Math.max(0, blockStart[block])] : opcodeIndex[first];
    }

    /** The innermost loop of the block, or the loop containing it whose parent is {@code region} (-1: the method). */
    int childOf(int region, int block) {
        int l = innermost[block];
        if (l == region) {
            return -1;
        }
        while (l >= 0 && loops.get(l).parent != region) {
            l = loops.get(l).parent;
        }
        return l;
    }
}
