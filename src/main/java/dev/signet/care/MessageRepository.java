package dev.signet.care;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MessageRepository implements PanacheRepository<Message> {

    /**
     * The post a reply answers by default: the latest post of the conversation's customer. A thread can hold
     * posts by other people too (someone chiming in); only when the customer has none is anyone's latest taken.
     */
    public Optional<Message> latestFromCustomer(Long conversationId) {
        return getEntityManager().createQuery("""
                select m from Message m join m.conversation c
                where c.id = :conversation and m.direction = :in and m.externalId is not null
                order by case when m.authorIdentity = c.identity then 0 else 1 end, m.sentAt desc, m.id desc""",
                Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("in", Direction.IN)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /**
     * A customer post of the conversation named by its X id or, failing that, its message id; empty when the
     * conversation has no such post.
     */
    public Optional<Message> customerPost(Long conversationId, String reference) {
        Optional<Message> byExternalId = find("conversation.id = ?1 and direction = ?2 and externalId = ?3",
                conversationId, Direction.IN, reference).firstResultOptional();
        if (byExternalId.isPresent() || !reference.matches("[0-9]{1,18}")) {
            return byExternalId;
        }
        return find("conversation.id = ?1 and direction = ?2 and externalId is not null and id = ?3",
                conversationId, Direction.IN, Long.parseLong(reference)).firstResultOptional();
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
