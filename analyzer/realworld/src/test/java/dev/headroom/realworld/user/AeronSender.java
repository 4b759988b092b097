package dev.headroom.realworld.user;

import dev.headroom.annotations.RealTime;
import io.aeron.ExclusivePublication;
import org.agrona.DirectBuffer;

/** Offers messages to an exclusive Aeron publication handed in at start-up. */
public final class AeronSender {
    private final ExclusivePublication publication;
    private long backPressured;

    public AeronSender(ExclusivePublication publication) {
        this.publication = publication;
    }

    @RealTime
    public void send(DirectBuffer message, int length) {
        if (publication.offer(message, 0, length) < 0) {
            backPressured++;
        }
    }
}
