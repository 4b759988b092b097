package dev.headroom.core.timing;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * The frames ASM's {@link Analyzer} computes, for code without subroutines ({@code jsr}/{@code ret}: javac stopped
 * emitting them long ago, and class files from Java 7 on may not hold them), without the analyzer's search for
 * subroutines. That search walks every method first and copies a subroutine record (an object, an array of the
 * method's locals and a list) for each instruction it reaches, only to drop them all when the method has none: on
 * every Guava method as a root it took a quarter of the analyzer's CPU samples (301 of 1,203) and 143 MB of the
 * run's 2.7 GB of allocations.
 *
 * <p>Here the analysis merges the same frames in the same order as ASM's: the same work stack, the same successors,
 * the handler's frames before and after each instruction it covers, the same {@link Frame} and {@link Interpreter}
 * calls. So the frames are equal to ASM's, and so is whether the analysis fails: the one thing the search checks
 * besides subroutines, that no path runs off the end of the code, fails here too, when the analysis merges into
 * the instruction past the end (the analysis follows the same edges as the search). {@code FrameAnalyzerTest}
 * compares the two on the JDK's code and on hand-built code. Code with {@code jsr} or {@code ret} goes to ASM's
 * analyzer.
 */
final class FrameAnalyzer<V extends Value> {
    /** Makes the frames, for an analysis that keeps its own kind of frame (ASM's {@code newFrame} methods). */
    interface FrameFactory<V extends Value> {
        Frame<V> newFrame(int numLocals, int numStack);

        Frame<V> newFrame(Frame<? extends V> frame);
    }

    private static final FrameFactory<Value> PLAIN = new FrameFactory<>() {
        @Override
        public Frame<Value> newFrame(int numLocals, int numStack) {
            return new Frame<>(numLocals, numStack);
        }

        @Override
        public Frame<Value> newFrame(Frame<? extends Value> frame) {
            return new Frame<>(frame);
        }
    };

    private final Interpreter<V> interpreter;
    private final FrameFactory<V> factory;
    private final MethodNode method;
    /** The code, read by index: {@link InsnList#get} and {@link InsnList#indexOf} share the list's own array. */
    private final InsnList list;
    private final List<TryCatchBlockNode>[] handlers;
    private final Frame<V>[] frames;
    private final boolean[] queued;
    private final int[] work;
    private int pending;

    @SuppressWarnings("unchecked")
    private FrameAnalyzer(Interpreter<V> interpreter, FrameFactory<V> factory, MethodNode method) {
        this.interpreter = interpreter;
        this.factory = factory;
        this.method = method;
        this.list = method.instructions;
        int size = list.size();
        this.handlers = (List<TryCatchBlockNode>[]) new List<?>[size];
        this.frames = (Frame<V>[]) new Frame<?>[size];
        this.queued = new boolean[size];
        this.work = new int[size];
    }

    /** The frames of {@code method} of class {@code owner}, as {@code new Analyzer<>(interpreter).analyze} gives them. */
    @SuppressWarnings("unchecked")
    static <V extends Value> Frame<V>[] analyze(Interpreter<V> interpreter, String owner, MethodNode method)
            throws AnalyzerException {
        return analyze(interpreter, (FrameFactory<V>) (FrameFactory<?>) PLAIN, owner, method);
    }

    /** The same, with frames made by {@code factory}, as an analyzer whose {@code newFrame} methods call it. */
    static <V extends Value> Frame<V>[] analyze(Interpreter<V> interpreter, FrameFactory<V> factory, String owner,
                                                MethodNode method) throws AnalyzerException {
        if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || hasSubroutines(method.instructions)) {
            return withAsm(interpreter, factory, owner, method);
        }
        return new FrameAnalyzer<>(interpreter, factory, method).run(owner);
    }

    private static <V extends Value> Frame<V>[] withAsm(Interpreter<V> interpreter, FrameFactory<V> factory,
                                                        String owner, MethodNode method) throws AnalyzerException {
        return new Analyzer<>(interpreter) {
            @Override
            protected Frame<V> newFrame(int numLocals, int numStack) {
                return factory.newFrame(numLocals, numStack);
            }

            @Override
            protected Frame<V> newFrame(Frame<? extends V> frame) {
                return factory.newFrame(frame);
            }
        }.analyze(owner, method);
    }

    private static boolean hasSubroutines(InsnList code) {
        for (AbstractInsnNode insn : code) {
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.JSR || opcode == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    private Frame<V>[] run(String owner) throws AnalyzerException {
        // Each instruction's handlers, in the order of the method's try-catch blocks (the order frames merge in).
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            int end = list.indexOf(block.end);
            for (int i = list.indexOf(block.start); i < end; i++) {
                if (handlers[i] == null) {
                    handlers[i] = new ArrayList<>(2);
                }
                handlers[i].add(block);
            }
        }
        Frame<V> current;
        try {
            current = initialFrame(owner);
            merge(0, current);
        } catch (RuntimeException e) {
            throw new AnalyzerException(list.getFirst(), "Error at instruction 0: " + e.getMessage(), e);
        }
        while (pending > 0) {
            int index = work[--pending];
            queued[index] = false;
            AbstractInsnNode insn = list.get(index);
            try {
                step(index, insn, current);
            } catch (AnalyzerException e) {
                throw new AnalyzerException(e.node, "Error at instruction " + index + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new AnalyzerException(insn, "Error at instruction " + index + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }

    /** Runs one instruction from the frame before it into its successors' frames, {@code current} its frame after. */
    private void step(int index, AbstractInsnNode insn, Frame<V> current) throws AnalyzerException {
        Frame<V> before = frames[index];
        int type = insn.getType();
        int opcode = insn.getOpcode();
        if (type == AbstractInsnNode.LABEL || type == AbstractInsnNode.LINE || type == AbstractInsnNode.FRAME) {
            current.init(before);
            merge(index + 1, before);
        } else {
            current.init(before).execute(insn, interpreter);
            if (insn instanceof JumpInsnNode jump) {
                if (opcode != Opcodes.GOTO) {
                    current.initJumpTarget(opcode, null);
                    merge(index + 1, current);
                }
                current.initJumpTarget(opcode, jump.label);
                merge(list.indexOf(jump.label), current);
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                mergeSwitch(opcode, lookup.dflt, lookup.labels, current);
            } else if (insn instanceof TableSwitchInsnNode table) {
                mergeSwitch(opcode, table.dflt, table.labels, current);
            } else if (opcode != Opcodes.ATHROW && (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN)) {
                merge(index + 1, current);
            }
        }
        List<TryCatchBlockNode> covering = handlers[index];
        if (covering != null) {
            for (TryCatchBlockNode block : covering) {
                Type caught = Type.getObjectType(block.type == null ? "java/lang/Throwable" : block.type);
                int handler = list.indexOf(block.handler);
                // What the handler sees: the frame before the instruction and the frame after it, each with the
                // stack cleared and the exception pushed. (A range starts at a label, whose frames before and after
                // are the same, so the frame before adds nothing to the previous instruction's after; merged as ASM
                // does all the same.)
                Frame<V> entry = factory.newFrame(before);
                entry.clearStack();
                V exception = interpreter.newExceptionValue(block, entry, caught);
                entry.push(exception);
                merge(handler, entry);
                entry = factory.newFrame(current);
                entry.clearStack();
                entry.push(exception);
                merge(handler, entry);
            }
        }
    }

    private void mergeSwitch(int opcode, LabelNode dflt, List<LabelNode> labels, Frame<V> current)
            throws AnalyzerException {
        current.initJumpTarget(opcode, dflt);
        merge(list.indexOf(dflt), current);
        for (LabelNode label : labels) {
            current.initJumpTarget(opcode, label);
            merge(list.indexOf(label), current);
        }
    }

    private void merge(int index, Frame<V> frame) throws AnalyzerException {
        Frame<V> old = frames[index];
        boolean changed;
        if (old == null) {
            frames[index] = factory.newFrame(frame);
            changed = true;
        } else {
            changed = old.merge(frame, interpreter);
        }
        if (changed && !queued[index]) {
            queued[index] = true;
            work[pending++] = index;
        }
    }

    private Frame<V> initialFrame(String owner) {
        Frame<V> frame = factory.newFrame(method.maxLocals, method.maxStack);
        boolean instance = (method.access & Opcodes.ACC_STATIC) == 0;
        int local = 0;
        if (instance) {
            frame.setLocal(local, interpreter.newParameterValue(true, local, Type.getObjectType(owner)));
            local++;
        }
        for (Type parameter : Type.getArgumentTypes(method.desc)) {
            frame.setLocal(local, interpreter.newParameterValue(instance, local, parameter));
            local++;
            if (parameter.getSize() == 2) {
                frame.setLocal(local, interpreter.newEmptyValue(local));
                local++;
            }
        }
        while (local < method.maxLocals) {
            frame.setLocal(local, interpreter.newEmptyValue(local));
            local++;
        }
        frame.setReturn(interpreter.newReturnTypeValue(Type.getReturnType(method.desc)));
        return frame;
    }
}
