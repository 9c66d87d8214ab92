package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A reset X gives that lies beyond one rate-limit window is a misread header: the wait is capped at one window. */
class RateLimitResetCapTest {

    private final RateLimitBudget budget = new RateLimitBudget();

    @Test
    void a429WithTheResetInMillisecondsWaitsOneWindowNotMillennia() {
        Instant now = Instant.now();
        Instant resetInMillisReadAsSeconds = Instant.ofEpochSecond((now.getEpochSecond() + 60) * 1000);

        budget.exhausted("acme", ApiCall.MENTIONS, resetInMillisReadAsSeconds);

        Instant until = budget.blockedUntil("acme", ApiCall.MENTIONS, now).orElseThrow();
        assertTrue(!until.isAfter(Instant.now().plus(ApiCall.WINDOW)), "blocked until " + until);
        assertTrue(until.isAfter(now.plus(ApiCall.WINDOW).minusSeconds(5)), "still a whole window: " + until);
    }

    @Test
    void aSpentWindowWithAnAbsurdResetIsCappedToo() {
        Instant now = Instant.now();

        budget.observed("acme", ApiCall.DIRECT_MESSAGES, 15, 0, Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000_000));

        Instant until = budget.blockedUntil("acme", ApiCall.DIRECT_MESSAGES, now).orElseThrow();
        assertTrue(!until.isAfter(Instant.now().plus(ApiCall.WINDOW)), "blocked until " + until);
    }

    @Test
    void aResetWithinTheWindowIsKeptAsGiven() {
        Instant now = Instant.now();
        Instant reset = now.plusSeconds(90);

        budget.exhausted("acme", ApiCall.MENTIONS, reset);

        assertEquals(reset, budget.blockedUntil("acme", ApiCall.MENTIONS, now).orElseThrow());
    }
}
