package dev.signet.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How a brand account's polling stands, and each of its endpoints (mentions, DMs, publishing).
 *
 * @param lastPollAt           when the poller last went through the account (each endpoint says how that went)
 * @param lastMessageAt        when a customer's message for this account last arrived
 * @param lastPollError        the latest error of an endpoint that is failing now (null while none is)
 * @param consecutiveFailures  the most failed calls in a row of any endpoint (0 when none is failing)
 * @param leaseOwner           the replica polling it, while {@code leaseUntil} is in the future
 * @param pollInterval         how often it is polled (null when scheduled polling is off)
 * @param mentionsRemaining    mention reads left in X's current rate-limit window, as last seen by this
 *                             replica (null before the first read)
 * @param directMessagesRemaining DM reads left in the window, likewise
 * @param mentionsBehind       the last mentions read was cut short by the rate limit: a backlog waits on X
 * @param directMessagesBehind the same for DMs
 * @param overdue              not polled for longer than expected (two intervals: one, plus a takeover)
 * @param endpoints            each endpoint's own health
 * @param openMentionGaps      gaps in the mentions timeline not yet recovered ({@code /api/accounts/gaps})
 */
public record AccountHealth(String accountKey, String handle, String externalUserId, Instant lastPollAt,
        Instant lastMessageAt, String lastPollError, int consecutiveFailures, String leaseOwner, Instant leaseUntil,
        String mentionsSinceId, String dmLastEventId, Duration pollInterval, Integer mentionsRemaining,
        Integer directMessagesRemaining, boolean mentionsBehind, boolean directMessagesBehind, boolean overdue,
        List<EndpointHealth> endpoints, long openMentionGaps) {

    /** Three failed calls in a row of one endpoint make the account unhealthy. */
    public static final int FAILURES_BEFORE_UNHEALTHY = EndpointHealth.FAILURES_BEFORE_UNHEALTHY;

    /** Builds the account's view; the account-wide error and failures are those of its failing endpoints. */
    static AccountHealth of(String accountKey, String handle, String externalUserId, Instant lastPollAt,
            Instant lastMessageAt, String leaseOwner, Instant leaseUntil, String mentionsSinceId, String dmLastEventId,
            Duration pollInterval, Integer mentionsRemaining, Integer directMessagesRemaining, boolean mentionsBehind,
            boolean directMessagesBehind, boolean overdue, List<EndpointHealth> endpoints, long openMentionGaps) {
        String error = endpoints.stream().filter(EndpointHealth::failing)
                .max(Comparator.comparing(EndpointHealth::lastErrorAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(e -> e.endpoint() + ": " + e.lastError()).orElse(null);
        int failures = endpoints.stream().mapToInt(EndpointHealth::consecutiveFailures).max().orElse(0);
        return new AccountHealth(accountKey, handle, externalUserId, lastPollAt, lastMessageAt, error, failures,
                leaseOwner, leaseUntil, mentionsSinceId, dmLastEventId, pollInterval, mentionsRemaining,
                directMessagesRemaining, mentionsBehind, directMessagesBehind, overdue, List.copyOf(endpoints),
                openMentionGaps);
    }

    /** Every endpoint answers (fewer than three failures in a row) and polling keeps its pace. */
    public boolean healthy() {
        return !overdue && !failing();
    }

    /** An endpoint failed three times in a row or more. */
    public boolean failing() {
        return !endpoints.stream().allMatch(EndpointHealth::healthy);
    }

    /** Whether unread messages wait on X because a read was cut short. */
    public boolean hasBacklog() {
        return mentionsBehind || directMessagesBehind;
    }

    /** One line for the channel health group: "ok", or which endpoint fails, waits or is overdue, and why. */
    public String summary() {
        StringBuilder state = new StringBuilder();
        if (overdue) {
            state.append("not polled since ").append(lastPollAt == null ? "start" : lastPollAt.toString())
                    .append(" (expected every ").append(pollInterval == null ? "?" : pollInterval.toSeconds() + " s")
                    .append(")");
        }
        for (EndpointHealth endpoint : endpoints) {
            if (endpoint.failing() || endpoint.blocked()) {
                state.append(state.isEmpty() ? "" : "; ").append(endpoint.endpoint()).append(' ').append(endpoint.summary());
            }
        }
        return state.isEmpty() ? "ok" : state.toString();
    }
}
