package dev.headroom.core.threads;

/**
 * Waits that must end however often the waiting thread is interrupted meanwhile: for a thread of the run's own, whose
 * work is bounded, so that no failure or cancellation leaves it behind. The interrupt flag is kept.
 */
public final class Uninterruptibly {
    /** A wait that an interrupt can cut short. */
    @FunctionalInterface
    public interface Wait {
        void await() throws InterruptedException;
    }

    private Uninterruptibly() {
    }

    /** Waits until {@code wait} returns, taking it up again after each interrupt; then sets the flag if one came. */
    public static void await(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
