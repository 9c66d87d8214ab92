package dev.signet.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * How one endpoint (mentions, DMs, publishing) of a brand account stands.
 *
 * @param endpoint            {@code mentions}, {@code direct-messages} or {@code publish}
 * @param lastSuccessAt       the last call X answered
 * @param lastError           the last failure, kept after a recovery for the record ({@code failing} says whether it
 *                            still holds)
 * @param lastErrorAt         when it happened
 * @param consecutiveFailures failed calls in a row (0 after a success; a call held back by the budget changes nothing)
 * @param blockedUntil        while X's window is spent (a 429, or no calls left): when the endpoint may be called again
 * @param nextReadAt          reads: the earliest the next read may happen by X's limit (null for publishing)
 * @param readEvery           reads spread over X's window: one read at most this often (e.g. DMs every 60 s), else null
 */
public record EndpointHealth(String endpoint, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
        int consecutiveFailures, Instant blockedUntil, Instant nextReadAt, Duration readEvery) {

    /** Failing this many calls in a row makes an endpoint (and its account's channel health) DOWN. */
    public static final int FAILURES_BEFORE_UNHEALTHY = 3;

    public boolean failing() {
        return consecutiveFailures > 0;
    }

    public boolean healthy() {
        return consecutiveFailures < FAILURES_BEFORE_UNHEALTHY;
    }

    public boolean blocked() {
        return blockedUntil != null;
    }

    /** One line for the health group and the logs: "ok", "failing (3 in a row): …", "blocked until …". */
    public String summary() {
        StringBuilder state = new StringBuilder(failing()
                ? "failing (" + consecutiveFailures + " in a row): " + lastError
                : "ok");
        if (blockedUntil != null) {
            state.append(", blocked by X's rate limit until ").append(blockedUntil);
        }
        return state.toString();
    }
}
