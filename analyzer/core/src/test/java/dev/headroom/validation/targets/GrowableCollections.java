package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls that may grow a growable collection, directly and through an interface. */
public class GrowableCollections {
    private final ArrayList<String> names = new ArrayList<>();
    private final List<String> viaInterface = new ArrayList<>();
    private final Map<String, String> map = new HashMap<>();
    private final StringBuilder text = new StringBuilder(64);

    @RealTime
    public void onEvent(String name) {
        names.add(name); // expect: growable-collection
        viaInterface.add(name); // expect: growable-collection
        map.put(name, name); // expect: growable-collection
        text.append(name); // expect: growable-collection
        names.get(0);
        names.size();
    }
}
