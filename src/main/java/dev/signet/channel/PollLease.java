package dev.signet.channel;

import java.time.Duration;

/**
 * How long a poll lease lasts and how often every replica looks at it. The holder renews its leases every quarter
 * tick and the others try to take expired ones just as often, so when the holder dies another replica polls within
 * {@code interval / 2 + tick / 4} (at most three quarters of an interval), not on its own next tick after a lease
 * as long as the interval (up to two intervals).
 */
final class PollLease {

    private PollLease() {
    }

    /** The lease an account polled every {@code interval} is taken or renewed for. */
    static Duration length(Duration interval) {
        return interval.dividedBy(2);
    }

    /** How often replicas renew (holder) or try to take (others) leases, for the poller's {@code tick}. */
    static Duration checkEvery(Duration tick) {
        return tick.dividedBy(4);
    }

    /** What a look at an account's lease found. */
    enum Outcome {
        /** This replica held it and renewed it. */
        RENEWED,
        /** Nobody held it (or the holder's lease ran out): this replica holds it now and should poll at once. */
        TAKEN,
        /** Another replica holds it. */
        HELD_ELSEWHERE
    }
}
