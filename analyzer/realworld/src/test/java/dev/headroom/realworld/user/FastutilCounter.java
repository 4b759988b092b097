package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

/** Counts events by id in a fastutil map: a new id past the fill limit rehashes. */
public final class FastutilCounter {
    private final Int2IntOpenHashMap counts = new Int2IntOpenHashMap(64);

    @RealTime
    public void count(int id) {
        counts.addTo(id, 1);
    }
}
