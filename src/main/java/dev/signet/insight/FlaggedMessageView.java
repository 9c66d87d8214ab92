package dev.signet.insight;

import java.time.Instant;

/** A flagged message as the export shows it (its text is the customer's, hostile input). */
public record FlaggedMessageView(long messageId, FlagReason reason, Instant sentAt, Instant flaggedAt, String text) {
}
