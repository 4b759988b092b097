package dev.headroom.core.callgraph;

import java.util.ArrayDeque;
import java.util.Deque;
import org.objectweb.asm.Opcodes;

/**
 * The JVM's stack-shuffling instructions on a {@link FlowFrame} (JVMS 6.5). Each {@code dup} form copies the
 * values that fill the top one or two slots below the values that fill the next zero, one or two slots,
 * whatever their sizes, which covers all its forms at once.
 */
final class FlowStackOps {
    private FlowStackOps() {
    }

    static void execute(int op, FlowFrame f) {
        switch (op) {
            case Opcodes.DUP -> duplicate(f, 1, 0);
            case Opcodes.DUP_X1 -> duplicate(f, 1, 1);
            case Opcodes.DUP_X2 -> duplicate(f, 1, 2);
            case Opcodes.DUP2 -> duplicate(f, 2, 0);
            case Opcodes.DUP2_X1 -> duplicate(f, 2, 1);
            case Opcodes.DUP2_X2 -> duplicate(f, 2, 2);
            case Opcodes.SWAP -> {
                Object v1 = f.pop();
                Object v2 = f.pop();
                f.push(v1);
                f.push(v2);
            }
            default -> throw new IllegalArgumentException("not a stack instruction: " + op);
        }
    }

    /** Copies the values of the top {@code copied} slots below those of the next {@code under} slots. */
    private static void duplicate(FlowFrame f, int copied, int under) {
        Deque<Object> top = popSlots(f, copied);
        Deque<Object> below = popSlots(f, under);
        top.descendingIterator().forEachRemaining(f::push);
        below.descendingIterator().forEachRemaining(f::push);
        top.descendingIterator().forEachRemaining(f::push);
    }

    /** Pops the values that fill exactly this many slots, the topmost first in the result. */
    private static Deque<Object> popSlots(FlowFrame f, int slots) {
        Deque<Object> values = new ArrayDeque<>(2);
        int filled = 0;
        while (filled < slots) {
            Object v = f.pop();
            values.addLast(v);
            filled += FlowFrame.size(v);
        }
        if (filled != slots) {
            throw new FlowPass.Unsupported("a stack instruction splits a two-slot value");
        }
        return values;
    }
}
