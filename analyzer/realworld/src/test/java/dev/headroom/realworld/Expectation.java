package dev.headroom.realworld;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The truth about one root of a real-world input, as written in its {@code .expect} file.
 *
 * @param root        the root pattern ({@code --root} syntax; for user code, the annotated method)
 * @param errors      the error findings the root must get; any other error is a false error
 * @param othersAllowed true for {@code error any}: errors beyond {@code errors} are not judged (a growing
 *                    path through code whose receivers nobody can know)
 * @param bound       whether a worst-case bound is expected
 * @param why         the one-line reason for the truth
 * @param known       today's known deviations by aspect, each naming its cause from issue 11
 * @param line        where the block starts in its file, for messages
 */
public record Expectation(String root, List<ExpectedError> errors, boolean othersAllowed, boolean bound, String why,
                          Map<Aspect, String> known, String line) {

    /** What a known deviation is about. */
    public enum Aspect {
        /** the error findings differ from {@code errors} */
        ERRORS,
        /** the bound is missing where one is expected, or present where none can be */
        BOUND,
        /** the root's result alone differs from its result in the run with all roots of its input */
        TOGETHER;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An expected error: a rule, optionally the method the event is in ({@code Class#method}, the class by
     * its simple or full binary name), optionally an exact count of findings.
     */
    public record ExpectedError(String rule, String in, Integer count) {
        boolean matches(Outcome.Error e) {
            return e.rule().equals(rule) && (in == null || e.isIn(in));
        }

        @Override
        public String toString() {
            return rule + (in == null ? "" : " in " + in) + (count == null ? "" : " x" + count);
        }
    }

    /**
     * An allocation-free path: its only acceptable errors are unbounded loops and recursion through objects
     * that callers Headroom does not see may nest (neither allocates).
     */
    public boolean allocationFree() {
        return !othersAllowed && errors.stream().allMatch(e -> e.rule().equals("unbounded-loop") || e.rule().equals("recursion"));
    }
}
