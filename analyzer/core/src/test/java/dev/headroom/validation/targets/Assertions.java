package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The code of an {@code assert} runs only with {@code -ea}: cold by default, so what it calls is a
 * warning (an error under {@code --assertions enabled}, checked by AssertionPolicyTest); the code after it
 * is hot.
 */
public class Assertions {
    private final Map<Thread, Integer> owners = new HashMap<>();
    private long sequence;
    private int[] last;

    @RealTime
    public long next(int n) {
        // the AssertionError's construction reaches synchronized, growing and unresolved JDK code: all cold
        assert sameThread() : "not the producer thread"; // expect: heap-allocation/warning, growable-collection/warning, blocking-call/warning
        sequence += n;
        last = new int[n]; // expect: heap-allocation/error
        return sequence;
    }

    private boolean sameThread() {
        owners.put(Thread.currentThread(), 1); // expect: growable-collection/warning, heap-allocation/warning
        return true;
    }
}
