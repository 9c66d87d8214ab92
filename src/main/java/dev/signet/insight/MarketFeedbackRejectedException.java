package dev.signet.insight;

import dev.signet.api.ProblemException;

/** A market-feedback flag that can't be stored: unknown category, too long a note, or not a customer's message. */
final class MarketFeedbackRejectedException extends ProblemException {

    private MarketFeedbackRejectedException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static MarketFeedbackRejectedException unknownCategory(String value) {
        return new MarketFeedbackRejectedException(400, "unknown-feedback-category", "Unknown category",
                "Category must be one of product, policy, pricing, other; got "
                        + (value == null ? "nothing" : "'" + value + "'") + ".");
    }

    static MarketFeedbackRejectedException noteTooLong(int max, int length) {
        return new MarketFeedbackRejectedException(400, "feedback-note-too-long", "Note too long",
                "The note may take at most " + max + " characters; it has " + length + ".");
    }

    static MarketFeedbackRejectedException messageNotFound(long messageId) {
        return new MarketFeedbackRejectedException(404, "message-not-found", "Message not found",
                "There is no message " + messageId + ".");
    }

    static MarketFeedbackRejectedException notCustomers(long messageId) {
        return new MarketFeedbackRejectedException(422, "not-a-customer-message", "Not a customer's message",
                "Only customers' messages can be flagged as market feedback; message " + messageId
                        + " was written by an agent.");
    }
}
