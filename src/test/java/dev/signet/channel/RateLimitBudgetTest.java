package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RateLimitBudgetTest {

    private final RateLimitBudget budget = new RateLimitBudget();
    private final Instant t0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void pollsAreSpreadOverTheWindow() {
        assertTrue(budget.mayPoll("a", ApiCall.DIRECT_MESSAGES, t0));
        budget.polled("a", ApiCall.DIRECT_MESSAGES, t0);
        // 15 DM polls per 15 minutes: one a minute.
        assertFalse(budget.mayPoll("a", ApiCall.DIRECT_MESSAGES, t0.plusSeconds(59)));
        assertTrue(budget.mayPoll("a", ApiCall.DIRECT_MESSAGES, t0.plusSeconds(60)));
        // Mentions: 75 per 15 minutes, one every 12 s; other accounts are independent.
        budget.polled("a", ApiCall.MENTIONS, t0);
        assertFalse(budget.mayPoll("a", ApiCall.MENTIONS, t0.plusSeconds(11)));
        assertTrue(budget.mayPoll("a", ApiCall.MENTIONS, t0.plusSeconds(12)));
        assertTrue(budget.mayPoll("b", ApiCall.MENTIONS, t0.plusSeconds(1)));
    }

    @Test
    void theNetworksOwnLimitDecidesTheSpacingOnceKnown() {
        budget.observed("a", ApiCall.MENTIONS, 450, 449, t0.plusSeconds(900));
        budget.polled("a", ApiCall.MENTIONS, t0);
        assertTrue(budget.mayPoll("a", ApiCall.MENTIONS, t0.plusSeconds(2)));
    }

    @Test
    void aSpentWindowBlocksUntilItsReset() {
        budget.observed("a", ApiCall.MENTIONS, 75, 0, t0.plusSeconds(300));
        assertEquals(Optional.of(t0.plusSeconds(300)), budget.blockedUntil("a", ApiCall.MENTIONS, t0));
        assertFalse(budget.mayPoll("a", ApiCall.MENTIONS, t0.plusSeconds(299)));
        assertTrue(budget.mayPoll("a", ApiCall.MENTIONS, t0.plusSeconds(300)));
    }

    @Test
    void a429BlocksUntilTheResetTheNetworkGave() {
        budget.exhausted("a", ApiCall.DIRECT_MESSAGES, t0.plusSeconds(42));
        assertEquals(Optional.of(t0.plusSeconds(42)), budget.blockedUntil("a", ApiCall.DIRECT_MESSAGES, t0));
        assertEquals(Optional.empty(), budget.blockedUntil("a", ApiCall.DIRECT_MESSAGES, t0.plusSeconds(42)));
        assertEquals(Optional.of(0), budget.remaining("a", ApiCall.DIRECT_MESSAGES));
    }

    @Test
    void theRemainingCallsOfEachWindowAreAGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RateLimitBudget measured = new RateLimitBudget(registry);

        measured.observed("a", ApiCall.MENTIONS, 75, 40, t0.plusSeconds(60));
        measured.observed("a", ApiCall.MENTIONS, 75, 39, t0.plusSeconds(60));
        measured.exhausted("b", ApiCall.PUBLISH, t0.plusSeconds(60));

        assertEquals(39.0, registry.get("signet.channel.ratelimit.remaining").tags("account", "a", "call", "mentions")
                .gauge().value());
        assertEquals(0.0, registry.get("signet.channel.ratelimit.remaining").tags("account", "b", "call", "publish")
                .gauge().value());
        assertEquals(2, registry.find("signet.channel.ratelimit.remaining").gauges().size());
    }
}
