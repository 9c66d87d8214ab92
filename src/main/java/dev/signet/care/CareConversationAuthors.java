package dev.signet.care;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.signet.customer.ConversationAuthors;

/** Tells the customer feature which identity a conversation or message is with: one statement each. */
@ApplicationScoped
public class CareConversationAuthors implements ConversationAuthors {

    private final EntityManager em;

    public CareConversationAuthors(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Long> identityOfConversation(long conversationId) {
        return em.createQuery("select c.identity.id from Conversation c where c.id = :id", Long.class)
                .setParameter("id", conversationId).getResultStream().findFirst();
    }

    @Override
    public Optional<Long> identityOfMessage(long messageId) {
        return em.createQuery("select m.conversation.identity.id from Message m where m.id = :id", Long.class)
                .setParameter("id", messageId).getResultStream().findFirst();
    }
}
