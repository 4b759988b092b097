package demo.util;

/** A helper module: no real-time entry point of its own. */
public final class Clamp {
    private Clamp() {
    }

    public static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
