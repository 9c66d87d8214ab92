package dev.signet.care;

import dev.signet.care.promise.PromiseOutcome;
import java.time.Instant;
import java.util.List;

import dev.signet.customer.LoyaltyTier;

/**
 * What service levels are measured from, for one conversation: the customer's and our messages in order, the
 * promised updates and whether they were kept, and the current resolution. Read through
 * {@link ResponseHistoryService}, never from care's tables.
 *
 * @param resolvedAt when it was resolved, or null while open (a reopening clears it)
 */
public record ResponseHistory(long conversationId, String accountKey, ConversationKind kind, LoyaltyTier tier,
        boolean open, Instant firstMessageAt, Instant resolvedAt, List<Entry> messages, List<Promise> promises) {

    /** A message: {@code fromCustomer} (in) or ours (out: a reply, a hand-off line, a scheduled update). */
    public record Entry(Instant at, boolean fromCustomer) {
    }

    /** A promised update: made, due, and (once settled) when and how it ended. */
    public record Promise(Instant madeAt, Instant dueAt, Instant settledAt, PromiseOutcome outcome) {

        public boolean kept() {
            return outcome == PromiseOutcome.KEPT;
        }
    }
}
