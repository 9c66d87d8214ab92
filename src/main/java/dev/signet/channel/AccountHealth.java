package dev.signet.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * How a brand account's polling stands.
 *
 * @param lastPollAt           the last poll that did not fail
 * @param lastMessageAt        when a customer's message for this account last arrived
 * @param consecutiveFailures  failed polls in a row (0 after a success)
 * @param leaseOwner           the replica polling it, while {@code leaseUntil} is in the future
 * @param pollInterval         how often it is polled (null when scheduled polling is off)
 * @param mentionsRemaining    mention reads left in X's current rate-limit window, as last seen by this
 *                             replica (null before the first read)
 * @param directMessagesRemaining DM reads left in the window, likewise
 * @param mentionsBehind       the last mentions read was cut short by the rate limit: a backlog waits on X
 * @param directMessagesBehind the same for DMs
 * @param openMentionGaps      gaps in the mentions timeline not yet recovered ({@code /api/accounts/gaps})
 */
public record AccountHealth(String accountKey, String handle, String externalUserId, Instant lastPollAt,
        Instant lastMessageAt, String lastPollError, int consecutiveFailures, String leaseOwner, Instant leaseUntil,
        String mentionsSinceId, String dmLastEventId, Duration pollInterval, Integer mentionsRemaining,
        Integer directMessagesRemaining, boolean mentionsBehind, boolean directMessagesBehind,
        long openMentionGaps) {

    /** Three failed intervals in a row make an account unhealthy. */
    public static final int FAILURES_BEFORE_UNHEALTHY = 3;

    public boolean healthy() {
        return consecutiveFailures < FAILURES_BEFORE_UNHEALTHY;
    }

    /** Whether unread messages wait on X because a read was cut short. */
    public boolean hasBacklog() {
        return mentionsBehind || directMessagesBehind;
    }
}
