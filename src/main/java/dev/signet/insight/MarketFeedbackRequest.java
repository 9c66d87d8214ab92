package dev.signet.insight;

/**
 * An agent's market-feedback flag on a customer's message.
 *
 * @param category product, policy, pricing or other
 * @param note     optional, at most 280 characters
 */
public record MarketFeedbackRequest(String category, String note) {
}
