package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * Recursion: direct self-recursion, mutual recursion (every call inside the cycle), and recursion that
 * is reached only on a path that throws (a warning).
 */
public class Recursion {
    private static final IllegalStateException NEGATIVE = new IllegalStateException("negative input");
    private int result;
    private boolean parity;

    @RealTime
    public void onTick(int n) {
        if (n < 0) {
            result = countDown(-n);
            throw NEGATIVE;
        }
        result = factorial(n);
        parity = isEven(n);
    }

    private static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1); // expect: recursion/error
    }

    private static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1); // expect: recursion/error
    }

    private static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1); // expect: recursion/error
    }

    private static int countDown(int n) {
        return n == 0 ? 0 : countDown(n - 1); // expect: recursion/warning
    }
}
