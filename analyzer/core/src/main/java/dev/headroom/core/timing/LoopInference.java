package dev.headroom.core.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Infers the bound of a counted loop: an int local (the counter) that starts at a constant, is changed
 * in the loop only by one {@code iinc} by a constant step executed once in every iteration, and is
 * compared with a constant (a literal, a constant local, or the length of an array of known length) by a
 * test that runs in every iteration. Sound by construction:
 * <ul>
 *   <li>the test and the step are in the loop itself (not in an inner loop), their blocks dominate every
 *       back edge and cannot jump to an exception handler inside the loop, so each runs exactly once in
 *       every iteration that returns to the header;</li>
 *   <li>nothing else in the loop (inner loops included) writes the counter's local;</li>
 *   <li>the counter cannot wrap: the first value that fails the test must fit in an int;</li>
 *   <li>a {@code !=} test only counts when the step lands exactly on the limit;</li>
 *   <li>other exits (break, return, exceptions) only shorten the loop.</li>
 * </ul>
 * The bound is the number of back edges taken per entry: the number of consecutive times the test lets
 * the loop continue. With several such tests the smallest bound holds.
 *
 * <p>An enclosing loop's counter may stand for a constant, as the start ({@code j = i + 1}, {@code j = i})
 * or the limit ({@code k < i}) of an inner loop: anywhere in its loop it takes only the values from its start
 * to the last one its steps reach (one step past its last tested value), and it cannot change in the inner
 * loop (its only write is its step, in its own loop's blocks). The inner loop's bound is then the most over
 * those values, per entry. A start computed from it counts only when every write that gives the inner counter
 * a value computed from it is inside the enclosing loop (so the counter held one of those values then).
 */
final class LoopInference {
    private enum Cond { LT, LE, GT, GE, EQ, NE }

    /**
     * The inferred bound, or the reason there is none; with what every exit test that bounds the loop proves of
     * the edge by which it lets the loop go on (for the IPET, which can use all of them).
     */
    record Result(long bound, String detail, List<EdgeBound> edges) {
        Result(long bound, String detail) {
            this(bound, detail, List.of());
        }

        boolean found() {
            return bound >= 0;
        }
    }

    /**
     * The edge from {@code from} to {@code to} runs at most {@code bound} times per entry of the loop
     * {@code perEntryOf}: the loop's own (an exit test passes at most that often per entry of its loop, even in
     * a last pass cut short by a break or return), or the immediately enclosing loop whose counter the test's
     * start or limit is computed from (the sum over that counter's values: a triangular nest).
     */
    record EdgeBound(int from, int to, int perEntryOf, long bound) {
    }

    private final ControlFlow cfg;
    private final Frame<BasicValue>[] frames;
    /**
     * Each loop's exit tests, by loop id, worked out once: an inner loop asks for its enclosing loops' counters,
     * and each of those may ask for theirs.
     */
    private final List<List<Candidate>> candidates;

    /** The inference for one method's loops; {@code frames} null when its data flow could not be analysed. */
    LoopInference(ControlFlow cfg, Frame<BasicValue>[] frames) {
        this.cfg = cfg;
        this.frames = frames;
        this.candidates = new ArrayList<>(Collections.nCopies(cfg.loops.size(), (List<Candidate>) null));
    }

    Result infer(ControlFlow.Loop loop) {
        if (frames == null) {
            return new Result(-1, "the method's data flow could not be analysed");
        }
        if (!stackEmptyAtHeader(loop)) {
            return new Result(-1, "values are on the operand stack at the loop header");
        }
        long best = -1;
        String bestDetail = null;
        String why = "no exit test compares an int counter with a constant";
        List<EdgeBound> edges = new ArrayList<>();
        for (Candidate c : candidates(loop)) {
            edges.addAll(c.edges());
            if (c.bound >= 0 && (best < 0 || c.bound < best)) {
                best = c.bound;
                bestDetail = c.detail;
            } else if (c.bound < 0 && c.detail != null) {
                why = c.detail;
            }
        }
        return best >= 0 ? new Result(best, bestDetail, List.copyOf(edges)) : new Result(-1, why);
    }

    private boolean stackEmptyAtHeader(ControlFlow.Loop loop) {
        int headerFirst = cfg.firstInsn(loop.header);
        return headerFirst >= 0 && frames[headerFirst] != null && frames[headerFirst].getStackSize() == 0;
    }

    /** What each exit test of the loop (in the loop itself, not an inner loop) gives, in block order. */
    private List<Candidate> candidates(ControlFlow.Loop loop) {
        List<Candidate> known = candidates.get(loop.id);
        if (known == null) {
            known = exitTests(loop);
            candidates.set(loop.id, known);
        }
        return known;
    }

    private List<Candidate> exitTests(ControlFlow.Loop loop) {
        List<Candidate> found = new ArrayList<>();
        if (!stackEmptyAtHeader(loop)) {
            return found;
        }
        for (int b = loop.body.nextSetBit(0); b >= 0; b = loop.body.nextSetBit(b + 1)) {
            int j = cfg.lastInsn(b);
            if (j < 0 || !(cfg.insns.get(j) instanceof JumpInsnNode jump) || jump.getOpcode() == Opcodes.GOTO
                    || cfg.innermost[b] != loop.id) {
                continue;
            }
            int target = cfg.blockOf[cfg.insns.indexOf(jump.label)];
            int next = b + 1 < cfg.blockCount ? b + 1 : -1;
            boolean targetIn = loop.contains(target);
            boolean nextIn = next >= 0 && loop.contains(next);
            if (targetIn == nextIn) {
                continue; // not an exit test
            }
            found.add(candidate(loop, b, j, jump, targetIn, targetIn ? target : next));
        }
        return found;
    }

    /**
     * One exit test's bound; for a found one, also the counter and every value it may take in the loop
     * (from its first value to one step past the last it is tested with).
     */
    private record Candidate(long bound, String detail, int counter, long low, long high, int step, boolean fixedStart,
                             List<EdgeBound> edges) {
        Candidate(long bound, String detail) {
            this(bound, detail, -1, 0, 0, 0, false, List.of());
        }
    }

    /**
     * The values an enclosing loop's counter may take anywhere in that loop (its inner loops included): those
     * from low to high, and only every step-th one from its start when that start is one value.
     */
    private record Range(ControlFlow.Loop loop, long low, long high, int step, boolean fixedStart, long start) {
        /** The distance between two values it takes. */
        int stride() {
            return fixedStart ? Math.abs(step) : 1;
        }

        /** The lowest value it takes. */
        long first() {
            return low + Math.floorMod(start - low, stride());
        }

        /** How many values it takes. */
        long count() {
            return high < first() ? 0 : (high - first()) / stride() + 1;
        }
    }

    /** A value computed from an enclosing counter: the counter itself, or {@code c + i}, or {@code c - i}. */
    private record Relation(Range range, int[] offset) {
        long at(long counter) {
            return offset == null ? counter : offset[2] > 0 ? counter + offset[1] : offset[1] - counter;
        }

        long[] bounds() {
            return offset == null ? new long[] {range.low(), range.high()} : shifted(range, offset);
        }

        boolean sameAs(Relation other) {
            return range.equals(other.range) && Arrays.equals(offset, other.offset);
        }
    }

    /** @param continueTo the block the test goes to when the loop goes on */
    private Candidate candidate(ControlFlow.Loop loop, int testBlock, int j, JumpInsnNode jump, boolean jumpContinues,
                                int continueTo) {
        Frame<BasicValue> f = frames[j];
        if (f == null) {
            return new Candidate(-1, null);
        }
        int op = jump.getOpcode();
        int counter;
        long limitLow;
        long limitHigh;
        String limitText;
        Cond jumpCond;
        Relation limitRelation = null;
        if (op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ICMPLE) {
            BasicValue left = f.getStack(f.getStackSize() - 2);
            BasicValue right = f.getStack(f.getStackSize() - 1);
            jumpCond = cond(op - Opcodes.IF_ICMPEQ);
            int leftLocal = ConstantInterpreter.local(left);
            int rightLocal = ConstantInterpreter.local(right);
            // Else a limit that is an enclosing counter (k < i) or computed from one in this test (j < n - 1 - i)
            Relation byRight = null;
            Relation byLeft = null;
            if (ConstantInterpreter.constant(right) == null && ConstantInterpreter.constant(left) == null) {
                byRight = leftLocal >= 0 ? limitFrom(loop, right) : null;
                byLeft = rightLocal >= 0 && byRight == null ? limitFrom(loop, left) : null;
            }
            if (leftLocal >= 0 && ConstantInterpreter.constant(right) != null) {
                counter = leftLocal;
                limitLow = limitHigh = ConstantInterpreter.constant(right);
                limitText = String.valueOf(limitLow);
            } else if (rightLocal >= 0 && ConstantInterpreter.constant(left) != null) {
                counter = rightLocal;
                limitLow = limitHigh = ConstantInterpreter.constant(left);
                limitText = String.valueOf(limitLow);
                jumpCond = mirror(jumpCond);
            } else if (byRight != null) { // an enclosing loop's counter cannot change in this loop
                counter = leftLocal;
                limitRelation = byRight;
                long[] limits = byRight.bounds();
                limitLow = limits[0];
                limitHigh = limits[1];
                limitText = limitLow + ".." + limitHigh;
            } else if (byLeft != null) {
                counter = rightLocal;
                limitRelation = byLeft;
                long[] limits = byLeft.bounds();
                limitLow = limits[0];
                limitHigh = limits[1];
                limitText = limitLow + ".." + limitHigh;
                jumpCond = mirror(jumpCond);
            } else {
                return new Candidate(-1, null);
            }
        } else if (op >= Opcodes.IFEQ && op <= Opcodes.IFLE) {
            BasicValue v = f.getStack(f.getStackSize() - 1);
            if (ConstantInterpreter.local(v) < 0) {
                return new Candidate(-1, null);
            }
            counter = ConstantInterpreter.local(v);
            limitLow = limitHigh = 0;
            limitText = "0";
            jumpCond = cond(op - Opcodes.IFEQ);
        } else {
            return new Candidate(-1, null);
        }
        Cond cont = jumpContinues ? jumpCond : negate(jumpCond);
        String name = "local " + counter;

        // The operands are computed in the test block itself, so the counter was read in this iteration.
        int testFirst = cfg.firstInsn(testBlock);
        if (frames[testFirst] == null || frames[testFirst].getStackSize() != 0) {
            return new Candidate(-1, null);
        }
        // The test must run once in every iteration.
        for (int latch : loop.latches) {
            if (!cfg.dominates(testBlock, latch)) {
                return new Candidate(-1, "the exit test on " + name + " does not run in every iteration");
            }
        }
        if (handlesInside(cfg, loop, testBlock)) {
            return new Candidate(-1, "the exit test on " + name + " is inside a try block of the loop");
        }
        // The only write to the counter in the loop: one iinc, once per iteration.
        int stepInsn = -1;
        for (int b = loop.body.nextSetBit(0); b >= 0; b = loop.body.nextSetBit(b + 1)) {
            for (int i = cfg.blockStart[b]; i < cfg.blockEnd[b]; i++) {
                AbstractInsnNode insn = cfg.insns.get(i);
                if (insn instanceof IincInsnNode inc && inc.var == counter) {
                    if (stepInsn >= 0) {
                        return new Candidate(-1, name + " changes more than once in the loop");
                    }
                    stepInsn = i;
                } else if (writes(insn, counter)) {
                    return new Candidate(-1, name + " is assigned inside the loop");
                }
            }
        }
        if (stepInsn < 0) {
            return new Candidate(-1, name + " does not change in the loop");
        }
        int stepBlock = cfg.blockOf[stepInsn];
        int step = ((IincInsnNode) cfg.insns.get(stepInsn)).incr;
        if (cfg.innermost[stepBlock] != loop.id || handlesInside(cfg, loop, stepBlock)) {
            return new Candidate(-1, "the step of " + name + " may not run exactly once per iteration");
        }
        for (int latch : loop.latches) {
            if (!cfg.dominates(stepBlock, latch)) {
                return new Candidate(-1, "the step of " + name + " does not run in every iteration");
            }
        }
        // Initial value: the counter's value on every edge entering the loop.
        Long init = null;
        Long initHigh = null;
        Relation startRelation = null;
        boolean startRelational = false;
        boolean startConstant = false;
        for (int p : cfg.predecessors[loop.header]) {
            if (loop.contains(p)) {
                continue;
            }
            boolean normalEdge = false;
            for (int s : cfg.successors[p]) {
                normalEdge |= s == loop.header && !contains(cfg.handlers[p], loop.header);
            }
            if (!normalEdge) {
                return new Candidate(-1, "the loop is entered from an exception handler");
            }
            Integer v = valueAtEnd(cfg, p, counter, frames);
            long low;
            long high;
            if (v != null) {
                low = high = v;
                startConstant = true;
            } else {
                // j = i + c, with i an enclosing loop's counter, and j written only inside that loop (so i had
                // one of that loop's values when j was computed)
                int[] offset = offsetAtEnd(cfg, p, counter, frames);
                Range r = offset == null ? null : enclosingRange(loop, offset[0]);
                if (r == null || !derivedOnlyIn(cfg, r.loop(), counter, offset[0], frames)) {
                    return new Candidate(-1, name + " has no constant value when the loop starts");
                }
                long[] values = shifted(r, offset);
                low = values[0];
                high = values[1];
                Relation here = new Relation(r, offset);
                startRelation = !startRelational || (startRelation != null && startRelation.sameAs(here)) ? here : null;
                startRelational = true;
            }
            init = init == null ? low : Math.min(init, low);
            initHigh = initHigh == null ? high : Math.max(initHigh, high);
        }
        if (init == null) {
            return new Candidate(-1, name + " has no constant value when the loop starts");
        }
        // The value the test sees in iteration k is start + k * step, where start is the initial value,
        // or the initial value plus one step when the step runs before the test in each iteration.
        List<Long> starts = new ArrayList<>();
        boolean stepFirst = stepBlock != testBlock && cfg.dominates(stepBlock, testBlock);
        boolean unclear = stepBlock == testBlock;
        for (long v : new long[] {init, initHigh}) {
            for (long first : firstTested(v, step, stepFirst, unclear)) {
                starts.add(first);
            }
        }
        if (cont == Cond.NE && Math.abs(step) != 1 && (!init.equals(initHigh) || limitLow != limitHigh)) {
            return new Candidate(-1, name + " may step over a limit that is not one value"); // != must land on it
        }
        long bound = 0;
        // The count only grows towards one end of each range, so the ends (the corners) give the most.
        for (long start : starts) {
            for (long limit : new long[] {limitLow, limitHigh}) {
                if (start < Integer.MIN_VALUE || start > Integer.MAX_VALUE) {
                    return new Candidate(-1, name + " may overflow");
                }
                long n = count(start, limit, step, cont);
                if (n < 0) {
                    return new Candidate(-1, n == -2 ? name + " may overflow before it reaches the limit"
                            : name + " counts away from its limit or may step over it");
                }
                bound = Math.max(bound, n);
            }
        }
        String from = init.equals(initHigh) ? String.valueOf(init) : init + ".." + initHigh;
        // The most steps one entry takes: one per passing test when the test runs before the step in every
        // iteration, else one more (the step before the test that fails).
        long reach = (stepFirst || unclear ? bound + 1 : bound) * step;
        List<EdgeBound> edges = new ArrayList<>(2);
        edges.add(new EdgeBound(testBlock, continueTo, loop.id, bound));
        // A triangular nest: the start or the limit follows the immediately enclosing loop's counter (the other
        // is one constant), so over one entry of that loop the test passes at most the sum, over the counter's
        // values, of what it passes with each.
        Relation relation = null;
        if (startRelational && !startConstant && limitLow == limitHigh && limitRelation == null) {
            relation = startRelation;
        } else if (!startRelational && limitRelation != null && init.equals(initHigh)) {
            relation = limitRelation;
        }
        if (relation != null && relation.range().loop().id == loop.parent) {
            long total = passesOver(relation, relation == startRelation, init, limitLow, step, cont, stepFirst, unclear);
            if (total >= 0) {
                edges.add(new EdgeBound(testBlock, continueTo, loop.parent, total));
            }
        }
        return new Candidate(bound, name + " from " + from + " step " + step + " while " + symbol(cont) + " " + limitText,
                counter, init + Math.min(0, reach), initHigh + Math.max(0, reach), step, init.equals(initHigh),
                List.copyOf(edges));
    }

    /**
     * The value the test sees in an entry's first iteration, from the counter's initial value: that value when
     * the test runs before the step, one step on when the step runs first, either when both are in one block.
     */
    private static long[] firstTested(long initial, int step, boolean stepFirst, boolean unclear) {
        return unclear ? new long[] {initial, initial + step}
                : stepFirst ? new long[] {initial + step} : new long[] {initial};
    }

    /** Most values the sum of a triangular nest is taken over (beyond it, the per-entry bound stands alone). */
    private static final int MOST_VALUES = 100_000;

    /**
     * The sum over the enclosing counter's values of how often the test passes with each; -1 when there are too
     * many values or one gives no count.
     *
     * @param ofStart whether the relation is the start (else the limit; the other is {@code start} or {@code limit})
     */
    private static long passesOver(Relation relation, boolean ofStart, long start, long limit, int step, Cond cont,
                                   boolean stepFirst, boolean unclear) {
        Range range = relation.range();
        if (range.count() > MOST_VALUES) {
            return -1;
        }
        long total = 0;
        for (long v = range.first(); v <= range.high(); v += range.stride()) {
            long from = ofStart ? relation.at(v) : start;
            long to = ofStart ? limit : relation.at(v);
            long most = 0;
            for (long first : firstTested(from, step, stepFirst, unclear)) {
                if (first < Integer.MIN_VALUE || first > Integer.MAX_VALUE || to < Integer.MIN_VALUE || to > Integer.MAX_VALUE) {
                    return -1;
                }
                long n = count(first, to, step, cont);
                if (n < 0) {
                    return -1;
                }
                most = Math.max(most, n);
            }
            total += most;
        }
        return total;
    }

    /** The values {@code c + i} or {@code c - i} takes ({@code offset} as {@link ConstantInterpreter#offsetFromLocal}). */
    private static long[] shifted(Range r, int[] offset) {
        return offset[2] > 0 ? new long[] {r.low() + offset[1], r.high() + offset[1]}
                : new long[] {offset[1] - r.high(), offset[1] - r.low()};
    }

    /**
     * The values a local takes anywhere in the closest enclosing loop whose exit test counts it (inner loops
     * included), or null when no enclosing loop counts it: that loop's only write to it is its one step per
     * iteration, so it starts in the loop's initial range and moves at most one step past its last tested value.
     */
    private Range enclosingRange(ControlFlow.Loop loop, int local) {
        for (int p = loop.parent; p >= 0; p = cfg.loops.get(p).parent) {
            ControlFlow.Loop outer = cfg.loops.get(p);
            Candidate best = null;
            for (Candidate c : candidates(outer)) {
                if (c.bound() >= 0 && c.counter() == local && (best == null || c.bound() < best.bound())) {
                    best = c;
                }
            }
            if (best != null) {
                if (best.low() < Integer.MIN_VALUE || best.high() > Integer.MAX_VALUE) {
                    return null;
                }
                long start = best.step() > 0 ? best.low() : best.high(); // a fixed start is the end it moves away from
                return new Range(outer, best.low(), best.high(), best.step(), best.fixedStart(), start);
            }
        }
        return null;
    }

    /**
     * The values a limit operand takes when it is an enclosing loop's counter ({@code i}) or a constant plus or
     * minus one ({@code n - 1 - i}, computed in the test itself from the counter's current value); else null.
     */
    private Relation limitFrom(ControlFlow.Loop loop, BasicValue operand) {
        int local = ConstantInterpreter.local(operand);
        if (local >= 0 && ConstantInterpreter.constant(operand) == null) {
            Range r = enclosingRange(loop, local);
            return r == null ? null : new Relation(r, null);
        }
        int[] offset = ConstantInterpreter.offsetFromLocal(operand);
        Range r = offset == null ? null : enclosingRange(loop, offset[0]);
        if (r == null) {
            return null;
        }
        long[] values = shifted(r, offset);
        return values[0] < Integer.MIN_VALUE || values[1] > Integer.MAX_VALUE ? null : new Relation(r, offset); // sums that cannot wrap
    }

    /**
     * True when every instruction of the method that makes the local hold a value computed from {@code base}
     * (a store or an increment) is in the loop: the value that reaches an inner loop was then computed while
     * {@code base} held one of that loop's values. Other writes cannot reach it as such a value: where paths
     * disagree, the interpreter's merge drops the base.
     */
    private static boolean derivedOnlyIn(ControlFlow cfg, ControlFlow.Loop loop, int local, int base,
                                         Frame<BasicValue>[] frames) {
        for (int i = 0; i < cfg.insns.size(); i++) {
            AbstractInsnNode insn = cfg.insns.get(i);
            Frame<BasicValue> f = i < frames.length ? frames[i] : null;
            BasicValue written = null;
            if (f == null) {
                continue; // unreachable
            } else if (insn instanceof IincInsnNode inc && inc.var == local) {
                written = ConstantInterpreter.incremented(f.getLocal(local), inc.incr);
            } else if (insn.getOpcode() == Opcodes.ISTORE && ((VarInsnNode) insn).var == local) {
                written = ConstantInterpreter.stored(f.getStack(f.getStackSize() - 1));
            }
            int[] offset = written == null ? null : ConstantInterpreter.offsetFromLocal(written);
            if (offset != null && offset[0] == base && (cfg.blockOf[i] < 0 || !loop.contains(cfg.blockOf[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many consecutive values start, start+step, ... satisfy cont against limit: -1 when the values
     * move away from the limit or may step over a {@code !=} limit, -2 when they may wrap around.
     */
    static long count(long start, long limit, long step, Cond cont) {
        if (step == 0) {
            return -1;
        }
        if (!holds(start, limit, cont)) {
            return 0;
        }
        long n;
        switch (cont) {
            case EQ:
                return 1;
            case NE: {
                long distance = limit - start;
                if (distance % step != 0 || distance / step <= 0) {
                    return -1;
                }
                return distance / step;
            }
            case LT:
                if (step < 0) {
                    return -1;
                }
                n = ceilDiv(limit - start, step);
                break;
            case LE:
                if (step < 0) {
                    return -1;
                }
                n = (limit - start) / step + 1;
                break;
            case GT:
                if (step > 0) {
                    return -1;
                }
                n = ceilDiv(start - limit, -step);
                break;
            case GE:
                if (step > 0) {
                    return -1;
                }
                n = (start - limit) / -step + 1;
                break;
            default:
                return -1;
        }
        long first = start + n * step; // the first value that fails the test
        return first < Integer.MIN_VALUE || first > Integer.MAX_VALUE ? -2 : n;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static boolean holds(long v, long limit, Cond c) {
        return switch (c) {
            case LT -> v < limit;
            case LE -> v <= limit;
            case GT -> v > limit;
            case GE -> v >= limit;
            case EQ -> v == limit;
            case NE -> v != limit;
        };
    }

    /** The value of a local after the last instruction of a block, when it is a constant. */
    private static Integer valueAtEnd(ControlFlow cfg, int block, int local, Frame<BasicValue>[] frames) {
        BasicValue v = atEnd(cfg, block, local, frames);
        return v == null ? null : ConstantInterpreter.constant(v);
    }

    /**
     * The local's value after the last instruction of a block as another local's value plus a constant
     * ({@code {base, offset}}, see {@link ConstantInterpreter#offsetFromLocal}), or null.
     */
    private static int[] offsetAtEnd(ControlFlow cfg, int block, int local, Frame<BasicValue>[] frames) {
        BasicValue v = atEnd(cfg, block, local, frames);
        return v == null ? null : ConstantInterpreter.offsetFromLocal(v);
    }

    /** What the interpreter knows of a local after the last instruction of a block; null when nothing. */
    private static BasicValue atEnd(ControlFlow cfg, int block, int local, Frame<BasicValue>[] frames) {
        int last = cfg.lastInsn(block);
        if (last < 0) {
            int first = cfg.blockStart[block];
            Frame<BasicValue> f = first < frames.length ? frames[first] : null;
            return f == null ? null : f.getLocal(local);
        }
        Frame<BasicValue> f = frames[last];
        if (f == null) {
            return null;
        }
        AbstractInsnNode insn = cfg.insns.get(last);
        if (insn instanceof IincInsnNode inc && inc.var == local) {
            return ConstantInterpreter.incremented(f.getLocal(local), inc.incr);
        }
        if (insn.getOpcode() == Opcodes.ISTORE && ((VarInsnNode) insn).var == local) {
            return ConstantInterpreter.stored(f.getStack(f.getStackSize() - 1));
        }
        return writes(insn, local) ? null : f.getLocal(local);
    }

    /** True for a store that overwrites the local (wide stores cover two slots). */
    static boolean writes(AbstractInsnNode insn, int local) {
        if (!(insn instanceof VarInsnNode v)) {
            return false;
        }
        return switch (insn.getOpcode()) {
            case Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE -> v.var == local;
            case Opcodes.LSTORE, Opcodes.DSTORE -> v.var == local || v.var + 1 == local;
            default -> false;
        };
    }

    private static boolean handlesInside(ControlFlow cfg, ControlFlow.Loop loop, int block) {
        for (int h : cfg.handlers[block]) {
            if (loop.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    /** IFEQ/IF_ICMPEQ order: eq, ne, lt, ge, gt, le. */
    private static Cond cond(int k) {
        return switch (k) {
            case 0 -> Cond.EQ;
            case 1 -> Cond.NE;
            case 2 -> Cond.LT;
            case 3 -> Cond.GE;
            case 4 -> Cond.GT;
            default -> Cond.LE;
        };
    }

    private static Cond negate(Cond c) {
        return switch (c) {
            case LT -> Cond.GE;
            case GE -> Cond.LT;
            case GT -> Cond.LE;
            case LE -> Cond.GT;
            case EQ -> Cond.NE;
            case NE -> Cond.EQ;
        };
    }

    /** a OP b as b OP' a. */
    private static Cond mirror(Cond c) {
        return switch (c) {
            case LT -> Cond.GT;
            case GT -> Cond.LT;
            case LE -> Cond.GE;
            case GE -> Cond.LE;
            default -> c;
        };
    }

    private static String symbol(Cond c) {
        return switch (c) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
        };
    }
}
