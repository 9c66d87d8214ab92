package dev.signet.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.signet.customer.LoyaltyTier;
import dev.signet.sentiment.Sentiment;

class PriorityRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Map<String, Integer> TIERS = Map.of("silver", 10, "gold", 30, "platinum", 50);
    private static final LoyaltyTier NONE = LoyaltyTier.NONE;
    private static final LoyaltyTier SILVER = LoyaltyTier.parse("silver");
    private static final LoyaltyTier GOLD = LoyaltyTier.parse("gold");
    private static final LoyaltyTier PLATINUM = LoyaltyTier.parse("platinum");
    private final PriorityRule rule = new PriorityRule(new PriorityRule.Weights(TIERS, 15, 25, 10, 40));

    private static PriorityRule.Inputs inputs(LoyaltyTier tier, int contacts, Sentiment sentiment, Duration waited,
            Instant promised) {
        return new PriorityRule.Inputs(tier, contacts, sentiment, waited == null ? null : NOW.minus(waited), promised);
    }

    @Test
    void everyInputAddsItsPointsWithAReason() {
        PriorityRule.Explained explained = rule.explain(
                inputs(GOLD, 3, Sentiment.NEGATIVE, Duration.ofHours(2), null), NOW);

        assertEquals(List.of("gold tier +30", "came back 2 times +30", "negative +25", "waiting 2 h +20"),
                explained.reasons().stream().map(PriorityRule.Reason::toString).toList());
        assertEquals(105, explained.score());
    }

    @Test
    void aPlainNewMessageHasOnlyItsWaitingTime() {
        PriorityRule.Explained explained = rule.explain(
                inputs(NONE, 1, Sentiment.POSITIVE, Duration.ofMinutes(30), null), NOW);
        assertEquals(List.of("waiting 30 min +5"), explained.reasons().stream().map(Object::toString).toList());
        assertEquals(0, rule.staticPoints(inputs(null, 1, null, null, null)));
    }

    @Test
    void nothingRunningMeansNoOrderKey() {
        assertNull(rule.queueKey(inputs(PLATINUM, 1, null, null, null)));
        assertEquals(50, rule.explain(inputs(PLATINUM, 1, null, null, null), NOW).score());
    }

    @Test
    void staticPointsAreAHeadStartInTime() {
        // 30 points at 10 points an hour = 3 hours earlier than the customer's wait.
        Instant waiting = NOW.minus(Duration.ofHours(1));
        assertEquals(waiting.minus(Duration.ofHours(3)),
                rule.queueKey(new PriorityRule.Inputs(GOLD, 1, null, waiting, null)));
    }

    @Test
    void orderingByTheKeyIsOrderingByTheScoreAtAnyTime() {
        Random random = new Random(7);
        List<PriorityRule.Inputs> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            LoyaltyTier tier = List.of(NONE, SILVER, GOLD, PLATINUM).get(random.nextInt(4));
            Sentiment sentiment = random.nextBoolean() ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
            Duration waited = Duration.ofMinutes(random.nextInt(600));
            Instant promise = random.nextInt(4) == 0 ? NOW.plus(Duration.ofMinutes(random.nextInt(600) - 300)) : null;
            all.add(new PriorityRule.Inputs(tier, 1 + random.nextInt(3), sentiment, NOW.minus(waited), promise));
        }
        for (Instant at : List.of(NOW, NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofDays(2)))) {
            List<PriorityRule.Inputs> byKey = new ArrayList<>(all);
            byKey.sort(Comparator.comparing(rule::queueKey));
            for (int i = 1; i < byKey.size(); i++) {
                int before = rule.explain(byKey.get(i - 1), at).score();
                int after = rule.explain(byKey.get(i), at).score();
                // Scores are rounded to whole points; the exact order never inverts by more than rounding.
                assertTrue(before >= after - 1, "at " + at + ": " + before + " before " + after);
            }
        }
    }

    @Test
    void aPromisedUpdateCountsOnceDueAndGrowsWhenOverdue() {
        PriorityRule.Explained due = rule.explain(
                inputs(NONE, 1, null, null, NOW.minus(Duration.ofHours(1))), NOW);
        assertEquals(List.of("promised update overdue 1 h +50"), due.reasons().stream().map(Object::toString).toList());

        PriorityRule.Explained later = rule.explain(
                inputs(NONE, 1, null, null, NOW.plus(Duration.ofHours(10))), NOW);
        assertEquals(0, later.score(), "a promise due in 10 h does not count yet");

        // Waiting on us 1 h with an update due now: the larger running term counts, not both.
        PriorityRule.Explained both = rule.explain(inputs(NONE, 1, null, Duration.ofHours(1), NOW), NOW);
        assertEquals(40, both.score());
        Instant key = rule.queueKey(inputs(NONE, 1, null, Duration.ofHours(1), NOW));
        assertEquals(NOW.minus(Duration.ofHours(4)), key);
    }

    @Test
    void weightsMustLetTimeCount() {
        assertThrows(IllegalArgumentException.class, () -> new PriorityRule.Weights(TIERS, 15, 25, 0, 40));
    }

    @Test
    void tiersAreWhatTheConfigurationNamesWithThePointsItGives() {
        PriorityRule custom = new PriorityRule(new PriorityRule.Weights(Map.of("Bronze", 5, "gold", 30), 15, 25, 10, 40));
        PriorityRule.Explained bronze = custom.explain(inputs(LoyaltyTier.parse(" BRONZE "), 1, null, null, null), NOW);
        assertEquals(5, bronze.score());
        assertEquals("bronze tier +5", bronze.reasons().get(0).toString());
        assertEquals(0, custom.explain(inputs(SILVER, 1, null, null, null), NOW).score(), "a tier without points earns none");
        assertEquals(0, custom.explain(inputs(null, 1, null, null, null), NOW).score(), "an unlinked author has no tier");
        assertThrows(IllegalArgumentException.class,
                () -> new PriorityRule.Weights(Map.of("gold", -1), 15, 25, 10, 40));
        assertThrows(IllegalArgumentException.class, () -> LoyaltyTier.parse("gold; drop table"));
        assertEquals("Vip plus", LoyaltyTier.parse("vip_plus").label());
        assertEquals(LoyaltyTier.NONE, LoyaltyTier.parse("  "));
    }
}
