package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import java.util.Arrays;

/**
 * A method's calls as the unbounded-loop search reads them, in order: the line, the callee, whether the call is in
 * cold code, and the identity of the callee's timing for what the call passes it (null when it has none). They are
 * kept in arrays side by side rather than as an object each: every method of Guava as a root records 2.2 million
 * calls at 216,000 sites (a call to {@code Object.toString} has hundreds of targets), all held until the last root
 * is timed.
 *
 * <p>{@link #NONE} is shared and never changes: {@link #plus} on it returns a new list, on any other the list itself.
 */
final class RecordedCalls {
    static final RecordedCalls NONE = new RecordedCalls(0);

    private int[] lines;
    private MethodRef[] callees;
    private boolean[] cold;
    /** Null until a call has a context. */
    private Object[] contexts;
    private int size;

    private RecordedCalls(int capacity) {
        lines = new int[capacity];
        callees = new MethodRef[capacity];
        cold = new boolean[capacity];
    }

    /** This list with one more call: itself, or a new list when this is {@link #NONE}. */
    RecordedCalls plus(int line, MethodRef callee, boolean inColdCode, Object context) {
        RecordedCalls list = this == NONE ? new RecordedCalls(4) : this;
        list.add(line, callee, inColdCode, context);
        return list;
    }

    private void add(int line, MethodRef callee, boolean inColdCode, Object context) {
        if (size == lines.length) {
            int capacity = Math.max(4, size * 2);
            lines = Arrays.copyOf(lines, capacity);
            callees = Arrays.copyOf(callees, capacity);
            cold = Arrays.copyOf(cold, capacity);
            if (contexts != null) {
                contexts = Arrays.copyOf(contexts, capacity);
            }
        }
        if (context != null && contexts == null) {
            contexts = new Object[lines.length];
        }
        lines[size] = line;
        callees[size] = callee;
        cold[size] = inColdCode;
        if (contexts != null) {
            contexts[size] = context;
        }
        size++;
    }

    /** The list without room to grow, once its method is analysed. */
    RecordedCalls trimmed() {
        if (size < lines.length) {
            lines = Arrays.copyOf(lines, size);
            callees = Arrays.copyOf(callees, size);
            cold = Arrays.copyOf(cold, size);
            if (contexts != null) {
                contexts = Arrays.copyOf(contexts, size);
            }
        }
        return this;
    }

    int size() {
        return size;
    }

    int line(int i) {
        return lines[i];
    }

    MethodRef callee(int i) {
        return callees[i];
    }

    boolean cold(int i) {
        return cold[i];
    }

    Object context(int i) {
        return contexts == null ? null : contexts[i];
    }
}
