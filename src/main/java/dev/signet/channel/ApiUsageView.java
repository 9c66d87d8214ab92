package dev.signet.channel;

import java.math.BigDecimal;

/**
 * One account's X API use in one month, priced at the configured prices (USD), with the month projected and what
 * the same traffic costs polled and pushed (see {@link ApiPricing}).
 *
 * @param delivery      the account's delivery mode now ({@code poll}, {@code stream}, {@code webhook})
 * @param freeRereads   reads X does not bill (the same resource again on the same UTC day)
 * @param costUsd       the month so far, as counted
 * @param projectedUsd  the month so far extrapolated to the whole month
 * @param pollMonthUsd  the projected month had the account polled (its cost if it polls)
 * @param pushMonthUsd  the projected month had X pushed its events (its cost if it is in a push mode)
 * @param pushSavingUsd {@code pollMonthUsd − pushMonthUsd}: what push saves a month; negative when it costs more
 */
public record ApiUsageView(String accountKey, String month, String delivery, long ownedReads, long postReads,
        long dmReads, long pushedPosts, long pushedDms, long replies, long posts, long postsWithUrl, long dmsSent,
        long userReads, long freeRereads, BigDecimal costUsd, BigDecimal projectedUsd, BigDecimal pollMonthUsd,
        BigDecimal pushMonthUsd, BigDecimal pushSavingUsd) {

    /** An account that read and sent nothing in the month (not a row of the meter: a starting point to compare with). */
    public static ApiUsageView none(String accountKey, String month, String delivery) {
        BigDecimal zero = BigDecimal.ZERO.setScale(3);
        BigDecimal cents = BigDecimal.ZERO.setScale(2);
        return new ApiUsageView(accountKey, month, delivery, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, zero, cents, cents, cents,
                cents);
    }
}
