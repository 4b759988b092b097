package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.List;

/** The plainest mistake: appending to a growable list on the hot path. */
public final class ListAppender {
    private final List<String> seen = new ArrayList<>();

    @RealTime
    public void onEvent(String name) {
        seen.add(name);
    }
}
