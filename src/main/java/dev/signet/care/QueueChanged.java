package dev.signet.care;

import java.time.Instant;

/**
 * Something changed in the queue. Fired as a CDI event inside the transaction that made the change; the
 * queue's broadcaster ({@code care.queue}) passes it on to the live queue pages only after that transaction commits.
 *
 * @param conversationId the conversation, or 0 for stream-level events ({@code CONNECTED}, {@code RESYNC},
 *                       {@code HEARTBEAT})
 * @param accountKey     the brand account of the conversation, or null
 */
public record QueueChanged(Type type, long conversationId, String accountKey, Instant at) {

    public enum Type {
        /** A customer's message was stored (intake). */
        MESSAGE_RECEIVED,
        /** An agent replied. */
        REPLIED,
        CLAIMED,
        RELEASED,
        HANDED_OFF,
        STATUS_CHANGED,
        RESOLVED,
        /** The priority changed for another reason (e.g. a message was scored negative). */
        REPRIORITIZED,
        /** Escalated to the leads (repeat contact), or de-escalated by a lead. */
        ESCALATED,
        DEESCALATED,
        /** Offered to the agent who handled the customer before (continuity), or that offer ended. */
        OFFERED,
        OFFER_ENDED,
        /** First event of every stream (and so of every reconnect): the page refetches what it may have missed. */
        CONNECTED,
        /**
         * This replica stopped hearing other replicas' changes for a while (its listening connection was lost and
         * is back): the page refetches, as on {@code CONNECTED}.
         */
        RESYNC,
        /** Keeps idle connections open through proxies. */
        HEARTBEAT
    }

    public static QueueChanged of(Type type, Conversation conversation, Instant at) {
        return new QueueChanged(type, conversation.id(), conversation.account().accountKey(), at);
    }
}
