package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SilenceRuleTest {

    private static final Duration MINIMUM = Duration.ofMinutes(15);
    private final Instant now = Instant.parse("2026-11-23T14:30:00Z");

    @Test
    void theThresholdIsSomeUsualGapsButNeverBelowTheMinimum() {
        // 10 an hour: a message every 6 min; 4 gaps = 24 min.
        assertEquals(Duration.ofMinutes(24), SilenceRule.threshold(10, 2, 4, MINIMUM));
        // 60 an hour: 4 gaps = 4 min, raised to the 15-minute minimum.
        assertEquals(MINIMUM, SilenceRule.threshold(60, 2, 4, MINIMUM));
    }

    @Test
    void quietHoursAreNotWatched() {
        assertNull(SilenceRule.threshold(1.5, 2, 4, MINIMUM));
        assertFalse(SilenceRule.silent(now.minus(Duration.ofHours(5)), now, null));
    }

    @Test
    void silentOnlyAfterTheThreshold() {
        Duration threshold = Duration.ofMinutes(24);
        assertFalse(SilenceRule.silent(now.minus(Duration.ofMinutes(24)), now, threshold));
        assertTrue(SilenceRule.silent(now.minus(Duration.ofMinutes(25)), now, threshold));
        assertFalse(SilenceRule.silent(null, now, threshold), "an account that never received anything is new, not silent");
    }
}
