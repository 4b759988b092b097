package demo;

/** No real-time entry point: nothing to check. */
public final class Clamp {
    private Clamp() {
    }

    public static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
