package dev.signet.care;

import java.time.Duration;
import java.time.Instant;

/**
 * The customer's clock: from their first message to resolution, across reopenings, never paused (not while
 * waiting on us either).
 *
 * @param running true until the conversation is resolved
 */
public record CustomerClock(Instant startedAt, Instant stoppedAt, long seconds, boolean running) {

    public static CustomerClock of(Instant firstMessageAt, Instant resolvedAt, Instant now) {
        Instant end = resolvedAt == null ? now : resolvedAt;
        return new CustomerClock(firstMessageAt, resolvedAt, Math.max(0, Duration.between(firstMessageAt, end).toSeconds()),
                resolvedAt == null);
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}
