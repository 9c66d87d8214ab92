package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The embedded default polls every 10 s against X's 15 DM reads per 15 minutes: DM reads are spread over the window
 * (one a minute), so the window is never spent and a DM waits a minute at most, not until the window's reset.
 */
class DirectMessagePacingTest {

    private final Instant t0 = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void theEmbeddedDefaultSpreadsDirectMessageReadsButNotMentions() throws IOException {
        ChannelConfig embedded = config("embedded", Map.of());
        assertEquals("10s", embedded.pollInterval());
        assertTrue(PollPacing.spreads(embedded, ApiCall.DIRECT_MESSAGES));
        assertFalse(PollPacing.spreads(embedded, ApiCall.MENTIONS));
        // Only turned off on purpose (a fake X that doesn't enforce limits).
        assertFalse(PollPacing.spreads(config("embedded", Map.of("signet.channel.spread-direct-message-polls", "false")),
                ApiCall.DIRECT_MESSAGES));
    }

    @Test
    void aTenSecondPollStaysWithinTheDirectMessageWindowAndReadsEveryMinute() throws IOException {
        ChannelConfig embedded = config("embedded", Map.of());
        RateLimitBudget budget = new RateLimitBudget();
        int reads = 0;
        Instant lastRead = null;
        Duration longestGap = Duration.ZERO;
        for (Instant now = t0; now.isBefore(t0.plus(ApiCall.WINDOW)); now = now.plusSeconds(10)) {
            boolean spread = PollPacing.spreads(embedded, ApiCall.DIRECT_MESSAGES);
            boolean allowed = spread ? budget.mayPoll("acme-air", ApiCall.DIRECT_MESSAGES, now)
                    : budget.blockedUntil("acme-air", ApiCall.DIRECT_MESSAGES, now).isEmpty();
            if (allowed) {
                budget.polled("acme-air", ApiCall.DIRECT_MESSAGES, now);
                if (lastRead != null && Duration.between(lastRead, now).compareTo(longestGap) > 0) {
                    longestGap = Duration.between(lastRead, now);
                }
                lastRead = now;
                reads++;
            } else {
                assertEquals(lastRead.plusSeconds(60), budget.nextPollAt("acme-air", ApiCall.DIRECT_MESSAGES, true, now));
            }
        }
        assertEquals(15, reads, "X allows 15 DM reads per 15 minutes");
        assertEquals(Duration.ofSeconds(60), longestGap);
        assertEquals(Duration.ofSeconds(60), budget.spacing("acme-air", ApiCall.DIRECT_MESSAGES));
    }

    @Test
    void theNextReadWaitsForASpentWindowsReset() {
        RateLimitBudget budget = new RateLimitBudget();
        budget.polled("a", ApiCall.DIRECT_MESSAGES, t0);
        budget.exhausted("a", ApiCall.DIRECT_MESSAGES, t0.plusSeconds(300));
        assertEquals(t0.plusSeconds(300), budget.nextPollAt("a", ApiCall.DIRECT_MESSAGES, true, t0.plusSeconds(1)));
        assertEquals(t0.plusSeconds(300), budget.nextPollAt("a", ApiCall.DIRECT_MESSAGES, false, t0.plusSeconds(1)));
        // Nothing known yet: now.
        assertEquals(t0, budget.nextPollAt("b", ApiCall.DIRECT_MESSAGES, true, t0));
    }

    private static ChannelConfig config(String profile, Map<String, String> overrides) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        DirectMessagePacingTest.class.getClassLoader().getResource("application.properties"), 100))
                .withSources(new PropertiesConfigSource(Map.of("quarkus.http.port", "8080"), "test-port", 50))
                .withSources(new PropertiesConfigSource(overrides, "overrides", 500))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(ChannelConfig.class)
                .withValidateUnknown(false)
                .build();
        return config.getConfigMapping(ChannelConfig.class);
    }
}
