package dev.signet.insight;

import java.time.Instant;

/**
 * A flagged message as the export shows it (its text is the customer's, hostile input).
 *
 * @param category market feedback only: what it is about (null for other reasons)
 * @param note     market feedback only: the flagging agent's note, or null
 */
public record FlaggedMessageView(long messageId, FlagReason reason, Instant sentAt, Instant flaggedAt, String text,
        FeedbackCategory category, String note) {
}
