package dev.signet.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The demo's spike alerts show whatever the hour the demo starts at: every hour of the week brings enough scored
 * messages, at the low end of the seeding's noise, for its negative share to count in the baseline (min-scored 20).
 */
class InsightsDemoHistoryTest {

    /** signet.insight.alerts.min-scored's default. */
    private static final long MIN_SCORED = 20;

    @Test
    void everyHourOfTheWeekHasANegativeShareBaseline() {
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        for (int h = 0; h < 7 * 24; h++) {
            Instant hour = monday.plus(Duration.ofHours(h));
            long lowest = Math.round(InsightsDemoHistory.usual(hour) * InsightsDemoHistory.LOW_NOISE);
            long scored = Math.round(lowest * InsightsDemoHistory.SCORED_SHARE);
            assertTrue(scored >= MIN_SCORED, hour + " brings only " + scored + " scored messages at the low end");
        }
    }
}
