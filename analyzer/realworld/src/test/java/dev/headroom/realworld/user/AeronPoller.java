package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;

/** Polls an Aeron subscription with a handler of its own that only counts bytes. */
public final class AeronPoller {
    /** Counts the bytes of each fragment; allocates nothing. */
    static final class ByteCounter implements FragmentHandler {
        long bytes;

        @Override
        public void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
            bytes += length;
        }
    }

    private final Subscription subscription;
    private final ByteCounter counter = new ByteCounter();

    public AeronPoller(Subscription subscription) {
        this.subscription = subscription;
    }

    @RealTime
    public int poll() {
        return subscription.poll(counter, 10);
    }
}
