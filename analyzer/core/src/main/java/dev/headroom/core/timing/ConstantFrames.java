package dev.headroom.core.timing;

import dev.headroom.core.heap.StaticObjects;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** The constant-propagation frames of one method, computed on first use (null when they cannot be). */
final class ConstantFrames {
    private final String owner;
    private final MethodNode method;
    private final Map<Integer, ConstantInterpreter.Value> arguments;
    /** In a call's context, what is read from the frames; null for the method's own timing. */
    private final ContextReads reads;
    private final FieldArrayLengths fieldLengths;
    private final StaticObjects statics;
    private Frame<BasicValue>[] frames;
    private boolean computed;
    /**
     * The last call asked for what it passes, and that: a call's targets are asked for one after another (13 per
     * call site on average on every Guava method).
     */
    private int knownIndex = -1;
    private Map<Integer, ConstantInterpreter.Value> knownThere;

    /**
     * @param arguments what a call site knows of some arguments, by local (empty: any call)
     * @param reads     in a call's context, where what the timing reads of the frames is recorded; else null
     */
    ConstantFrames(String owner, MethodNode method, Map<Integer, ConstantInterpreter.Value> arguments,
                   ContextReads reads, FieldArrayLengths fieldLengths, StaticObjects statics) {
        this.owner = owner;
        this.method = method;
        this.arguments = arguments;
        this.reads = reads;
        this.fieldLengths = fieldLengths;
        this.statics = statics;
    }

    /** In a call's context, what is read from the frames; null for the method's own timing. */
    ContextReads reads() {
        return reads;
    }

    Frame<BasicValue>[] get() {
        if (!computed) {
            computed = true;
            ConstantInterpreter interpreter = new ConstantInterpreter(fieldLengths, statics, arguments);
            try {
                frames = reads != null ? reads.analyze(interpreter) : FrameAnalyzer.analyze(interpreter, owner, method);
            } catch (AnalyzerException | RuntimeException e) {
                frames = null; // no constants known: nothing is inferred, declarations still apply
                if (reads != null) {
                    reads.dependOnAll(); // the arguments may be why
                }
            }
        }
        return frames;
    }

    private Frame<BasicValue> at(int index) {
        Frame<BasicValue>[] all = get();
        return all == null ? null : all[index];
    }

    /**
     * The arguments the call at an instruction passes whose value is known ({@link #knownArguments}), read without
     * recording (they count per callee, see {@code TimingAnalysis.inContext}); null when there is no frame there (the
     * frames could not be made, or the instruction is never reached).
     */
    Map<Integer, ConstantInterpreter.Value> knownArgumentsAt(int index, MethodInsnNode mi) {
        if (index != knownIndex) {
            Frame<BasicValue> frame = at(index);
            knownThere = frame == null ? null
                    : reads == null ? knownArguments(mi, frame) : reads.unrecorded(() -> knownArguments(mi, frame));
            knownIndex = index;
        }
        return knownThere;
    }

    /**
     * The arguments of a call whose value is known at it (a constant, an array's length, an object of the static
     * state, the receiver included), by the callee's local.
     */
    private static Map<Integer, ConstantInterpreter.Value> knownArguments(MethodInsnNode mi, Frame<BasicValue> frame) {
        int[] locals = ContextReads.calleeLocals(mi);
        int first = frame.getStackSize() - locals.length;
        boolean hasReceiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
        Map<Integer, ConstantInterpreter.Value> known = null; // most calls pass nothing known: no map for them
        for (int k = 0; k < locals.length; k++) {
            ConstantInterpreter.Value value = ConstantInterpreter.known(frame.getStack(first + k));
            // The receiver counts only when its object is known.
            if (value != null && (k > 0 || !hasReceiver || value.object != null)) {
                if (known == null) {
                    known = new HashMap<>();
                }
                known.put(locals[k], value);
            }
        }
        return known == null ? Map.of() : known;
    }
}
