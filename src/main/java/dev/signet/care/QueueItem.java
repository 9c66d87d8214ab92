package dev.signet.care;

import java.time.Instant;

import dev.signet.customer.LoyaltyTier;

/**
 * One row of the queue.
 *
 * @param waitingSince when the customer's oldest unanswered message was written (null when nobody waits on us)
 */
public record QueueItem(long id, String accountKey, String accountHandle, ConversationKind kind, ConversationStatus status,
        String customerName, String handle, LoyaltyTier loyaltyTier, String lastPreview, Direction lastDirection,
        Instant lastMessageAt, Instant waitingSince) {
}
