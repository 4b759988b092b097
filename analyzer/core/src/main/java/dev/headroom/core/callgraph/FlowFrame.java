package dev.headroom.core.callgraph;

import java.util.Arrays;

/**
 * The values of a method's locals and operand stack at one point, for {@link FlowPass}: a reference is the
 * flow nodes it may come from ({@link Sources}); primitives are only their size, which the stack
 * instructions need; {@link #EMPTY} is a slot with no usable value (unset, or set differently on paths
 * that meet). Values are immutable and shared between frames, so most merges compare identities only.
 */
final class FlowFrame {
    /** A slot that holds no usable value. */
    static final Object EMPTY = new Object();
    /** A primitive of one slot (int, float, ...). */
    static final Object ONE = new Object();
    /** A primitive of two slots (long, double). */
    static final Object TWO = new Object();

    /** A reference: the flow nodes it may come from, in the order they were first met. */
    static final class Sources {
        static final Sources NONE = new Sources(new TypeFlow.Node[0]);
        final TypeFlow.Node[] nodes;

        private Sources(TypeFlow.Node[] nodes) {
            this.nodes = nodes;
        }

        static Sources of(TypeFlow.Node node) {
            return node == null ? NONE : new Sources(new TypeFlow.Node[] {node});
        }

        private boolean contains(TypeFlow.Node node) {
            for (TypeFlow.Node n : nodes) {
                if (n == node) {
                    return true;
                }
            }
            return false;
        }

        /** This set and the other's nodes it lacks (each set holds a node once); this one itself when it lacks none. */
        Sources union(Sources other) {
            TypeFlow.Node[] merged = null;
            int size = nodes.length;
            for (TypeFlow.Node n : other.nodes) {
                if (!contains(n)) {
                    if (merged == null) {
                        merged = Arrays.copyOf(nodes, nodes.length + other.nodes.length);
                    }
                    merged[size++] = n;
                }
            }
            return merged == null ? this : new Sources(Arrays.copyOf(merged, size));
        }
    }

    final Object[] locals;
    final Object[] stack;
    int top;

    FlowFrame(int maxLocals, int maxStack) {
        locals = new Object[maxLocals];
        Arrays.fill(locals, EMPTY);
        stack = new Object[maxStack];
    }

    private FlowFrame(FlowFrame other) {
        locals = other.locals.clone();
        stack = other.stack.clone();
        top = other.top;
    }

    FlowFrame copy() {
        return new FlowFrame(this);
    }

    void copyFrom(FlowFrame other) {
        System.arraycopy(other.locals, 0, locals, 0, locals.length);
        System.arraycopy(other.stack, 0, stack, 0, other.top);
        top = other.top;
    }

    static int size(Object value) {
        return value == TWO ? 2 : 1;
    }

    void push(Object value) {
        if (top == stack.length) {
            throw new FlowPass.Unsupported("operand stack overflow");
        }
        stack[top++] = value;
    }

    Object pop() {
        if (top == 0) {
            throw new FlowPass.Unsupported("operand stack underflow");
        }
        return stack[--top];
    }

    Object peek() {
        if (top == 0) {
            throw new FlowPass.Unsupported("operand stack underflow");
        }
        return stack[top - 1];
    }

    void pop(int count) {
        for (int i = 0; i < count; i++) {
            pop();
        }
    }

    Object local(int index) {
        if (index >= locals.length) {
            throw new FlowPass.Unsupported("local " + index + " beyond the method's locals");
        }
        return locals[index];
    }

    void store(int index, Object value) {
        if (index + size(value) > locals.length) {
            throw new FlowPass.Unsupported("local " + index + " beyond the method's locals");
        }
        locals[index] = value;
        if (value == TWO) {
            locals[index + 1] = EMPTY;
        }
        if (index > 0 && locals[index - 1] == TWO) {
            locals[index - 1] = EMPTY;
        }
    }

    /** Merges another frame into this one; true when this one changed. */
    boolean merge(FlowFrame other) {
        if (top != other.top) {
            throw new FlowPass.Unsupported("operand stacks of different heights meet");
        }
        boolean changed = mergeLocals(other);
        for (int i = 0; i < top; i++) {
            Object merged = merge(stack[i], other.stack[i]);
            if (merged != stack[i]) {
                stack[i] = merged;
                changed = true;
            }
        }
        return changed;
    }

    /** Merges the locals of a frame, and an exception as the only stack value, into a handler's frame. */
    boolean mergeHandler(FlowFrame other, Sources exception) {
        boolean changed = mergeLocals(other);
        Object merged = merge(stack[0], exception);
        if (merged != stack[0]) {
            stack[0] = merged;
            changed = true;
        }
        return changed;
    }

    /** A handler's first frame: the locals of a frame where the exception may be thrown, the exception on the stack. */
    static FlowFrame handler(FlowFrame at, Sources exception) {
        if (at.stack.length == 0) {
            throw new FlowPass.Unsupported("an exception handler in a method without an operand stack");
        }
        FlowFrame f = new FlowFrame(at.locals.length, at.stack.length);
        System.arraycopy(at.locals, 0, f.locals, 0, at.locals.length);
        f.stack[0] = exception;
        f.top = 1;
        return f;
    }

    private boolean mergeLocals(FlowFrame other) {
        boolean changed = false;
        for (int i = 0; i < locals.length; i++) {
            Object merged = merge(locals[i], other.locals[i]);
            if (merged != locals[i]) {
                locals[i] = merged;
                changed = true;
            }
        }
        return changed;
    }

    private static Object merge(Object a, Object b) {
        if (a == b) {
            return a;
        }
        if (a instanceof Sources x && b instanceof Sources y) {
            return x.union(y);
        }
        return EMPTY;
    }
}
