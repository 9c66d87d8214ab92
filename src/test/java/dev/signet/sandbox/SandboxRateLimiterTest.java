package dev.signet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SandboxRateLimiterTest {

    private final SandboxRateLimiter limiter = new SandboxRateLimiter(1);
    private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void countsDownWithinAWindowAndRefusesOnceSpent() {
        SandboxRateLimiter.Window first = limiter.take("a", XEndpoint.DIRECT_MESSAGES_LIST, start);
        assertEquals(15, first.limit());
        assertEquals(14, first.remaining());
        assertEquals(start.plus(SandboxRateLimiter.WINDOW).getEpochSecond(), first.resetEpochSecond());
        for (int i = 0; i < 14; i++) {
            assertFalse(limiter.take("a", XEndpoint.DIRECT_MESSAGES_LIST, start.plusSeconds(i)).exceeded());
        }
        SandboxRateLimiter.Window over = limiter.take("a", XEndpoint.DIRECT_MESSAGES_LIST, start.plusSeconds(60));
        assertTrue(over.exceeded());
        assertEquals(0, over.remaining());
    }

    @Test
    void budgetsArePerCallerAndPerEndpoint() {
        for (int i = 0; i < 15; i++) {
            limiter.take("a", XEndpoint.DIRECT_MESSAGES_LIST, start);
        }
        assertFalse(limiter.take("b", XEndpoint.DIRECT_MESSAGES_LIST, start).exceeded());
        assertEquals(74, limiter.take("a", XEndpoint.MENTIONS_TIMELINE, start).remaining());
    }

    @Test
    void aNewWindowStartsAfterFifteenMinutes() {
        for (int i = 0; i < 16; i++) {
            limiter.take("a", XEndpoint.DIRECT_MESSAGES_LIST, start);
        }
        SandboxRateLimiter.Window next = limiter.take("a", XEndpoint.DIRECT_MESSAGES_LIST,
                start.plus(SandboxRateLimiter.WINDOW));
        assertFalse(next.exceeded());
        assertEquals(14, next.remaining());
    }

    @Test
    void peekingCountsNothing() {
        limiter.take("a", XEndpoint.USERS_LOOKUP, start);
        assertEquals(899, limiter.peek("a", XEndpoint.USERS_LOOKUP, start).remaining());
        assertEquals(899, limiter.peek("a", XEndpoint.USERS_LOOKUP, start).remaining());
        assertEquals(900, limiter.peek("other", XEndpoint.USERS_LOOKUP, start).remaining());
    }
}
