package dev.signet.channel.x;

import java.time.Duration;
import java.time.Instant;

/** X's ids are snowflakes: milliseconds since X's epoch shifted left by 22 bits, so an id tells its time. */
final class Snowflakes {

    /** How far X's clock and ours may disagree when asking for what was published since a moment. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final long EPOCH_MILLIS = 1288834974657L;
    private static final int TIME_SHIFT = 22;

    private Snowflakes() {
    }

    static Instant instantOf(String id) {
        return Instant.ofEpochMilli((Long.parseLong(id) >>> TIME_SHIFT) + EPOCH_MILLIS);
    }

    /** The lowest id X can give at this instant: as a {@code since_id}, everything from then on is newer. */
    static long lowestIdAt(Instant instant) {
        return Math.max(1, (instant.toEpochMilli() - EPOCH_MILLIS) << TIME_SHIFT) - 1;
    }
}
