package dev.signet.channel;

import java.math.BigDecimal;

/** One account's X API use in one month, and what it costs at the configured prices (USD). */
public record ApiUsageView(String accountKey, String month, long postReads, long dmReads, long replies,
        long repliesWithUrl, long dmsSent, long userReads, BigDecimal costUsd) {
}
