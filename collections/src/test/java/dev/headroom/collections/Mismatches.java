package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects every mismatch of a test against its oracle, so that one failure lists them all. */
final class Mismatches {

    private static final int SHOWN = 40;

    private final List<String> found = new ArrayList<>();

    /** Records a mismatch when {@code expected} and {@code actual} differ; returns whether they matched. */
    boolean expect(Object expected, Object actual, String what) {
        if (Objects.equals(expected, actual)) {
            return true;
        }
        found.add(what + ": expected <" + expected + "> but was <" + actual + ">");
        return false;
    }

    int count() {
        return found.size();
    }

    void assertNone() {
        assertTrue(found.isEmpty(), () -> found.size() + " mismatches (the first " + Math.min(SHOWN, found.size())
                + "):\n" + String.join("\n", found.subList(0, Math.min(SHOWN, found.size()))));
    }

    /** Runs {@code action} and returns the class of the exception it throws, or {@code null}. */
    static Class<?> thrown(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
