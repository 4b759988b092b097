package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * A method with more calls than the path analysis lists one by one (over 16, where it keeps the steps met by
 * open addressing): every distinct callee is followed, each finding once. (Whether a callee called twice on one line
 * is one step or two does not show in the findings: the walk passes over a method it has met.)
 */
public class ManyCalls {
    private Object kept;

    @RealTime
    public void onSample(int x) {
        a0(x); a1(x); a2(x); a3(x); a4(x); a5(x); a6(x); a7(x); a8(x); a9(x);
        a0(x); a1(x); a2(x); a3(x); a4(x); a5(x); a6(x); a7(x); a8(x); a9(x);
        b0(x);
        b1(x);
        b2(x);
        b3(x);
        b4(x);
        b0(x); b0(x);
    }

    private void a0(int x) { kept = new int[x]; } // expect: heap-allocation
    private void a1(int x) { kept = new long[x]; } // expect: heap-allocation
    private void a2(int x) { kept = new byte[x]; } // expect: heap-allocation
    private void a3(int x) { kept = new char[x]; } // expect: heap-allocation
    private void a4(int x) { kept = new short[x]; } // expect: heap-allocation
    private void a5(int x) { kept = new float[x]; } // expect: heap-allocation
    private void a6(int x) { kept = new double[x]; } // expect: heap-allocation
    private void a7(int x) { kept = new boolean[x]; } // expect: heap-allocation
    private void a8(int x) { kept = new Object[x]; } // expect: heap-allocation
    private void a9(int x) { kept = new String[x]; } // expect: heap-allocation

    private void b0(int x) {
        kept = new int[x + 1]; // expect: heap-allocation
    }

    private void b1(int x) {
        kept = new int[x + 2]; // expect: heap-allocation
    }

    private void b2(int x) {
        kept = new int[x + 3]; // expect: heap-allocation
    }

    private void b3(int x) {
        kept = new int[x + 4]; // expect: heap-allocation
    }

    private void b4(int x) {
        kept = new int[x + 5]; // expect: heap-allocation
    }
}
