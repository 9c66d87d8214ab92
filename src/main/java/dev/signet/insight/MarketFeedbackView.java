package dev.signet.insight;

import java.time.Instant;

/** A message's market-feedback flag as agents see it on the conversation page and in the API. */
public record MarketFeedbackView(long messageId, FeedbackCategory category, String note, Instant flaggedAt) {
}
