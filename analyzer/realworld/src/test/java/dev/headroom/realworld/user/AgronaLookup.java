package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import org.agrona.collections.Int2IntHashMap;

/** Looks up a price level in a primitive Agrona map filled at start-up. */
public final class AgronaLookup {
    private final Int2IntHashMap levels = new Int2IntHashMap(-1);

    @RealTime
    public int level(int price) {
        return levels.get(price);
    }
}
