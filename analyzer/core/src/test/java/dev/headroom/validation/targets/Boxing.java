package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/** Autoboxing (Integer, Long and Double valueOf) and a boxed counter allocate; unboxing alone does not. */
public class Boxing {
    private Object last;
    private Integer count = 0;
    private final Integer limit = 1000;
    private int total;

    @RealTime
    public void onSample(int i, long l, double d) {
        last = i; // expect: heap-allocation
        last = l; // expect: heap-allocation
        last = d; // expect: heap-allocation
        count++; // expect: heap-allocation
        total += limit.intValue();
        total += limit;
    }
}
