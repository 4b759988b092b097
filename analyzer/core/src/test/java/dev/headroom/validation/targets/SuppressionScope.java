package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import dev.headroom.annotations.Suppress;

/**
 * What a method-level {@code @Suppress} covers: a constructor and the lambda bodies written in it, and a
 * method's lambda bodies, but not the lambda bodies of an overload that carries no suppression.
 */
public class SuppressionScope {
    /** Only this class implements it. */
    interface Hook {
        void call();
    }

    private static int[] created;
    private static long[] other;

    static final class Session {
        final Hook hook;
        final int[] buffer;

        @Suppress(value = "heap-allocation", reason = "sessions are opened before the control loop")
        Session(int n) {
            buffer = new int[n]; // expect: suppressed heap-allocation
            hook = () -> {
                created = new int[2]; // expect: suppressed heap-allocation
            };
        }
    }

    @RealTime
    public void onTick(int n) {
        Session session = new Session(n); // expect: heap-allocation
        session.hook.call();
        prepare(n);
        prepare((long) n);
    }

    @Suppress(value = "heap-allocation", reason = "the hook runs once")
    private void prepare(int n) {
        Hook hook = () -> {
            created = new int[3]; // expect: suppressed heap-allocation
        };
        hook.call();
    }

    private void prepare(long n) {
        Hook hook = () -> {
            other = new long[4]; // expect: heap-allocation
        };
        hook.call();
    }
}
