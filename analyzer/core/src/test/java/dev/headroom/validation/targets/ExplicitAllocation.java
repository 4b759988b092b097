package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/** Allocations the bytecode itself makes. */
public class ExplicitAllocation {
    private Object last;
    private int[] buffer = new int[16];

    @RealTime
    public void onTick(int n) {
        last = new Object(); // expect: heap-allocation
        buffer = new int[n]; // expect: heap-allocation
        int[][] grid = new int[2][3]; // expect: heap-allocation
        last = grid;
        last = buffer.clone(); // expect: heap-allocation
        buffer[0] = n;
    }
}
