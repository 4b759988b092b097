package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Fixed-capacity inserts whose boolean result is dropped (popped, or stored to a local that is never
 * read) and ones whose result is handled. ArrayBlockingQueue takes a lock, so every call of it is also a
 * blocking call. A call through BlockingQueue reaches only ArrayBlockingQueue here (bounded: a finding);
 * a call through Queue, whose field may hold either, reaches both (not all bounded: no capacity finding).
 */
public class CapacityResults {
    private final ArrayBlockingQueue<Long> samples = new ArrayBlockingQueue<>(16);
    private final BlockingQueue<Long> bounded = new ArrayBlockingQueue<>(16);
    private Queue<Long> mixed = new ArrayDeque<>(16);
    private boolean lastAccepted;
    private int overruns;

    @RealTime
    public void onSample(Long value) {
        samples.offer(value); // expect: ignored-capacity-result, blocking-call
        boolean accepted = samples.offer(value); // expect: ignored-capacity-result, blocking-call
        bounded.offer(value); // expect: ignored-capacity-result, blocking-call
        mixed.offer(value); // expect: growable-collection, blocking-call
        if (!samples.offer(value)) { // expect: blocking-call
            overruns++;
        }
        while (!samples.offer(value)) { // expect: blocking-call
            samples.poll(); // expect: blocking-call
        }
        lastAccepted = samples.offer(value); // expect: blocking-call
        boolean checked = samples.offer(value); // expect: blocking-call
        if (!checked) {
            overruns++;
        }
        handled(value);
    }

    private boolean handled(Long value) {
        return bounded.offer(value); // expect: blocking-call
    }

    void useBlockingQueue() {
        mixed = new ArrayBlockingQueue<>(16);
    }
}
