package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/** A hot path with an assert whose check allocates: it runs only with -ea. */
public final class AssertGuardedHandler {
    private final long[] window = new long[64];
    private int next;

    @RealTime
    public void onTick(long value) {
        assert invariantHolds() : "window broken at " + next;
        window[next] = value;
        next = (next + 1) & 63;
    }

    private boolean invariantHolds() {
        List<Long> copy = new ArrayList<>();
        for (long v : window) {
            copy.add(v);
        }
        return copy.size() == 64;
    }
}
