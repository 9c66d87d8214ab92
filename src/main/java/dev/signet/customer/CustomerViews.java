package dev.signet.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The read models of the customer feature: what pages and the API show, never entities. */
public final class CustomerViews {

    private CustomerViews() {
    }

    /** A customer's page header: CRM fields, identities with their past handles, pinned facts, audit, merges. */
    public record Profile(long id, String crmId, String name, String email, LoyaltyTier loyaltyTier,
            BigDecimal lifetimeValue, String tags, String notes, Long mergedIntoId, List<Identity> identities,
            List<Fact> facts, List<AuditEntry> audit, List<Merge> merges) {
    }

    /** An X identity linked to the customer; {@code pastHandles} newest first. */
    public record Identity(long id, String network, String externalUserId, String handle, String displayName,
            String linkRule, Instant linkedAt, List<PastHandle> pastHandles) {
    }

    public record PastHandle(String handle, Instant from, Instant to) {
    }

    public record Fact(long id, String label, String value, String pinnedBy, Instant pinnedAt, Long messageId) {
    }

    public record AuditEntry(Instant at, String action, String actor, String reason, Long identityId,
            Long otherCustomerId) {
    }

    public record Merge(long id, long sourceCustomerId, long targetCustomerId, String mergedBy, Instant mergedAt,
            String reason, boolean undone) {
    }

    /**
     * One entry of the customer's timeline as the page and the API show it, written by {@link TimelineText} from
     * a {@link dev.signet.customer.TimelineEntry} a feature contributed: a message (public or DM, in or out), a
     * conversation opened, a status change (by an agent, or a reopening by the customer), a hand-off, an internal
     * note, an escalation, a promise, goodwill or a survey.
     *
     * @param type          MESSAGE, OPENED, STATUS, HANDOFF, ESCALATED, DEESCALATED, PROMISE, PROMISE_SETTLED,
     *                      GOODWILL, CSAT, NOTE (on the customer) or CONVERSATION_NOTE (an internal note on one of
     *                      their conversations)
     * @param channel       PUBLIC or DM (null for customer notes)
     * @param direction     IN or OUT for messages
     * @param text          the message or note; for HANDOFF "^MD → ^JK: reason"
     * @param initials      the agent's initials for outgoing messages, notes, status changes (null: the customer
     *                      reopened it) and hand-offs (who handed it on)
     * @param status        the conversation's current status (OPENED, ESCALATED, DEESCALATED entries), the new status
     *                      (STATUS), the promise's outcome (PROMISE, PROMISE_SETTLED), the goodwill's status
     *                      (GOODWILL) or the survey's outcome in words (CSAT)
     */
    public record TimelineItem(String type, Instant at, Long conversationId, String channel, String accountHandle,
            String direction, String text, String initials, String authorHandle, String status) {
    }

    public record TimelinePage(List<TimelineItem> entries, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** A search result. */
    public record Hit(long id, String crmId, String name, String email, LoyaltyTier loyaltyTier, List<String> handles) {
    }

    /** A suggestion as the conversation page shows it. */
    public record Suggestion(long id, long customerId, String customerName, String crmId, String reason,
            BigDecimal confidence) {
    }

    /**
     * What the customer feature adds to a conversation page: the facts already given, and for an unlinked author
     * the link suggestions.
     */
    public record ConversationContext(long conversationId, long identityId, Long customerId, String handle,
            List<Fact> facts, List<Suggestion> suggestions) {

        public boolean linked() {
            return customerId != null;
        }
    }

    /**
     * A customer note stored, and what its mentions did.
     *
     * @param mentioned initials of the colleagues notified (never the author)
     * @param unmatched initials mentioned that belong to no agent or lead
     */
    public record NoteAdded(long id, List<String> mentioned, List<String> unmatched) {
    }
}
