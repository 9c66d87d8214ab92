package dev.signet.care.queue;

import java.time.Instant;
import java.util.List;

import dev.signet.care.SlaMark;
import dev.signet.care.ConversationKind;
import dev.signet.care.ConversationStatus;
import dev.signet.care.Direction;
import dev.signet.care.HolderView;
import dev.signet.care.PriorityRule;
import dev.signet.care.promise.PromiseView;
import dev.signet.care.routing.ContinuityView;
import dev.signet.customer.LoyaltyTier;

/**
 * One row of the queue.
 *
 * @param waitingSince when the customer's oldest unanswered message was written (null when nobody waits on us)
 * @param score        the priority now (see {@link PriorityRule})
 * @param reasons      why, largest first, e.g. {@code gold tier +30}, {@code waiting 2 h +20}
 * @param holder       who holds it now (an expired claim counts as free), or null
 * @param continuity   offered to / handled before by (continuity routing), or null
 * @param promise      the update promised to the customer, with its mark (promised, due, overdue), or null
 * @param sla          the next service-level target (due in / breached), or null
 */
public record QueueItem(long id, String accountKey, String accountHandle, ConversationKind kind, ConversationStatus status,
        String customerName, String handle, LoyaltyTier loyaltyTier, String lastPreview, Direction lastDirection,
        Instant lastMessageAt, Instant waitingSince, int score, List<String> reasons, HolderView holder,
        boolean escalated, ContinuityView continuity, PromiseView promise, SlaMark sla) {
}
