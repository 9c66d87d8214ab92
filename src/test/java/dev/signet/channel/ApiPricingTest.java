package dev.signet.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** X's 2026 pay-per-use prices applied to counted use, the other delivery mode estimated, the month projected. */
class ApiPricingTest {

    /** The defaults of {@link ApiCostConfig}, as a plain object. */
    private static final ApiCostConfig PRICES_2026 = new ApiCostConfig() {
        @Override
        public BigDecimal ownedRead() {
            return new BigDecimal("0.001");
        }

        @Override
        public BigDecimal postRead() {
            return new BigDecimal("0.005");
        }

        @Override
        public BigDecimal dmRead() {
            return new BigDecimal("0.010");
        }

        @Override
        public BigDecimal reply() {
            return new BigDecimal("0.010");
        }

        @Override
        public BigDecimal post() {
            return new BigDecimal("0.015");
        }

        @Override
        public BigDecimal postWithUrl() {
            return new BigDecimal("0.20");
        }

        @Override
        public BigDecimal dmSent() {
            return new BigDecimal("0.015");
        }

        @Override
        public BigDecimal userRead() {
            return new BigDecimal("0.010");
        }
    };

    private final ApiPricing pricing = new ApiPricing(PRICES_2026);

    @Test
    void eachReadAndWriteHasItsPrice() {
        assertEquals(new BigDecimal("0.001"), pricing.cost(counts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)), "owned read");
        assertEquals(new BigDecimal("0.005"), pricing.cost(counts(0, 1, 0, 0, 0, 0, 0, 0, 0, 0)), "search read");
        assertEquals(new BigDecimal("0.010"), pricing.cost(counts(0, 0, 1, 0, 0, 0, 0, 0, 0, 0)), "DM event read");
        assertEquals(new BigDecimal("0.005"), pricing.cost(counts(0, 0, 0, 1, 0, 0, 0, 0, 0, 0)), "pushed post");
        assertEquals(new BigDecimal("0.010"), pricing.cost(counts(0, 0, 0, 0, 1, 0, 0, 0, 0, 0)), "pushed DM");
        assertEquals(new BigDecimal("0.010"), pricing.cost(counts(0, 0, 0, 0, 0, 1, 0, 0, 0, 0)), "reply to a mention");
        assertEquals(new BigDecimal("0.015"), pricing.cost(counts(0, 0, 0, 0, 0, 0, 1, 0, 0, 0)), "post");
        assertEquals(new BigDecimal("0.200"), pricing.cost(counts(0, 0, 0, 0, 0, 0, 0, 1, 0, 0)), "post with a URL");
        assertEquals(new BigDecimal("0.015"), pricing.cost(counts(0, 0, 0, 0, 0, 0, 0, 0, 1, 0)), "DM sent");
        assertEquals(new BigDecimal("0.010"), pricing.cost(counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 1)), "user read");
        // 1,000 owned reads + 100 DM reads + 10 replies + 1 URL post: 1.000 + 1.000 + 0.100 + 0.200.
        assertEquals(new BigDecimal("2.300"), pricing.cost(counts(1000, 0, 100, 0, 0, 10, 0, 1, 0, 0)));
        assertEquals(new BigDecimal("0.000"), pricing.cost(UsageCounts.NONE));
    }

    @Test
    void aPublishedPostIsPricedByUrlThenByWhetherItAnswersAMention() {
        ApiUsage usage = new ApiUsage("acme", "2026-11");
        usage.published(true, true);
        usage.published(true, false);
        usage.published(false, true);
        usage.published(false, false);
        UsageCounts c = usage.counts();
        assertEquals(2, c.postsWithUrl());
        assertEquals(1, c.replies());
        assertEquals(1, c.posts());
    }

    @Test
    void readsAreCountedByKindAndFreeReReadsApart() {
        ApiUsage usage = new ApiUsage("acme", "2026-11");
        usage.read(BilledRead.OWNED_POST, 3, 1);
        usage.read(BilledRead.PUSHED_POST, 2, 0);
        usage.read(BilledRead.PUSHED_DM, 1, 2);
        usage.read(BilledRead.DM, 4, 0);
        usage.read(BilledRead.POST, 5, 0);
        assertEquals(new UsageCounts(3, 5, 4, 2, 1, 0, 0, 0, 0, 0), usage.counts());
        assertEquals(3, usage.freeRereads());
        // Posts and DM events are different resources: the same id in both is two reads.
        assertEquals(BilledRead.OWNED_POST.resource(), BilledRead.PUSHED_POST.resource());
        assertNotEquals(BilledRead.DM.resource(), BilledRead.PUSHED_POST.resource());
    }

    @Test
    void theOtherModeIsEstimatedFromTheSameEvents() {
        // Polled: 1,000 mentions and 200 DM events, 50 replies.
        UsageCounts polled = counts(1000, 0, 200, 0, 0, 50, 0, 0, 0, 0);
        assertEquals(new BigDecimal("3.500"), pricing.cost(polled));
        assertEquals(new BigDecimal("3.500"), pricing.asPolled(polled));
        // Pushed, the mentions are post reads: 5.000 + 2.000 + 0.500.
        assertEquals(new BigDecimal("7.500"), pricing.asPushed(polled));

        // Pushed: 1,000 post events and 200 DM events; reconciliation found 3 mentions X did not push.
        UsageCounts pushed = counts(3, 0, 0, 1000, 200, 50, 0, 0, 0, 0);
        assertEquals(new BigDecimal("7.503"), pricing.cost(pushed));
        // Polled instead, every post is one owned read: 1.003 + 2.000 + 0.500.
        assertEquals(new BigDecimal("3.503"), pricing.asPolled(pushed));
    }

    @Test
    void theMonthIsProjectedFromWhatHasElapsed() {
        YearMonth november = YearMonth.of(2026, 11);
        // Ten of thirty days gone: three times as much.
        assertEquals(new BigDecimal("9.30"),
                ApiPricing.projectMonth(new BigDecimal("3.100"), november, Instant.parse("2026-11-11T00:00:00Z")));
        // Half a day of a 31-day month: at least one day counts as elapsed, else the first hour is multiplied by 744.
        assertEquals(new BigDecimal("31.00"),
                ApiPricing.projectMonth(new BigDecimal("1.000"), YearMonth.of(2026, 12),
                        Instant.parse("2026-12-01T12:00:00Z")));
        // 2028 is a leap year: 14.5 of 29 days gone doubles.
        assertEquals(new BigDecimal("0.02"),
                ApiPricing.projectMonth(new BigDecimal("0.010"), YearMonth.of(2028, 2),
                        Instant.parse("2028-02-15T12:00:00Z")));
        // A month that is over keeps its figure; nothing stays nothing.
        assertEquals(new BigDecimal("3.10"),
                ApiPricing.projectMonth(new BigDecimal("3.100"), november, Instant.parse("2026-12-05T00:00:00Z")));
        assertEquals(new BigDecimal("0.00"),
                ApiPricing.projectMonth(BigDecimal.ZERO, november, Instant.parse("2026-11-20T00:00:00Z")));
    }

    private static UsageCounts counts(long ownedReads, long postReads, long dmReads, long pushedPosts, long pushedDms,
            long replies, long posts, long postsWithUrl, long dmsSent, long userReads) {
        return new UsageCounts(ownedReads, postReads, dmReads, pushedPosts, pushedDms, replies, posts, postsWithUrl,
                dmsSent, userReads);
    }
}
