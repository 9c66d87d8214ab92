package dev.signet.channel;

import java.time.Instant;

/**
 * How a brand account's polling stands.
 *
 * @param consecutiveFailures failed polls in a row (0 after a success)
 * @param leaseOwner          the replica polling it, while {@code leaseUntil} is in the future
 */
public record AccountHealth(String accountKey, String handle, String externalUserId, Instant lastPollAt,
        String lastPollError, int consecutiveFailures, String leaseOwner, Instant leaseUntil, String mentionsSinceId,
        String dmLastEventId) {

    /** Three failed intervals in a row make an account unhealthy. */
    public static final int FAILURES_BEFORE_UNHEALTHY = 3;

    public boolean healthy() {
        return consecutiveFailures < FAILURES_BEFORE_UNHEALTHY;
    }
}
