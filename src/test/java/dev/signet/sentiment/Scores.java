package dev.signet.sentiment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import dev.signet.channel.InboundMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Plays the sentiment model in tests: fires {@link MessageScored} for a stored message, as the scorer does. */
@ApplicationScoped
public class Scores {

    private final Event<MessageScored> event;
    private final EntityManager em;

    public Scores(Event<MessageScored> event, EntityManager em) {
        this.event = event;
        this.em = em;
    }

    /** The stored message's id. */
    public long messageId(InboundMessage inbound) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from Message m where m.externalId = :x", Long.class)
                .setParameter("x", inbound.externalId()).getSingleResult());
    }

    public long conversationId(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.conversation.id from Message m where m.id = :id", Long.class)
                .setParameter("id", messageId).getSingleResult());
    }

    public MessageScored score(InboundMessage inbound, Sentiment sentiment, double confidence) {
        long id = messageId(inbound);
        MessageScored scored = new MessageScored(id, conversationId(id), inbound.accountKey(), inbound.sentAt(), sentiment,
                confidence, "test-model-1");
        event.fire(scored);
        return scored;
    }
}
