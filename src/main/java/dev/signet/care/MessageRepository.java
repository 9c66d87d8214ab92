package dev.signet.care;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MessageRepository implements PanacheRepository<Message> {

    /** The customer's most recent message of a conversation: a public reply answers it. */
    public Optional<Message> latestFromCustomer(Long conversationId) {
        return find("conversation.id = ?1 and direction = ?2 and externalId is not null order by sentAt desc, id desc",
                conversationId, Direction.IN).firstResultOptional();
    }

    /** A page of a conversation's messages, oldest first, with their authors. */
    public List<Message> thread(Long conversationId, int offset, int limit) {
        return getEntityManager().createQuery("""
                select m from Message m
                left join fetch m.authorIdentity
                left join fetch m.authorUser
                where m.conversation.id = :conversation
                order by m.sentAt, m.id""", Message.class)
                .setParameter("conversation", conversationId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countInConversation(Long conversationId) {
        return count("conversation.id", conversationId);
    }
}
