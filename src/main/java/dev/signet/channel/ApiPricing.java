package dev.signet.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Prices an account's counted X use with {@link ApiCostConfig}: as counted, as it would have cost in the other
 * delivery mode, and projected to the whole month.
 * <p>
 * The other mode is estimated from the same counted events: every post polling read (owned read) would have been
 * pushed (a post read) and every pushed post would have been polled once (an owned read); DM events cost the same
 * read either way; writes, user look-ups and search reads do not depend on the mode. Left out: reconciliation's reads
 * in a push mode (mostly same-day re-reads, which are free) and the DM list pages polling re-reads on a later day.
 */
public final class ApiPricing {

    /** Projections start from at least this much of the month, so a first hour's use is not multiplied by 700. */
    static final Duration MIN_ELAPSED = Duration.ofDays(1);

    private final ApiCostConfig prices;

    public ApiPricing(ApiCostConfig prices) {
        this.prices = prices;
    }

    /** What the counted use costs, in USD to the tenth of a cent. */
    public BigDecimal cost(UsageCounts c) {
        return reads(prices.ownedRead(), c.ownedReads())
                .add(reads(prices.postRead(), c.postReads() + c.pushedPosts()))
                .add(reads(prices.dmRead(), c.dmReads() + c.pushedDms()))
                .add(modeIndependent(c))
                .setScale(3, RoundingMode.HALF_UP);
    }

    /** What the month's traffic would have cost had every post been polled (owned reads) and no event pushed. */
    public BigDecimal asPolled(UsageCounts c) {
        return reads(prices.ownedRead(), c.ownedReads() + c.pushedPosts())
                .add(reads(prices.postRead(), c.postReads()))
                .add(reads(prices.dmRead(), c.dmReads() + c.pushedDms()))
                .add(modeIndependent(c))
                .setScale(3, RoundingMode.HALF_UP);
    }

    /** What the month's traffic would have cost had every post and DM event been pushed. */
    public BigDecimal asPushed(UsageCounts c) {
        return reads(prices.postRead(), c.ownedReads() + c.pushedPosts() + c.postReads())
                .add(reads(prices.dmRead(), c.dmReads() + c.pushedDms()))
                .add(modeIndependent(c))
                .setScale(3, RoundingMode.HALF_UP);
    }

    /**
     * A month-to-date figure extrapolated to the whole month: {@code soFar × month length / elapsed}, with the
     * elapsed time at least {@link #MIN_ELAPSED}; a month that is over keeps its figure. In USD cents.
     */
    public static BigDecimal projectMonth(BigDecimal soFar, YearMonth month, Instant now) {
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!now.isBefore(end)) {
            return soFar.setScale(2, RoundingMode.HALF_UP);
        }
        Duration elapsed = Duration.between(start, now);
        if (elapsed.compareTo(MIN_ELAPSED) < 0) {
            elapsed = MIN_ELAPSED;
        }
        long monthSeconds = Duration.between(start, end).toSeconds();
        return soFar.multiply(BigDecimal.valueOf(monthSeconds))
                .divide(BigDecimal.valueOf(elapsed.toSeconds()), 2, RoundingMode.HALF_UP);
    }

    private BigDecimal modeIndependent(UsageCounts c) {
        return reads(prices.reply(), c.replies())
                .add(reads(prices.post(), c.posts()))
                .add(reads(prices.postWithUrl(), c.postsWithUrl()))
                .add(reads(prices.dmSent(), c.dmsSent()))
                .add(reads(prices.userRead(), c.userReads()));
    }

    private static BigDecimal reads(BigDecimal unit, long count) {
        return unit.multiply(BigDecimal.valueOf(count));
    }
}
