package dev.signet.care;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HandOffRepository implements PanacheRepository<HandOff> {

    /** A conversation's hand-offs, oldest first, with both agents (one query). */
    public List<HandOff> ofConversation(long conversationId) {
        return getEntityManager().createQuery("""
                select h from HandOff h join fetch h.from join fetch h.to
                where h.conversation.id = :id order by h.createdAt, h.id""", HandOff.class)
                .setParameter("id", conversationId)
                .getResultList();
    }
}
