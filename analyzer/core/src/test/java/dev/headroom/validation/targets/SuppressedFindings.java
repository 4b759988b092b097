package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import dev.headroom.annotations.Suppress;

/**
 * Method-level {@code @Suppress}: the method's own findings and those in its lambda bodies are reported
 * as suppressed; a finding of another rule in the same method is not.
 */
public class SuppressedFindings {
    /** Only this class implements it. */
    interface Job {
        void run();
    }

    private static int[] shared;
    private int[] buffer;
    private String label;

    @RealTime
    public void onTick(int n) {
        warmUp(n);
        withLambda();
        label = "tick " + n; // expect: heap-allocation
    }

    @Suppress(value = "heap-allocation", reason = "sized once, on the first tick")
    private void warmUp(int n) {
        buffer = new int[n]; // expect: suppressed heap-allocation
        label = String.valueOf(n); // expect: suppressed heap-allocation
        sync(); // expect: blocking-call/warning
    }

    @Suppress(value = "heap-allocation", reason = "the job runs once")
    private void withLambda() {
        Job job = () -> {
            shared = new int[4]; // expect: suppressed heap-allocation
        };
        job.run();
    }

    private synchronized void sync() {
        buffer[0]++;
    }
}
