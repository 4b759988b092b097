package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import dev.headroom.annotations.Suppress;

/**
 * A {@code @Suppress} that suppresses nothing, and one naming an unknown rule, are reported at the
 * first line of the method that carries them.
 */
public class UnusedSuppressions {
    private int count;

    @RealTime
    public void onTick(int n) {
        stale(n);
        misspelt(n);
    }

    @Suppress(value = "growable-collection", reason = "the list was replaced by an array")
    private void stale(int n) {
        count += n; // expect: unused-suppression
    }

    @Suppress(value = "heap-alocation", reason = "typo in the rule id")
    private void misspelt(int n) {
        count -= n; // expect: unused-suppression
    }
}
