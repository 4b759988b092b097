package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import dev.headroom.collections.FixedList;
import dev.headroom.collections.IntIntMap;
import dev.headroom.collections.PutResult;
import dev.headroom.collections.RingBuffer;
import dev.headroom.collections.TextBuffer;

/**
 * The inserts of headroom-collections (described by the bundled pack) whose result is dropped, and ones whose
 * result is handled: a map's put returns an int status ("full"), which counts like a boolean. Nothing here
 * grows or allocates.
 */
public class FixedCapacityInserts {
    private final IntIntMap counts = new IntIntMap(64, -1);
    private final FixedList<String> names = new FixedList<>(8);
    private final RingBuffer<String> pending = new RingBuffer<>(8);
    private final TextBuffer line = new TextBuffer(128);
    private int overruns;
    private int lastStatus;

    @RealTime
    public void onEvent(int id, String name) {
        counts.put(id, 1); // expect: ignored-capacity-result
        int status = counts.put(id, 2); // expect: ignored-capacity-result
        if (counts.put(id, 3) == PutResult.FULL) {
            overruns++;
        }
        lastStatus = counts.put(id, counts.get(id) + 1);
        names.add(name); // expect: ignored-capacity-result
        if (!names.add(name)) {
            overruns++;
        }
        pending.offer(name); // expect: ignored-capacity-result
        line.append(id); // expect: ignored-capacity-result
        if (!line.append(name)) {
            overruns++;
        }
        counts.remove(id);
        names.removeSwap(0);
    }
}
