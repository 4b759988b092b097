package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.Loops;
import dev.headroom.annotations.RealTime;

/**
 * Sieve of Eratosthenes up to 200, after TACLeBench {@code prime} (which tests by division; the sieve is the
 * same family). Shapes: a loop whose test is not on a plain counter ({@code i * i <= N}), an inner loop with a
 * variable start and step that runs only for primes (exclusive branch), so its per-entry bound is far above
 * its count for most entries.
 */
public final class PrimeSieve {
    private static final int N = 200;
    private static final boolean[] COMPOSITE = new boolean[N + 1];

    private PrimeSieve() {
    }

    @RealTime
    public static int run() { // expect-wcet: 9071, measured: 7780
        for (int i = 0; i <= N; i++) {
            COMPOSITE[i] = false;
        }
        for (int i = 2; i * i <= N; i++) {
            // i * i <= 200 holds for i = 2..14: at most 13 iterations.
            Loops.bound(13);
            if (!COMPOSITE[i]) {
                for (int j = i * i; j <= N; j += i) {
                    // j starts at i*i >= 4 and steps by i >= 2 up to 200: at most (200 - 4) / 2 + 1 = 99 iterations.
                    Loops.bound(99);
                    // The loop runs only for prime i: run() clears COMPOSITE, and each composite i <= 14 was marked
                    // by the pass of a smaller prime factor. For 2, 3, 5, 7, 11, 13: 99 + 64 + 36 + 22 + 8 + 3 = 232.
                    Loops.total(232);
                    COMPOSITE[j] = true;
                }
            }
        }
        int count = 0;
        int sum = 0;
        for (int i = 2; i <= N; i++) {
            if (!COMPOSITE[i]) {
                count++;
                sum += i;
            }
        }
        return count * 100_000 + sum;
    }
}
