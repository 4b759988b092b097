package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.LoopBound;
import dev.headroom.annotations.RealTime;

/**
 * Iterative Fibonacci numbers, after Mälardalen {@code fibcall}. Shapes: a counted loop whose limit is the
 * argument (bounded at the call site when the analyzer carries the constant argument into the callee,
 * else by the method's {@code @LoopBound}). Called for n = 30 and n = 46 (the largest whose value fits an int).
 */
public final class Fibonacci {
    private Fibonacci() {
    }

    @RealTime
    public static int run() { // expect-wcet: 1214, measured: 994
        return fib(30) ^ fib(46);
    }

    // i runs from 2 to n, and n <= 46 (fib(47) overflows an int): at most 45 iterations.
    @LoopBound(45)
    static int fib(int n) {
        int previous = 0;
        int current = 1;
        for (int i = 2; i <= n; i++) {
            int next = previous + current;
            previous = current;
            current = next;
        }
        return n == 0 ? 0 : current;
    }
}
