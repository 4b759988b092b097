package dev.headroom.core.memory;

import java.util.ArrayList;
import java.util.List;

/** The static interpreter's operand stack, of values: a long or double is one value of two words. */
final class OperandStack {
    /** Code no verifier would accept (the operand stack underflows, say): the method cannot be interpreted. */
    static final class MalformedCode extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedCode(String reason) {
            super(reason, null, false, false);
        }
    }

    private final List<Value> values = new ArrayList<>();

    void add(Value v) {
        values.add(v);
    }

    Value pop() {
        if (values.isEmpty()) {
            throw new MalformedCode("the operand stack underflows");
        }
        return values.remove(values.size() - 1);
    }

    /**
     * The dup family, by the JVM's definition in words (a long or double is two): a copy of the top
     * {@code copyWords} words goes under the {@code underWords} words below them. DUP is (1, 0), DUP_X2 is
     * (1, 2), DUP2_X1 is (2, 1), and so on; whether a value is one word or two decides how many it takes.
     */
    void dup(int copyWords, int underWords) {
        int copied = startOfWords(values.size(), copyWords);
        int under = startOfWords(copied, underWords);
        values.addAll(under, new ArrayList<>(values.subList(copied, values.size())));
    }

    /** Where the values that make up the given number of words below {@code end} begin. */
    private int startOfWords(int end, int words) {
        int at = end;
        for (int taken = 0; taken < words; ) {
            if (at == 0) {
                throw new MalformedCode("the operand stack underflows");
            }
            taken += values.get(--at).size();
        }
        return at;
    }
}
