package dev.signet.channel.x;

import java.time.Instant;

/**
 * X's ids (posts and DM events) are snowflakes: their top bits are the milliseconds since X's epoch, so an id
 * names a moment. The connectors use it to turn "read back to this moment" into a {@code since_id}, which both
 * API versions understand, instead of paging by date (v1.1 mentions have no date filter).
 */
final class XSnowflake {

    /** X's epoch: 2010-11-04T01:42:54.657Z. */
    private static final long X_EPOCH_MILLIS = 1288834974657L;
    /** Worker and sequence bits below the timestamp. */
    private static final int LOW_BITS = 22;

    private XSnowflake() {
    }

    /** The smallest id X can have given to anything created at {@code moment}, minus one (a since_id). */
    static String sinceIdAt(Instant moment) {
        long millis = Math.max(0, moment.toEpochMilli() - X_EPOCH_MILLIS);
        return Long.toString(Math.max(1, (millis << LOW_BITS) - 1));
    }
}
