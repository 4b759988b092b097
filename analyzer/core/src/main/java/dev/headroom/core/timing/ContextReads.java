package dev.headroom.core.timing;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What a method's timing in a call's context depends on: the parameters that the values read from its
 * constant-propagation frames derive from ({@link ParamProvenance}), as a mask over locals.
 *
 * <p>The timing is made from those reads (the loop bounds, what its own calls pass on) and from timings that hold
 * for any call (its callees' own, and a recursive call's stand-in), and each value read is the same in every context
 * that agrees on the parameters it derives from. So two contexts that agree on the parameters read (known or not,
 * and the same value where known) give the same bound; a reason without one may name the calls that were being
 * analysed when it was made (a recursion's cycle), as it did when a timing was kept per context. The frames record
 * every read once the analysis that makes them is done; the reads that decide what a call passes on count only for
 * the callee's parameters its own timing depends on ({@link #dependOnArguments}).
 */
final class ContextReads {
    /** Every parameter: what is read could not be told. */
    static final long ALL = -1L;

    private final String owner;
    private final MethodNode method;
    /** The frames are made: what is read from them now is recorded, unless {@link #unrecorded} reads it. */
    private boolean made;
    private int suspended;
    private Frame<ParamProvenance.Derived>[] provenance;
    private long dependsOn;

    ContextReads(String owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
    }

    /** The parameters the reads so far derive from. */
    long dependsOn() {
        return dependsOn;
    }

    /** The frames under {@code interpreter}, each read from them recorded from now on. */
    Frame<BasicValue>[] analyze(ConstantInterpreter interpreter) throws AnalyzerException {
        Frame<BasicValue>[] frames = FrameAnalyzer.analyze(interpreter, new FrameAnalyzer.FrameFactory<>() {
            @Override
            public Frame<BasicValue> newFrame(int numLocals, int numStack) {
                return new ReadFrame(numLocals, numStack);
            }

            @Override
            public Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new ReadFrame(frame);
            }
        }, owner, method);
        for (int i = 0; i < frames.length; i++) {
            if (frames[i] instanceof ReadFrame f) {
                f.index = i;
            }
        }
        made = true;
        return frames;
    }

    /** The frames could not be made: what they would have given is not known. */
    void dependOnAll() {
        dependsOn = ALL;
    }

    /** Reads frames without recording: what a call passes, before it is known which of it counts. */
    <R> R unrecorded(java.util.function.Supplier<R> read) {
        suspended++;
        try {
            return read.get();
        } finally {
            suspended--;
        }
    }

    /**
     * The arguments of the call at {@code index} that go to the callee's parameters in {@code calleeParams} (a mask
     * over the callee's locals): the values passed there are read.
     */
    void dependOnArguments(int index, MethodInsnNode call, long calleeParams) {
        if (calleeParams == 0) {
            return;
        }
        Frame<ParamProvenance.Derived> at = provenanceAt(index);
        if (at == null) {
            return;
        }
        int[] locals = calleeLocals(call);
        int first = at.getStackSize() - locals.length;
        for (int k = 0; k < locals.length; k++) {
            if ((calleeParams & ParamProvenance.bit(locals[k])) != 0) {
                dependsOn |= at.getStack(first + k).params;
            }
        }
    }

    /**
     * The callee's local of each value a call passes (the receiver first, then the arguments), in the order they
     * are on the stack: the last of the stack at the call, one entry each (a long or a double takes two locals).
     */
    static int[] calleeLocals(MethodInsnNode call) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        boolean receiver = call.getOpcode() != Opcodes.INVOKESTATIC;
        int[] locals = new int[arguments.length + (receiver ? 1 : 0)];
        int local = 0;
        int k = 0;
        if (receiver) {
            locals[k++] = local++;
        }
        for (Type argument : arguments) {
            locals[k++] = local;
            local += argument.getSize();
        }
        return locals;
    }

    /** The provenance frame at an instruction, made on first use; null (and every parameter counted) when it cannot be. */
    private Frame<ParamProvenance.Derived> provenanceAt(int index) {
        if (provenance == null && dependsOn != ALL) {
            try {
                provenance = FrameAnalyzer.analyze(new ParamProvenance(), owner, method);
            } catch (AnalyzerException | RuntimeException e) {
                dependsOn = ALL;
            }
        }
        Frame<ParamProvenance.Derived> at = provenance == null ? null : provenance[index];
        if (at == null) {
            dependsOn = ALL;
        }
        return at;
    }

    /** A frame that records the provenance of what is read from it, once the analysis is done. */
    private final class ReadFrame extends Frame<BasicValue> {
        private int index = -1;

        ReadFrame(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        ReadFrame(Frame<? extends BasicValue> frame) {
            super(frame);
        }

        @Override
        public BasicValue getLocal(int local) {
            BasicValue value = super.getLocal(local);
            record(false, local);
            return value;
        }

        @Override
        public BasicValue getStack(int slot) {
            BasicValue value = super.getStack(slot);
            record(true, slot);
            return value;
        }

        /** Counts the parameters a local or stack value read from this frame derives from, once the frames are made. */
        private void record(boolean stack, int i) {
            Frame<ParamProvenance.Derived> at = made && suspended == 0 && index >= 0 ? provenanceAt(index) : null;
            if (at != null) {
                dependsOn |= (stack ? at.getStack(i) : at.getLocal(i)).params;
            }
        }
    }
}
