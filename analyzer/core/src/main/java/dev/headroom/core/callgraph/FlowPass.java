package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.SwitchTargets;
import java.util.Arrays;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * One method's reference values as the flow nodes they may come from, computed over its basic blocks: a
 * frame is kept only where blocks begin, and each block is run again only when what flows into it grows.
 * It gives the same values as ASM's analyzer with {@link FlowInterpreter} (locals and stack merged where
 * paths meet; a handler sees the locals before and after each instruction it covers) at a fraction of the
 * cost, which matters because every method of the program is scanned. {@link FlowTransfer} says what each
 * instruction does. Code it does not handle (subroutines, stacks that do not match, out-of-range locals)
 * raises {@link Unsupported}, and the caller falls back to ASM's analyzer.
 */
final class FlowPass {
    /** Code this pass does not follow; ASM's analyzer takes it over. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private final MethodNode method;
    private final AbstractInsnNode[] insns;
    private final FlowTransfer transfer;
    private final FlowFrame.Sources exception;
    private final boolean[] leader;
    private static final int[] NONE = new int[0];

    /** Each jump's or switch's targets by instruction index, found once. */
    private final int[][] jumps;
    private final int[][] handlers;
    private final FlowFrame[] entries;
    private final int[] work;
    private final boolean[] queued;
    private int pending;

    private FlowPass(MethodNode method, FlowTransfer transfer, FlowFrame.Sources exception) {
        this.method = method;
        this.insns = method.instructions.toArray();
        this.transfer = transfer;
        this.exception = exception;
        this.leader = new boolean[insns.length];
        this.jumps = new int[insns.length][];
        this.handlers = new int[insns.length][];
        this.entries = new FlowFrame[insns.length];
        this.work = new int[insns.length];
        this.queued = new boolean[insns.length];
    }

    /**
     * Runs over a method with code: adds its assignments to the flow and returns its calls' argument and
     * result nodes by instruction index.
     */
    static FlowInterpreter.CallValues[] run(FlowSink sink, ProgramFlow.MethodNodes own, boolean isStatic,
                                           MethodNode method, Map<Integer, Site.LambdaShape> lambdas) {
        FlowTransfer transfer = new FlowTransfer(sink, own, lambdas, method.instructions.size());
        FlowPass pass = new FlowPass(method, transfer, FlowFrame.Sources.of(sink.unknown()));
        pass.findBlocks();
        pass.enqueue(0, pass.initialFrame(own, isStatic));
        pass.drain();
        return transfer.calls();
    }

    private FlowFrame initialFrame(ProgramFlow.MethodNodes own, boolean isStatic) {
        FlowFrame f = new FlowFrame(method.maxLocals, method.maxStack);
        int local = 0;
        int parameter = 0;
        if (!isStatic) {
            f.store(local++, FlowFrame.Sources.of(own.parameter(parameter++)));
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            int sort = arg.getSort();
            Object value = sort == Type.OBJECT || sort == Type.ARRAY ? FlowFrame.Sources.of(own.parameter(parameter))
                    : arg.getSize() == 2 ? FlowFrame.TWO : FlowFrame.ONE;
            f.store(local, value);
            local += arg.getSize();
            parameter++;
        }
        return f;
    }

    /** Marks where blocks begin (the first instruction, targets, handlers, what follows a jump) and what each handler covers. */
    private void findBlocks() {
        if (insns.length > 0) {
            leader[0] = true;
        }
        for (int i = 0; i < insns.length; i++) {
            AbstractInsnNode insn = insns[i];
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                throw new Unsupported("subroutine");
            }
            jumps[i] = targets(insn);
            for (int target : jumps[i]) {
                leader[target] = true;
            }
            if (endsBlock(op) && i + 1 < insns.length) {
                leader[i + 1] = true;
            }
        }
        for (TryCatchBlockNode tc : method.tryCatchBlocks) {
            int handler = index(tc.handler);
            leader[handler] = true;
            for (int i = index(tc.start), end = index(tc.end); i < end; i++) {
                int[] known = handlers[i] == null ? NONE : handlers[i];
                handlers[i] = Arrays.copyOf(known, known.length + 1);
                handlers[i][known.length] = handler;
            }
        }
    }

    private int index(LabelNode label) {
        int i = method.instructions.indexOf(label);
        if (i < 0 || i >= insns.length) {
            throw new Unsupported("label outside the code");
        }
        return i;
    }

    private int[] targets(AbstractInsnNode insn) {
        int[] targets = insn instanceof JumpInsnNode j ? new int[] {method.instructions.indexOf(j.label)}
                : insn instanceof TableSwitchInsnNode t ? SwitchTargets.of(method.instructions, t.dflt, t.labels)
                : insn instanceof LookupSwitchInsnNode l ? SwitchTargets.of(method.instructions, l.dflt, l.labels)
                : NONE;
        for (int target : targets) {
            if (target < 0 || target >= insns.length) {
                throw new Unsupported("a jump outside the code");
            }
        }
        return targets;
    }

    private static boolean endsBlock(int op) {
        return (op >= Opcodes.IFEQ && op <= Opcodes.RETURN) || op == Opcodes.IFNULL || op == Opcodes.IFNONNULL
                || op == Opcodes.ATHROW;
    }

    private static boolean fallsThrough(int op) {
        return op != Opcodes.GOTO && op != Opcodes.TABLESWITCH && op != Opcodes.LOOKUPSWITCH
                && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN) && op != Opcodes.ATHROW;
    }

    private void enqueue(int at, FlowFrame frame) {
        if (entries[at] == null) {
            entries[at] = frame.copy();
        } else if (!entries[at].merge(frame)) {
            return;
        }
        schedule(at);
    }

    private void schedule(int at) {
        if (!queued[at]) {
            queued[at] = true;
            work[pending++] = at;
        }
    }

    private void enqueueHandlers(int at, FlowFrame frame) {
        for (int handler : handlers[at]) {
            if (entries[handler] == null) {
                entries[handler] = FlowFrame.handler(frame, exception);
            } else if (!entries[handler].mergeHandler(frame, exception)) {
                continue;
            }
            schedule(handler);
        }
    }

    private void drain() {
        FlowFrame frame = new FlowFrame(method.maxLocals, method.maxStack);
        while (pending > 0) {
            int start = work[--pending];
            queued[start] = false;
            frame.copyFrom(entries[start]);
            runBlock(start, frame);
        }
    }

    private void runBlock(int start, FlowFrame frame) {
        for (int i = start; i < insns.length; i++) {
            if (i > start && leader[i]) {
                enqueue(i, frame);
                return;
            }
            AbstractInsnNode insn = insns[i];
            int op = insn.getOpcode();
            if (op < 0) {
                continue; // a label, line number or frame
            }
            if (handlers[i] != null) {
                enqueueHandlers(i, frame);
            }
            transfer.execute(insn, i, frame);
            if (handlers[i] != null) {
                enqueueHandlers(i, frame);
            }
            for (int target : jumps[i]) {
                enqueue(target, frame);
            }
            if (!fallsThrough(op)) {
                return;
            }
        }
    }
}
