package dev.headroom.core.callgraph;

import org.objectweb.asm.Opcodes;

/** The JVM's stack-shuffling instructions on a {@link FlowFrame}, whose forms depend on the sizes of the values (JVMS 6.5). */
final class FlowStackOps {
    private FlowStackOps() {
    }

    static void execute(int op, FlowFrame f) {
        switch (op) {
            case Opcodes.DUP -> f.push(f.peek());
            case Opcodes.DUP_X1 -> {
                Object v1 = f.pop();
                Object v2 = f.pop();
                push(f, v1, v2, v1);
            }
            case Opcodes.DUP_X2 -> {
                Object v1 = f.pop();
                Object v2 = f.pop();
                if (FlowFrame.size(v2) == 1) {
                    Object v3 = f.pop();
                    push(f, v1, v3, v2, v1);
                } else {
                    push(f, v1, v2, v1);
                }
            }
            case Opcodes.DUP2 -> {
                Object v1 = f.pop();
                if (FlowFrame.size(v1) == 1) {
                    Object v2 = f.pop();
                    push(f, v2, v1, v2, v1);
                } else {
                    push(f, v1, v1);
                }
            }
            case Opcodes.DUP2_X1 -> {
                Object v1 = f.pop();
                if (FlowFrame.size(v1) == 1) {
                    Object v2 = f.pop();
                    Object v3 = f.pop();
                    push(f, v2, v1, v3, v2, v1);
                } else {
                    Object v2 = f.pop();
                    push(f, v1, v2, v1);
                }
            }
            case Opcodes.DUP2_X2 -> dup2x2(f);
            case Opcodes.SWAP -> {
                Object v1 = f.pop();
                Object v2 = f.pop();
                push(f, v1, v2);
            }
            default -> throw new IllegalArgumentException("not a stack instruction: " + op);
        }
    }

    private static void dup2x2(FlowFrame f) {
        Object v1 = f.pop();
        if (FlowFrame.size(v1) == 1) {
            Object v2 = f.pop();
            Object v3 = f.pop();
            if (FlowFrame.size(v3) == 1) {
                Object v4 = f.pop();
                push(f, v2, v1, v4, v3, v2, v1);
            } else {
                push(f, v2, v1, v3, v2, v1);
            }
        } else {
            Object v2 = f.pop();
            if (FlowFrame.size(v2) == 1) {
                Object v3 = f.pop();
                push(f, v1, v3, v2, v1);
            } else {
                push(f, v1, v2, v1);
            }
        }
    }

    private static void push(FlowFrame f, Object... values) {
        for (Object v : values) {
            f.push(v);
        }
    }
}
